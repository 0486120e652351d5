import { podRule } from '../define';
import { containerLabel } from '../pod-security/context';
import { appContainersOf, SERVING_KINDS } from '../workload';

/** Guide 6.2 and 14.10: serving containers have readiness and liveness probes. */
export const probesPresent = podRule({
  id: 'probes-readiness-liveness',
  summary: 'Every serving container has a readiness probe and a liveness probe.',
  why: 'Guide 6.2, 14.10 and 16.2: without a readiness probe traffic reaches pods that cannot serve and rollouts proceed on broken pods; without a liveness probe a hung process is never restarted.',
  fix: 'Add readinessProbe (can this pod take traffic now?) and livenessProbe (is the process alive?), and a startupProbe for slow starters.',
  kinds: SERVING_KINDS,
  checkPod(template) {
    return appContainersOf(template).flatMap((c) =>
      (['readinessProbe', 'livenessProbe'] as const)
        .filter((probe) => c.container[probe] === undefined)
        .map((probe) => ({ message: `${containerLabel(c)} has no ${probe}`, field: `${c.path}.${probe}` })),
    );
  },
});
