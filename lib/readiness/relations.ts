import type { ObjectIndex } from './object-index';
import { at, kindOf, nameOf, namespaceOf, text } from './object';
import type { LabelSelector } from '../core/label-selector';
import { parseSelector } from './selector';
import type { KubeObject } from './types';
import { declaredReplicas } from './workload';

/** Reads a selector, or `undefined` when it is missing or malformed (the owner's own rule reports that). */
function safeSelector(value: unknown): LabelSelector | undefined {
  try {
    return parseSelector(value);
  } catch {
    return undefined;
  }
}

/** For each workload, the objects of `kind` whose selector at `path` selects its pods (computed once per check). */
function selectingWorkloads(index: ObjectIndex, kind: string, path: readonly string[]): Map<KubeObject, KubeObject[]> {
  return index.derived(`selecting:${kind}`, () => {
    const map = new Map<KubeObject, KubeObject[]>();
    for (const selecting of index.ofKind(kind)) {
      for (const w of index.selectWorkloads(namespaceOf(selecting), safeSelector(at(selecting, ...path)))) {
        const list = map.get(w.object);
        if (list) list.push(selecting);
        else map.set(w.object, [selecting]);
      }
    }
    return map;
  });
}

/** The PodDisruptionBudgets that select the pods of `workload`. */
export function disruptionBudgetsOf(index: ObjectIndex, workload: KubeObject): readonly KubeObject[] {
  return selectingWorkloads(index, 'PodDisruptionBudget', ['spec', 'selector']).get(workload) ?? [];
}

/** The NetworkPolicies whose podSelector selects the pods of `workload`. */
export function networkPoliciesOf(index: ObjectIndex, workload: KubeObject): readonly KubeObject[] {
  return selectingWorkloads(index, 'NetworkPolicy', ['spec', 'podSelector']).get(workload) ?? [];
}

/** The HorizontalPodAutoscaler whose scaleTargetRef names `workload`, if any. */
export function autoscalerOf(index: ObjectIndex, workload: KubeObject): KubeObject | undefined {
  const byTarget = index.derived('autoscalers', () => {
    const map = new Map<string, KubeObject>();
    for (const hpa of index.ofKind('HorizontalPodAutoscaler')) {
      const ref = at(hpa, 'spec', 'scaleTargetRef');
      map.set([text(at(ref, 'kind')), namespaceOf(hpa), text(at(ref, 'name'))].join('/'), hpa);
    }
    return map;
  });
  return byTarget.get([kindOf(workload), namespaceOf(workload), nameOf(workload)].join('/'));
}

/**
 * The fewest pods the workload runs in normal operation: the HPA's minReplicas when an HPA scales it,
 * else its declared replicas; `undefined` for kinds without a replica count (DaemonSet, Job, CronJob).
 */
export function minimumReplicas(index: ObjectIndex, workload: KubeObject): number | undefined {
  const hpa = autoscalerOf(index, workload);
  if (hpa) {
    const min = at(hpa, 'spec', 'minReplicas');
    return typeof min === 'number' ? min : 1;
  }
  return declaredReplicas(workload);
}
