import { objectRule } from '../define';
import { Violation } from '../types';
import { readBudget, resolveMinAvailable, workloadName } from './pdb-budget';

/** Guide 14.10: the PDB must not block rolling updates and drains. */
export const pdbAllowsDisruption = objectRule({
  id: 'pdb-allows-disruption',
  summary: 'Every PodDisruptionBudget allows at least one pod to be evicted.',
  why: 'Guide 14.10 ("Confirm PDB does not block rolling updates") and 11.2: a PDB with maxUnavailable 0 or minAvailable equal to the replica count blocks every node drain (a percentage rounds up: 90% of 3 pods is 3), so upgrades stall and nodes cannot be replaced.',
  fix: 'Set maxUnavailable: 1, or minAvailable below the minimum replica count (e.g. replicas - 1; a percentage is rounded up).',
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
    const counted = workloads.filter((w) => w.replicas !== undefined);
    const pods = counted.reduce((sum, w) => sum + (w.replicas ?? 0), 0);
    const demanded = resolveMinAvailable(minAvailable, pods);
    if (minAvailable !== '100%' && counted.length > 0 && demanded !== undefined && demanded >= pods) {
      const owners = counted.map((w) => workloadName(w.object)).join(', ');
      out.push({
        message:
          typeof minAvailable === 'number'
            ? `minAvailable ${minAvailable} is not below the ${pods} pod(s) of ${owners}, so no pod may be evicted`
            : `minAvailable ${JSON.stringify(minAvailable)} of the ${pods} pod(s) of ${owners} rounds up to ${demanded}, so no pod may be evicted`,
        field: 'spec.minAvailable',
      });
    }
    return out;
  },
});
