import { objectRule } from '../define';
import { disruptionBudgetsOf, minimumReplicas } from '../relations';

/** Guide 14.7 and 16.2: multi-replica workloads have a PDB. */
export const pdbCoversWorkload = objectRule({
  id: 'pdb-covers-workload',
  summary: 'Every workload with more than one replica is selected by a PodDisruptionBudget.',
  why: 'Guide 14.7, 16.2 and 16.3: without a PDB a node drain or cluster upgrade may evict every replica at once; replica count is not availability.',
  fix: 'Add a PodDisruptionBudget whose selector matches the pod template labels, with minAvailable below the minimum replica count (or maxUnavailable: 1).',
  kinds: ['Deployment', 'StatefulSet', 'ReplicaSet'],
  check(object, { index }) {
    const replicas = minimumReplicas(index, object) ?? 0;
    if (replicas <= 1 || disruptionBudgetsOf(index, object).length > 0) return [];
    return [{ message: `runs at least ${replicas} replicas but no PodDisruptionBudget selects its pods` }];
  },
});
