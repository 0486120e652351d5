import { podRule } from '../define';
import { at, records, text } from '../object';
import { containerLabel } from '../pod-security/context';
import { Violation } from '../types';
import { ContainerRef, containersOf, PodTemplate } from '../workload';

const PROBES = ['readinessProbe', 'livenessProbe', 'startupProbe'] as const;
const ACTIONS = ['httpGet', 'tcpSocket', 'grpc'] as const;

/** The port one probe of one container targets. */
interface ProbeTarget {
  /** The container. */
  readonly c: ContainerRef;
  /** Its declared ports. */
  readonly ports: Record<string, unknown>[];
  /** `readinessProbe`, `livenessProbe` or `startupProbe`. */
  readonly probe: string;
  /** `httpGet`, `tcpSocket` or `grpc`. */
  readonly action: string;
  /** The port as written: a name, a number, or a number as a string. */
  readonly port: unknown;
  /** Field path of the port. */
  readonly field: string;
}

/** Every port a probe of the pod targets. */
function probeTargets(template: PodTemplate): ProbeTarget[] {
  const out: ProbeTarget[] = [];
  for (const c of containersOf(template)) {
    const ports = records(c.container.ports);
    for (const probe of PROBES) {
      for (const action of ACTIONS) {
        const port = at(c.container, probe, action, 'port');
        if (port !== undefined) out.push({ c, ports, probe, action, port, field: `${c.path}.${probe}.${action}.port` });
      }
    }
  }
  return out;
}

/** Whether a probe port is a name (not a number, nor a number written as a string). */
const isName = (port: unknown): port is string => typeof port === 'string' && !/^\d+$/.test(port);

/** Guide 11.3: a probe that targets a port the container does not open fails forever. */
export const probePorts = podRule({
  id: 'probe-port-exists',
  summary: 'Probe ports name a port the container declares, and a port a probe targets is not declared only for UDP.',
  why: 'Guide 11.3: a probe against a port nobody listens on never succeeds, so the pod never becomes Ready or is restarted in a CrashLoopBackOff; a misspelt named port is rejected only at runtime; HTTP, TCP and gRPC probes connect over TCP, so a port declared only for UDP never answers them.',
  fix: 'Use the name of a TCP containerPort (e.g. port: http) or the number of a port the container listens on over TCP.',
  checkPod(template) {
    const out: Violation[] = [];
    for (const { c, ports, probe, action, port, field } of probeTargets(template)) {
      const declared = ports.filter((p) =>
        isName(port) ? text(p.name) === port : p.containerPort === port || String(p.containerPort) === port,
      );
      if (isName(port) && declared.length === 0)
        out.push({
          message: `${containerLabel(c)} ${probe} targets port ${JSON.stringify(port)}, which the container does not declare`,
          field,
        });
      else if (declared.length > 0 && declared.every((p) => text(p.protocol) === 'UDP'))
        out.push({
          message: `${containerLabel(c)} ${probe} ${action} targets port ${JSON.stringify(port)}, which the container declares only for UDP; the probe connects over TCP`,
          field,
        });
    }
    return out;
  },
});

/** Guide 11.3: a probe port that no containerPort lists is legal, but often a typo. */
export const probePortListed = podRule({
  id: 'probe-port-listed',
  summary: "A probe's numeric port is one of the container's containerPorts, when it lists any.",
  why: 'Guide 11.3: the kubelet probes a numeric port whether or not the container lists it (ingress-nginx probes its unlisted health port 10254), so this is no error; but a number that matches no listed port is often a typo for one that does, and the pod then never becomes Ready.',
  fix: "List the port under the container's ports (with a name, and probe it by name), or correct the number.",
  checkPod(template) {
    return probeTargets(template)
      .filter(({ ports, port }) => ports.length > 0 && !isName(port))
      .filter(({ ports, port }) => !ports.some((p) => p.containerPort === Number(port)))
      .map(({ c, ports, probe, port, field }) => ({
        message: `${containerLabel(c)} ${probe} targets port ${JSON.stringify(port)}, which the container does not list (${ports.map((p) => p.containerPort).join(', ')})`,
        field,
      }));
  },
});
