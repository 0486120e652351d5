import { podRule } from '../define';
import { at, nameOf, records, stringMap, text } from '../object';
import type { ObjectIndex } from '../object-index';
import { PodTemplate } from '../workload';

/** What the platform stack says about the nodes of one pool. */
interface NodePool {
  readonly name: string;
  /** Label key → the values nodes of this pool can carry. */
  readonly labels: ReadonlyMap<string, readonly string[]>;
  /** Taints that keep pods off unless tolerated. */
  readonly taints: readonly Record<string, unknown>[];
}

/** The node pools the output declares (Karpenter `NodePool` objects), read once per check. */
function nodePools(index: ObjectIndex): readonly NodePool[] {
  return index.derived('node-pools', () =>
    index.ofKind('NodePool').map((pool) => {
      const labels = new Map<string, string[]>();
      for (const [k, v] of Object.entries(stringMap(at(pool, 'spec', 'template', 'metadata', 'labels'))))
        labels.set(k, [v]);
      for (const r of records(at(pool, 'spec', 'template', 'spec', 'requirements'))) {
        if (r.operator === 'In' && Array.isArray(r.values)) labels.set(text(r.key) ?? '', r.values.map(String));
      }
      const taints = records(at(pool, 'spec', 'template', 'spec', 'taints')).filter(
        (t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute',
      );
      return { name: nameOf(pool), labels, taints };
    }),
  );
}

/** Whether `pool` can satisfy one node selector requirement, judged only on keys some pool declares. */
function satisfies(
  pool: NodePool,
  key: string,
  operator: string,
  values: readonly string[],
  platformKeys: ReadonlySet<string>,
): boolean {
  if (!platformKeys.has(key)) return true;
  const offered = pool.labels.get(key);
  switch (operator) {
    case 'In':
      return !!offered && offered.some((v) => values.includes(v));
    case 'NotIn':
      return !offered || offered.some((v) => !values.includes(v));
    case 'Exists':
      return !!offered;
    case 'DoesNotExist':
      return !offered;
    default:
      return true;
  }
}

/** Whether the pod's tolerations cover `taint`. */
function tolerates(tolerations: readonly Record<string, unknown>[], taint: Record<string, unknown>): boolean {
  return tolerations.some((t) => {
    if (t.effect !== undefined && t.effect !== '' && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return t.key === undefined || t.key === '' || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

/** The pools whose nodes match the pod's nodeSelector and required node affinity. */
function matchingPools(template: PodTemplate, pools: readonly NodePool[]): NodePool[] {
  const platformKeys = new Set(pools.flatMap((p) => [...p.labels.keys()]));
  const selector = Object.entries(stringMap(template.spec.nodeSelector));
  const terms = records(
    at(
      template.spec,
      'affinity',
      'nodeAffinity',
      'requiredDuringSchedulingIgnoredDuringExecution',
      'nodeSelectorTerms',
    ),
  );
  return pools.filter(
    (pool) =>
      selector.every(([k, v]) => satisfies(pool, k, 'In', [v], platformKeys)) &&
      (terms.length === 0 ||
        terms.some((term) =>
          records(term.matchExpressions).every((e) =>
            satisfies(
              pool,
              text(e.key) ?? '',
              text(e.operator) ?? '',
              Array.isArray(e.values) ? e.values.map(String) : [],
              platformKeys,
            ),
          ),
        )),
  );
}

/** Guide 11.2: pods can land on a node pool the platform stack declares. */
export const nodePoolExists = podRule({
  id: 'node-pool-exists',
  summary:
    "When the output declares NodePools, the pod's node selector and required node affinity match one, and its tolerations cover that pool's taints.",
  why: 'Guide 11.2 ("Pods stuck in Pending": nodeAffinity mismatch, unsatisfied taints) and 16.1: a pod that asks for a pool the platform does not provide, or does not tolerate the pool\'s taint, stays Pending.',
  fix: 'Use a node-pool label value declared by a NodePool of the platform stack, and add the tolerations for its taints.',
  checkPod(template, _object, { index }) {
    const pools = nodePools(index);
    if (pools.length === 0) return [];
    const matching = matchingPools(template, pools);
    if (matching.length === 0) {
      return [
        {
          message: `no NodePool of the platform stack (${pools.map((p) => p.name).join(', ')}) provides nodes matching the pod's nodeSelector and required node affinity`,
          field: `${template.specPath}.affinity.nodeAffinity`,
        },
      ];
    }
    const tolerations = records(template.spec.tolerations);
    if (matching.some((pool) => pool.taints.every((t) => tolerates(tolerations, t)))) return [];
    const untolerated = matching.map(
      (p) =>
        `${p.name} (${p.taints
          .filter((t) => !tolerates(tolerations, t))
          .map((t) => `${text(t.key)}=${text(t.value) ?? ''}:${text(t.effect)}`)
          .join(', ')})`,
    );
    return [
      {
        message: `the pod does not tolerate the taints of the matching NodePool(s): ${untolerated.join('; ')}`,
        field: `${template.specPath}.tolerations`,
      },
    ];
  },
});
