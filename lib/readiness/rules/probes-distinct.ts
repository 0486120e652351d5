import { podRule } from '../define';
import { record } from '../object';
import { containerLabel } from '../pod-security/context';
import { appContainersOf } from '../workload';

const HANDLER_KEYS = ['httpGet', 'tcpSocket', 'exec', 'grpc'] as const;

/** A probe's handler (what it calls), canonical so that key order does not matter. */
function handlerOf(probe: unknown): string {
  const p = record(probe);
  return JSON.stringify(HANDLER_KEYS.filter((k) => p[k] !== undefined).map((k) => [k, canonical(p[k])]));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Guide 6.2 and 11.3: readiness and liveness ask different questions. */
export const probesDistinct = podRule({
  id: 'probes-distinct',
  summary: 'Readiness and liveness probes call different checks.',
  why: 'Guide 6.2 and 11.3: readiness says "send me traffic", liveness says "restart me"; when both call the same endpoint, a slow dependency makes the kubelet restart healthy pods, which turns an overload into a CrashLoopBackOff.',
  fix: 'Point livenessProbe at a check of the process only (e.g. /health/liveness) and readinessProbe at one that includes dependencies (e.g. /health/readiness).',
  checkPod(template) {
    return appContainersOf(template).flatMap((c) => {
      const { readinessProbe, livenessProbe } = c.container;
      if (readinessProbe === undefined || livenessProbe === undefined) return [];
      return handlerOf(readinessProbe) === handlerOf(livenessProbe)
        ? [
            {
              message: `${containerLabel(c)} readiness and liveness probes call the same check ${handlerOf(livenessProbe)}`,
              field: `${c.path}.livenessProbe`,
            },
          ]
        : [];
    });
  },
});
