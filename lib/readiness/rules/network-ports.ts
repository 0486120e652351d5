import type { ObjectIndex, Workload } from '../object-index';
import { at, records } from '../object';
import { containersOf } from '../workload';
import { serviceBackends } from './service-selection';

/** The named TCP container ports a workload declares, by name. */
export function containerPortNames(target: Workload): Record<string, number> {
  return Object.fromEntries(
    containersOf(target.template).flatMap(({ container }) =>
      records(container.ports)
        .filter(
          (p) => (p.protocol ?? 'TCP') === 'TCP' && typeof p.name === 'string' && typeof p.containerPort === 'number',
        )
        .map((p) => [p.name as string, p.containerPort as number]),
    ),
  );
}

/** The TCP container ports a workload declares. */
export function containerPorts(target: Workload): number[] {
  return containersOf(target.template).flatMap(({ container }) =>
    records(container.ports)
      .filter((p) => (p.protocol ?? 'TCP') === 'TCP' && typeof p.containerPort === 'number')
      .map((p) => p.containerPort as number),
  );
}

/**
 * Whether a NetworkPolicy rule's port list covers TCP `port` of the destination pod, whose named ports
 * are `names`: by number, by name, or in a `port`..`endPort` range (no list covers every port).
 */
export function coversPort(ports: unknown, port: number, names: Readonly<Record<string, number>>): boolean {
  if (ports === undefined) return true;
  return records(ports).some((p) => {
    if ((p.protocol ?? 'TCP') !== 'TCP') return false;
    if (p.port === undefined || p.port === port) return true;
    if (typeof p.port === 'string') return names[p.port] === port;
    return typeof p.port === 'number' && typeof p.endPort === 'number' && p.port <= port && port <= p.endPort;
  });
}

/** A pod port a connection arrives on, with the named ports of the pods that own it. */
export interface Destination {
  readonly port: number;
  readonly names: Readonly<Record<string, number>>;
}

/**
 * The pod ports a TCP connection to Service `service` in `namespace` on `port` (every Service port when
 * undefined) arrives on: NetworkPolicies match those, after the Service's translation, not the Service
 * port. Undefined when the output holds no such Service (or it selects no workload of the output), so
 * the caller keeps to the port the address names.
 */
export function serviceDestinations(
  index: ObjectIndex,
  namespace: string,
  service: string,
  port: number | undefined,
): Destination[] | undefined {
  const object = index.get('Service', namespace, service);
  const backends = object && serviceBackends(object, index);
  if (!object || !backends || backends.length === 0) return undefined;
  const destinations = records(at(object, 'spec', 'ports'))
    .filter((p) => (p.protocol ?? 'TCP') === 'TCP' && (port === undefined || p.port === port))
    .flatMap((p) => {
      const target = p.targetPort ?? p.port;
      return backends.flatMap((backend) => {
        const names = containerPortNames(backend);
        const number = typeof target === 'string' ? names[target] : target;
        return typeof number === 'number' ? [{ port: number, names }] : [];
      });
    });
  return destinations.length > 0 ? destinations : undefined;
}
