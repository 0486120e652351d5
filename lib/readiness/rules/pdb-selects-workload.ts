import { objectRule } from '../define';
import { readBudget } from './pdb-budget';

/** Guide 14.7: a PDB that selects nothing protects nothing. */
export const pdbSelectsWorkload = objectRule({
  id: 'pdb-selects-workload',
  summary: 'Every PodDisruptionBudget selects the pods of at least one workload in the output.',
  why: 'Guide 14.7 and 11.2: a PDB whose selector matches no pod is a typo that leaves the real workload unprotected during drains.',
  fix: 'Make spec.selector match the pod template labels of the workload (selectors use app.kubernetes.io/name and instance).',
  kinds: ['PodDisruptionBudget'],
  check(object, { index }) {
    const budget = readBudget(object, index);
    return budget.workloads.length === 0
      ? [{ message: 'selects the pods of no workload in the output', field: 'spec.selector' }]
      : [];
  },
});
