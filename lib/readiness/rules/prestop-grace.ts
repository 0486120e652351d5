import { podRule } from '../define';
import { at } from '../object';
import { containerLabel } from '../pod-security/context';
import { appContainersOf } from '../workload';

/** Seconds a preStop hook sleeps, from `sleep: {seconds}` or an exec `sleep N` command; `undefined` if unknown. */
export function preStopSleepSeconds(container: Record<string, unknown>): number | undefined {
  const seconds = at(container, 'lifecycle', 'preStop', 'sleep', 'seconds');
  if (typeof seconds === 'number') return seconds;
  const command = at(container, 'lifecycle', 'preStop', 'exec', 'command');
  if (!Array.isArray(command)) return undefined;
  const match = /(?:^|\s|;|&)sleep\s+(\d+)/.exec(command.map(String).join(' '));
  return match ? Number(match[1]) : undefined;
}

/** Guide 6.3: the preStop pause ends before the kubelet's deadline. */
export const preStopWithinGrace = podRule({
  id: 'prestop-within-grace',
  summary: 'A preStop sleep is shorter than terminationGracePeriodSeconds.',
  why: 'Guide 6.3: the grace period counts from the start of preStop; a sleep as long as the grace period leaves the application no time to drain and it is SIGKILLed mid-request.',
  fix: 'Make terminationGracePeriodSeconds longer than the preStop sleep plus the application shutdown time (the order-api uses 10 s of sleep and 40 s of grace).',
  checkPod(template) {
    const grace =
      typeof template.spec.terminationGracePeriodSeconds === 'number'
        ? template.spec.terminationGracePeriodSeconds
        : 30;
    return appContainersOf(template).flatMap((c) => {
      const sleep = preStopSleepSeconds(c.container);
      return sleep !== undefined && sleep >= grace
        ? [
            {
              message: `${containerLabel(c)} preStop sleeps ${sleep}s, not less than terminationGracePeriodSeconds ${grace}`,
              field: `${c.path}.lifecycle.preStop`,
            },
          ]
        : [];
    });
  },
});
