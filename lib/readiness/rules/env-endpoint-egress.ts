import { podRule } from '../define';
import type { ObjectIndex } from '../object-index';
import { at, nameOf, namespaceOf, records, stringMap, text } from '../object';
import { networkPoliciesOf } from '../relations';
import type { KubeObject } from '../types';
import { containersOf, PodTemplate } from '../workload';
import { restrictsEgress } from './network-policy-dns';
import { coversPort, Destination, serviceDestinations } from './network-ports';

const NAMESPACE_NAME = 'kubernetes.io/metadata.name';

/**
 * An in-cluster Service address in a value: `<service>.<namespace>.svc[.cluster.local][:port]`, or a pod
 * of a headless Service, `<pod>.<service>.<namespace>.svc...` (StatefulSet members), in a URL or not.
 */
const SERVICE_ADDRESS =
  /(?:^|[/@\s,;=])(?:(?<pod>[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)\.)?(?<service>[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)\.(?<namespace>[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)\.svc(?:\.cluster\.local)?(?::(?<port>[0-9]{1,5}))?/g;

/** The port a URL scheme implies when the address names none. */
const SCHEME_PORTS: Record<string, number> = { http: 80, https: 443, grpc: 80, grpcs: 443 };

/** The in-cluster addresses a value names, with the port it names or its scheme implies. */
function addressesIn(
  value: string,
): { service: string; namespace: string; port: number | undefined; address: string }[] {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//.exec(value)?.[1];
  return [...value.matchAll(SERVICE_ADDRESS)].map((m) => ({
    service: m.groups!.service,
    namespace: m.groups!.namespace,
    port: m.groups!.port !== undefined ? Number(m.groups!.port) : scheme ? SCHEME_PORTS[scheme] : undefined,
    address: m[0].replace(/^[/@\s,;=]/, ''),
  }));
}

/** The variables a container sees: its own `env` values and the data of ConfigMaps it loads with envFrom. */
function variablesOf(container: Record<string, unknown>, namespace: string, index: ObjectIndex): [string, string][] {
  const vars: [string, string][] = records(container.env)
    .filter((e) => typeof e.value === 'string')
    .map((e) => [text(e.name) ?? '', e.value as string]);
  for (const from of records(container.envFrom)) {
    const name = text(at(from, 'configMapRef', 'name'));
    const configMap = name ? index.get('ConfigMap', namespace, name) : undefined;
    if (configMap) vars.push(...Object.entries(stringMap(at(configMap, 'data'))));
  }
  return vars;
}

/** Whether an egress peer of a policy in `policyNamespace` reaches some pods in `namespace`. */
function reachesNamespace(peer: Record<string, unknown>, policyNamespace: string, namespace: string): boolean {
  if (peer.ipBlock !== undefined) return false;
  if (peer.namespaceSelector === undefined) return namespace === policyNamespace;
  const labels = stringMap(at(peer, 'namespaceSelector', 'matchLabels'));
  const expressions = records(at(peer, 'namespaceSelector', 'matchExpressions'));
  return expressions.length > 0 || labels[NAMESPACE_NAME] === undefined || labels[NAMESPACE_NAME] === namespace;
}

/**
 * Whether an egress rule's port list lets a connection to `destination` out; a destination with no
 * known port is covered by any list.
 */
function letsOut(ports: unknown, destination: Partial<Destination>): boolean {
  return destination.port === undefined || coversPort(ports, destination.port, destination.names ?? {});
}

/**
 * Guide 7.3 and 11.4: a pod configured to call `http://otel-collector.monitoring.svc:4317` must be let
 * out to it. When a NetworkPolicy restricts the pod's egress, every in-cluster Service address in its
 * environment (env values and the ConfigMaps it loads) needs an egress rule to that namespace and to the
 * pod port the Service forwards that address's port to (the address's own port when the Service is not
 * in the output).
 */
export const envEndpointEgress = podRule({
  id: 'env-endpoint-egress',
  summary: "An in-cluster address in a workload's environment is reachable through its egress policies.",
  why: 'Guide 7.3 and 11.4: telemetry, caches and brokers configured by URL fail with timeouts when the egress policy was written without them, and the configuration alone looks right.',
  fix: 'Declare the connection (dependsOn, or an egress rule to the namespace and port the address names), or remove the unused address.',
  checkPod(template: PodTemplate, object: KubeObject, { index }) {
    const own = namespaceOf(object);
    const restricting = networkPoliciesOf(index, object).filter(restrictsEgress);
    if (restricting.length === 0) return [];
    const findings: { message: string; field: string }[] = [];
    for (const { container, name, path } of containersOf(template)) {
      for (const [variable, value] of variablesOf(container, own, index)) {
        for (const a of addressesIn(value)) {
          // A policy sees the pod port the Service forwards to, not the Service port the address names.
          const forwarded = serviceDestinations(index, a.namespace, a.service, a.port);
          const destinations: Partial<Destination>[] = forwarded ?? [{ port: a.port }];
          const allowed = restricting.some((policy) =>
            records(at(policy, 'spec', 'egress')).some(
              (rule) =>
                destinations.some((d) => letsOut(rule.ports, d)) &&
                (rule.to === undefined ||
                  records(rule.to).some((peer) => reachesNamespace(peer, namespaceOf(policy), a.namespace))),
            ),
          );
          if (!allowed) {
            findings.push({
              field: `${path}.env`,
              message:
                `container "${name}" variable ${variable} points at ${a.address} (namespace ${a.namespace}` +
                `${a.port !== undefined ? `, port ${a.port}` : ''}` +
                `${forwarded ? `, pod port ${[...new Set(forwarded.map((d) => d.port))].join(' or ')}` : ''}), which NetworkPolicy ` +
                `${restricting.map(nameOf).join(', ')} does not let these pods reach`,
            });
          }
        }
      }
    }
    return findings;
  },
});
