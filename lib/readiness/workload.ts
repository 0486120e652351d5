import { at, kindOf, record, records, stringMap, text } from './object';
import type { KubeObject } from './types';

/** The kinds that carry a pod template, with the path to it. */
const TEMPLATE_PATHS: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/** Every kind that runs pods: Pod itself and the controllers above. */
export const WORKLOAD_KINDS: readonly string[] = ['Pod', ...Object.keys(TEMPLATE_PATHS)];

/** Workload kinds that run until stopped (not Job or CronJob): they need probes, PDBs and spreading. */
export const SERVING_KINDS: readonly string[] = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Pod',
];

/** The pod a workload runs: its metadata and spec, and where they live in the object. */
export interface PodTemplate {
  /** The pod's metadata (for a Pod, the object's own). */
  readonly metadata: Record<string, unknown>;
  /** The pod spec. */
  readonly spec: Record<string, unknown>;
  /** The pod's labels (template labels for controllers). */
  readonly labels: Readonly<Record<string, string>>;
  /** Field path of the pod spec, e.g. `spec.template.spec`. */
  readonly specPath: string;
}

/** A container of a pod spec with its field path. */
export interface ContainerRef {
  /** The container as plain data. */
  readonly container: Record<string, unknown>;
  /** Its name, or an empty string. */
  readonly name: string;
  /** `containers`, `initContainers` or `ephemeralContainers`. */
  readonly list: 'containers' | 'initContainers' | 'ephemeralContainers';
  /** Field path, e.g. `spec.template.spec.containers[0]`. */
  readonly path: string;
}

/** The pod template of any workload kind, or `undefined` for other kinds. */
export function podTemplateOf(object: KubeObject): PodTemplate | undefined {
  const kind = kindOf(object);
  if (kind === 'Pod') {
    const metadata = record(object.metadata);
    return { metadata, spec: record(object.spec), labels: stringMap(metadata.labels), specPath: 'spec' };
  }
  const path = TEMPLATE_PATHS[kind];
  if (!path) return undefined;
  const template = record(at(object, ...path));
  const metadata = record(template.metadata);
  return {
    metadata,
    spec: record(template.spec),
    labels: stringMap(metadata.labels),
    specPath: `${path.join('.')}.spec`,
  };
}

const ALL_LISTS: readonly ContainerRef['list'][] = ['containers', 'initContainers', 'ephemeralContainers'];

/** Every container of a pod spec: regular, init and ephemeral, in that order. */
export function containersOf(
  template: PodTemplate,
  lists: readonly ContainerRef['list'][] = ALL_LISTS,
): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const list of lists) {
    records(template.spec[list]).forEach((container, i) => {
      out.push({ container, name: text(container.name) ?? '', list, path: `${template.specPath}.${list}[${i}]` });
    });
  }
  return out;
}

/** The regular containers only: those that serve and need probes. */
export function appContainersOf(template: PodTemplate): ContainerRef[] {
  return containersOf(template, ['containers']);
}

/**
 * How many pods the workload asks for: `spec.replicas` (default 1) for Deployments, StatefulSets and
 * ReplicaSets, 1 for a Pod, `undefined` for kinds whose count is not a replica number (DaemonSet, Job).
 */
export function declaredReplicas(object: KubeObject): number | undefined {
  const kind = kindOf(object);
  if (kind === 'Pod') return 1;
  if (!['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'].includes(kind)) return undefined;
  const replicas = at(object, 'spec', 'replicas');
  return typeof replicas === 'number' ? replicas : 1;
}
