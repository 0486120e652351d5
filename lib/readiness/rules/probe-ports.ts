import { podRule } from '../define';
import { at, records, text } from '../object';
import { containerLabel } from '../pod-security/context';
import { Violation } from '../types';
import { containersOf } from '../workload';

const PROBES = ['readinessProbe', 'livenessProbe', 'startupProbe'] as const;

/** Guide 11.3: a probe that targets a port the container does not open fails forever. */
export const probePorts = podRule({
  id: 'probe-port-exists',
  summary: 'Probe ports name or number a port the container declares.',
  why: 'Guide 11.3: a probe against a port nobody listens on never succeeds, so the pod never becomes Ready or is restarted in a CrashLoopBackOff; a misspelt named port is rejected only at runtime.',
  fix: 'Use the name of a containerPort (e.g. port: http) or the number of a declared containerPort.',
  checkPod(template) {
    const out: Violation[] = [];
    for (const c of containersOf(template)) {
      const ports = records(c.container.ports);
      const names = new Set(ports.map((p) => text(p.name)).filter(Boolean));
      const numbers = new Set(ports.map((p) => p.containerPort));
      for (const probe of PROBES) {
        for (const action of ['httpGet', 'tcpSocket', 'grpc']) {
          const port = at(c.container, probe, action, 'port');
          if (port === undefined) continue;
          const missing =
            typeof port === 'string' ? !names.has(port) && !/^\d+$/.test(port) : ports.length > 0 && !numbers.has(port);
          if (missing)
            out.push({
              message: `${containerLabel(c)} ${probe} targets port ${JSON.stringify(port)}, which the container does not declare`,
              field: `${c.path}.${probe}.${action}.port`,
            });
        }
      }
    }
    return out;
  },
});
