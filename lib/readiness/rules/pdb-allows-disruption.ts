import { objectRule } from '../define';
import { Violation } from '../types';
import { readBudget, workloadName } from './pdb-budget';

/** Guide 14.10: the PDB must not block rolling updates and drains. */
export const pdbAllowsDisruption = objectRule({
  id: 'pdb-allows-disruption',
  summary: 'Every PodDisruptionBudget allows at least one pod to be evicted.',
  why: 'Guide 14.10 ("Confirm PDB does not block rolling updates") and 11.2: a PDB with maxUnavailable 0 or minAvailable equal to the replica count blocks every node drain, so upgrades stall and nodes cannot be replaced.',
  fix: 'Set maxUnavailable: 1, or minAvailable below the minimum replica count (e.g. replicas - 1).',
  kinds: ['PodDisruptionBudget'],
  check(object, { index }) {
    const { workloads, minAvailable, maxUnavailable } = readBudget(object, index);
    const out: Violation[] = [];
    if (maxUnavailable === 0 || maxUnavailable === '0%')
      out.push({
        message: `maxUnavailable is ${JSON.stringify(maxUnavailable)}, so no pod may ever be evicted`,
        field: 'spec.maxUnavailable',
      });
    if (minAvailable === '100%')
      out.push({ message: 'minAvailable is "100%", so no pod may ever be evicted', field: 'spec.minAvailable' });
    if (typeof minAvailable === 'number') {
      const counted = workloads.filter((w) => w.replicas !== undefined);
      const pods = counted.reduce((sum, w) => sum + (w.replicas ?? 0), 0);
      if (counted.length > 0 && minAvailable >= pods) {
        out.push({
          message: `minAvailable ${minAvailable} is not below the ${pods} pod(s) of ${counted.map((w) => workloadName(w.object)).join(', ')}, so no pod may be evicted`,
          field: 'spec.minAvailable',
        });
      }
    }
    return out;
  },
});
