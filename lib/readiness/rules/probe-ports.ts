import { podRule } from '../define';
import { at, records, text } from '../object';
import { containerLabel } from '../pod-security/context';
import { Violation } from '../types';
import { containersOf } from '../workload';

const PROBES = ['readinessProbe', 'livenessProbe', 'startupProbe'] as const;
const ACTIONS = ['httpGet', 'tcpSocket', 'grpc'] as const;

/** Guide 11.3: a probe that targets a port the container does not open fails forever. */
export const probePorts = podRule({
  id: 'probe-port-exists',
  summary: 'Probe ports name or number a TCP port the container declares.',
  why: 'Guide 11.3: a probe against a port nobody listens on never succeeds, so the pod never becomes Ready or is restarted in a CrashLoopBackOff; a misspelt named port is rejected only at runtime; HTTP, TCP and gRPC probes connect over TCP, so a port declared only for UDP never answers them.',
  fix: 'Use the name of a TCP containerPort (e.g. port: http) or the number of a declared TCP containerPort.',
  checkPod(template) {
    const out: Violation[] = [];
    for (const c of containersOf(template)) {
      const ports = records(c.container.ports);
      const tcp = (p: Record<string, unknown>) => (text(p.protocol) ?? 'TCP') !== 'UDP';
      const named = (name: unknown) => ports.filter((p) => text(p.name) === name);
      const numbered = (n: unknown) => ports.filter((p) => p.containerPort === n || String(p.containerPort) === n);
      for (const probe of PROBES) {
        for (const action of ACTIONS) {
          const port = at(c.container, probe, action, 'port');
          if (port === undefined) continue;
          const field = `${c.path}.${probe}.${action}.port`;
          const declared = typeof port === 'string' && !/^\d+$/.test(port) ? named(port) : numbered(port);
          if (typeof port === 'string' && !/^\d+$/.test(port) && declared.length === 0)
            out.push({
              message: `${containerLabel(c)} ${probe} targets port ${JSON.stringify(port)}, which the container does not declare`,
              field,
            });
          else if (typeof port === 'number' && ports.length > 0 && declared.length === 0)
            out.push({
              message: `${containerLabel(c)} ${probe} targets port ${JSON.stringify(port)}, which the container does not declare`,
              field,
            });
          else if (declared.length > 0 && !declared.some(tcp))
            out.push({
              message: `${containerLabel(c)} ${probe} ${action} targets port ${JSON.stringify(port)}, which the container declares only for UDP; the probe connects over TCP`,
              field,
            });
        }
      }
    }
    return out;
  },
});
