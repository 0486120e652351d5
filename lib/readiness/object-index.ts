import { kindOf, labelsOf, nameOf, namespaceOf } from './object';
import type { LabelSelector } from '../core/label-selector';
import { isEmptySelector, matchesSelector } from './selector';
import type { KubeObject } from './types';
import { PodTemplate, podTemplateOf } from './workload';

/** A workload object together with its pod template. */
export interface Workload {
  /** The Deployment, StatefulSet, Pod, CronJob… */
  readonly object: KubeObject;
  /** Its pod template. */
  readonly template: PodTemplate;
}

const key = (...parts: string[]) => parts.join('\u0000');

/**
 * A read-only index over every object of one check, built once so rules that look at other objects
 * stay linear: lookups by kind, namespace and name are map reads, and label selection goes through an
 * inverted index of pod template labels instead of scanning every workload.
 */
export class ObjectIndex {
  /** Builds the index over `objects`, in one pass. */
  public static build(objects: readonly KubeObject[]): ObjectIndex {
    return new ObjectIndex(objects);
  }

  /** Every object, in input order. */
  public readonly objects: readonly KubeObject[];
  private readonly byKind = new Map<string, KubeObject[]>();
  private readonly byKindNamespace = new Map<string, KubeObject[]>();
  private readonly byName = new Map<string, KubeObject>();
  private readonly templates = new Map<KubeObject, PodTemplate>();
  private readonly workloadsByNamespace = new Map<string, Workload[]>();
  private readonly workloadsByLabel = new Map<string, Workload[]>();
  private readonly memos = new Map<string, unknown>();

  private constructor(objects: readonly KubeObject[]) {
    this.objects = objects;
    for (const object of objects) {
      const kind = kindOf(object);
      const ns = namespaceOf(object);
      push(this.byKind, kind, object);
      push(this.byKindNamespace, key(kind, ns), object);
      this.byName.set(key(kind, ns, nameOf(object)), object);
      const template = podTemplateOf(object);
      if (!template) continue;
      this.templates.set(object, template);
      const workload = { object, template };
      push(this.workloadsByNamespace, ns, workload);
      for (const [label, value] of Object.entries(template.labels))
        push(this.workloadsByLabel, key(ns, label, value), workload);
    }
  }

  /** Objects of `kind`, in `namespace` when given (`''` for cluster-scoped), else in every namespace. */
  public ofKind(kind: string, namespace?: string): readonly KubeObject[] {
    return (namespace === undefined ? this.byKind.get(kind) : this.byKindNamespace.get(key(kind, namespace))) ?? [];
  }

  /** The object of `kind` named `name` in `namespace` (`''` for cluster-scoped), if the output declares it. */
  public get(kind: string, namespace: string, name: string): KubeObject | undefined {
    return this.byName.get(key(kind, namespace, name));
  }

  /** Whether the output declares at least one object of `kind`. */
  public declares(kind: string): boolean {
    return this.byKind.has(kind);
  }

  /** The pod template of a workload object of this check, if it is one. */
  public templateOf(object: KubeObject): PodTemplate | undefined {
    return this.templates.get(object);
  }

  /** Every workload in `namespace`. */
  public workloads(namespace: string): readonly Workload[] {
    return this.workloadsByNamespace.get(namespace) ?? [];
  }

  /**
   * The workloads in `namespace` whose pod template labels `selector` selects, with full selector
   * semantics. Uses the label index when the selector has a matchLabels entry.
   */
  public selectWorkloads(namespace: string, selector: LabelSelector | undefined): readonly Workload[] {
    if (!selector) return [];
    if (isEmptySelector(selector)) return this.workloads(namespace);
    const first = Object.entries(selector.matchLabels ?? {})[0];
    const candidates = first
      ? (this.workloadsByLabel.get(key(namespace, first[0], first[1])) ?? [])
      : this.workloads(namespace);
    return candidates.filter((w) => matchesSelector(selector, w.template.labels));
  }

  /**
   * The objects of `kind` in `namespace` whose own `metadata.labels` `selector` selects (Services for a
   * ServiceMonitor, for example). The label index of each kind is built on first use.
   */
  public selectObjects(kind: string, namespace: string, selector: LabelSelector | undefined): readonly KubeObject[] {
    if (!selector) return [];
    const all = this.ofKind(kind, namespace);
    if (isEmptySelector(selector)) return all;
    const first = Object.entries(selector.matchLabels ?? {})[0];
    const candidates = first
      ? (this.derived(`labels:${kind}`, () => {
          const map = new Map<string, KubeObject[]>();
          for (const o of this.ofKind(kind)) {
            for (const [label, value] of Object.entries(labelsOf(o))) push(map, key(namespaceOf(o), label, value), o);
          }
          return map;
        }).get(key(namespace, first[0], first[1])) ?? [])
      : all;
    return candidates.filter((o) => matchesSelector(selector, labelsOf(o)));
  }

  /**
   * A value derived from the whole index, computed on first use and shared by every rule of this check
   * (for example "which PDBs select each workload"). `name` must be unique per derivation.
   */
  public derived<T>(name: string, compute: (index: ObjectIndex) => T): T {
    if (!this.memos.has(name)) this.memos.set(name, compute(this));
    return this.memos.get(name) as T;
  }
}

function push<K, V>(map: Map<K, V[]>, k: K, v: V): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}
