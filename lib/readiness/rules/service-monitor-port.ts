import { objectRule } from '../define';
import { at, namespaceOf, records, text } from '../object';
import { parseSelector } from '../selector';
import { Violation } from '../types';

/** Guide 14.9 and 10.2: Prometheus scrapes a port the Service has. */
export const serviceMonitorPort = objectRule({
  id: 'service-monitor-port-exists',
  summary: "Every ServiceMonitor selects a Service, and each endpoint's port name exists on it.",
  why: 'Guide 14.9, 10.2 and 14.10 ("ensure metrics … are collected"): a ServiceMonitor naming a port the Service does not have produces no target and no error; dashboards and alerts go silent.',
  fix: 'Name the Service port (e.g. http) and use that name in spec.endpoints[].port; make spec.selector and namespaceSelector match the Service.',
  kinds: ['ServiceMonitor'],
  check(object, { index }) {
    const selector = parseSelector(at(object, 'spec', 'selector'));
    const nsSelector = at(object, 'spec', 'namespaceSelector');
    const names = at(nsSelector, 'matchNames');
    const namespaces =
      at(nsSelector, 'any') === true
        ? [...new Set(index.ofKind('Service').map(namespaceOf))]
        : Array.isArray(names)
          ? names.map(String)
          : [namespaceOf(object)];
    const services = namespaces.flatMap((ns) => index.selectObjects('Service', ns, selector));
    if (services.length === 0)
      return [{ message: `selects no Service in namespace(s) ${namespaces.join(', ')}`, field: 'spec.selector' }];
    const portNames = new Set(services.flatMap((s) => records(at(s, 'spec', 'ports')).map((p) => text(p.name))));
    const out: Violation[] = [];
    records(at(object, 'spec', 'endpoints')).forEach((e, i) => {
      const port = text(e.port);
      if (port !== undefined && !portNames.has(port))
        out.push({
          message: `endpoint port "${port}" is not a port name of the selected Service(s)`,
          field: `spec.endpoints[${i}].port`,
        });
    });
    return out;
  },
});
