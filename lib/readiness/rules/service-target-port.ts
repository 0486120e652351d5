import { objectRule } from '../define';
import { records, text } from '../object';
import { containersOf } from '../workload';
import { serviceBackends } from './service-selection';

/** Guide 11.4: the Service's targetPort is opened by the pods it selects. */
export const serviceTargetPort = objectRule({
  id: 'service-target-port-exists',
  summary: "Every Service port's targetPort names or numbers a port of the selected containers.",
  why: 'Guide 11.4 ("Service unreachable while pods are running"): with a misspelt named targetPort the endpoints stay empty, and with a wrong number connections are refused although pods are Ready.',
  fix: 'Set targetPort to the name of a containerPort of the selected pods (e.g. http) or to its number.',
  kinds: ['Service'],
  check(object, { index }) {
    const backends = serviceBackends(object, index);
    if (!backends || backends.length === 0) return [];
    const ports = backends.flatMap((w) =>
      containersOf(w.template, ['containers']).flatMap((c) => records(c.container.ports)),
    );
    const names = new Set(ports.map((p) => text(p.name)));
    const numbers = new Set(ports.map((p) => p.containerPort));
    return records(object.spec && (object.spec as Record<string, unknown>).ports).flatMap((p, i) => {
      const target = p.targetPort ?? p.port;
      const found = typeof target === 'string' ? names.has(target) : ports.length === 0 || numbers.has(target);
      return found
        ? []
        : [
            {
              message: `port ${JSON.stringify(text(p.name) ?? p.port)} targets ${JSON.stringify(target)}, which no selected container declares`,
              field: `spec.ports[${i}].targetPort`,
            },
          ];
    });
  },
});
