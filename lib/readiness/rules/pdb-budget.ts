import { at, kindOf, nameOf, namespaceOf } from '../object';
import type { ObjectIndex } from '../object-index';
import type { LabelSelector } from '../../core/label-selector';
import { parseSelector } from '../selector';
import type { KubeObject } from '../types';
import { minimumReplicas } from '../relations';

/** What a PodDisruptionBudget selects and allows. */
export interface DisruptionBudget {
  /** Its selector. */
  readonly selector: LabelSelector | undefined;
  /** The workloads in its namespace whose pods it selects, with their minimum replica count. */
  readonly workloads: readonly { readonly object: KubeObject; readonly replicas: number | undefined }[];
  /** `spec.minAvailable` as written. */
  readonly minAvailable: unknown;
  /** `spec.maxUnavailable` as written. */
  readonly maxUnavailable: unknown;
}

/** Reads a PDB and resolves the workloads it covers. */
export function readBudget(pdb: KubeObject, index: ObjectIndex): DisruptionBudget {
  const selector = parseSelector(at(pdb, 'spec', 'selector'));
  const workloads = index
    .selectWorkloads(namespaceOf(pdb), selector)
    .map((w) => ({ object: w.object, replicas: minimumReplicas(index, w.object) }));
  return {
    selector,
    workloads,
    minAvailable: at(pdb, 'spec', 'minAvailable'),
    maxUnavailable: at(pdb, 'spec', 'maxUnavailable'),
  };
}

/** `Kind/name` of a workload, for messages. */
export function workloadName(object: KubeObject): string {
  return `${kindOf(object)}/${nameOf(object)}`;
}

/**
 * The number of pods a PDB's `minAvailable` demands out of `pods`: a number as is, a percentage rounded
 * up as the disruption controller rounds it (`90%` of 3 is 3); `undefined` when it is neither.
 */
export function resolveMinAvailable(minAvailable: unknown, pods: number): number | undefined {
  if (typeof minAvailable === 'number') return minAvailable;
  const match = typeof minAvailable === 'string' ? /^(\d+)%$/.exec(minAvailable) : null;
  return match ? Math.ceil((Number(match[1]) * pods) / 100) : undefined;
}
