import { podRule } from '../define';
import { at } from '../object';
import { containerLabel } from '../pod-security/context';
import { containersOf } from '../workload';

const REQUIRED = [
  ['requests', 'cpu'],
  ['requests', 'memory'],
  ['limits', 'cpu'],
  ['limits', 'memory'],
] as const;

/** Guide 16.1: every container declares CPU and memory requests and limits. */
export const resourcesRequestsLimits = podRule({
  id: 'resources-requests-limits',
  summary: 'Every container sets CPU and memory requests and limits.',
  why: 'Guide 16.1 and 12.4: without requests the scheduler packs pods blindly and the HPA has no utilisation to scale on; without limits one pod can starve its neighbours or be OOM-killed at random (11.3, 11.5).',
  fix: 'Set resources.requests.cpu/memory from a load test and resources.limits.cpu/memory above them (memory limit = request for predictable OOM behaviour).',
  checkPod(template) {
    return containersOf(template, ['containers', 'initContainers']).flatMap((c) => {
      const missing = REQUIRED.filter(([group, res]) => at(c.container, 'resources', group, res) === undefined).map(
        ([g, r]) => `${g}.${r}`,
      );
      return missing.length
        ? [{ message: `${containerLabel(c)} does not set ${missing.join(', ')}`, field: `${c.path}.resources` }]
        : [];
    });
  },
});
