import { JsonPatch } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { IConstruct } from 'constructs';
import { fail } from '../core/errors';
import { dnsEgress, EgressRule, IngressRule, Peer, policyPorts, Protocol } from '../core/network';
import { assertPort } from '../core/ports';

/** What a workload's NetworkPolicy allows. */
export interface WorkloadTraffic {
  /** Labels of the workload's pods. */
  readonly selector: Record<string, string>;
  /**
   * The container port ingress is admitted on.
   * @default - no port, so no ingress is admitted
   */
  readonly port?: number;
  /**
   * Peers admitted on the port.
   * @default - none
   */
  readonly ingress?: readonly IngressRule[];
  /**
   * Destinations besides DNS (checked under `network.egress`).
   * @default - DNS only
   */
  readonly egress?: readonly EgressRule[];
}

/**
 * The allow-list NetworkPolicy of one workload: declared peers on its port, declared destinations,
 * and DNS over UDP and TCP to kube-system. Everything else stays denied.
 */
export function workloadNetworkPolicy(
  scope: Construct,
  metadata: k8s.ObjectMeta,
  traffic: WorkloadTraffic,
): k8s.KubeNetworkPolicy {
  const port = traffic.port;
  return new k8s.KubeNetworkPolicy(scope, 'NetworkPolicy', {
    metadata,
    spec: {
      podSelector: { matchLabels: traffic.selector },
      policyTypes: ['Ingress', 'Egress'],
      ingress:
        port === undefined
          ? []
          : (traffic.ingress ?? []).map((rule) => ({
              from: [rule.from.kube],
              ports: policyPorts([{ port, protocol: Protocol.TCP }]),
            })),
      egress: [
        ...(traffic.egress ?? []).map((rule, i) => {
          rule.ports.forEach((p, j) => assertPort(scope, `network.egress[${i}].ports[${j}].port`, p.port));
          return { to: [rule.to.kube], ports: policyPorts(rule.ports) };
        }),
        dnsEgress(),
      ],
    },
  });
}

const admitted = new WeakMap<k8s.KubeNetworkPolicy, Set<string>>();

/** Adds an ingress allowance for `peer` on `port` to `policy`, once per peer and port. */
export function admitPeer(policy: k8s.KubeNetworkPolicy, peer: Peer, port: number): void {
  const seen = admitted.get(policy) ?? new Set<string>();
  const key = `${peer.description}:${port}`;
  if (seen.has(key)) return;
  seen.add(key);
  admitted.set(policy, seen);
  policy.addJsonPatch(
    JsonPatch.add('/spec/ingress/-', { from: [peer.kube], ports: policyPorts([{ port, protocol: Protocol.TCP }]) }),
  );
}

/**
 * The egress to the API server that pods holding a token need; `api` is where its endpoints are
 * (`network.apiServer`), and without it the error says how to find them.
 */
export function apiServerEgress(
  scope: IConstruct,
  api: { readonly cidr: string; readonly port?: number } | undefined,
): EgressRule {
  if (!api) {
    fail(
      scope,
      `permissions give the pods an API token, but their NetworkPolicy would block the API server; set ` +
        `network.apiServer to its endpoints (kubectl get endpoints kubernetes), e.g. { cidr: '10.0.0.1/32', port: 443 }`,
    );
  }
  return {
    to: Peer.cidr(api.cidr),
    ports: [{ port: assertPort(scope, 'network.apiServer.port', api.port ?? 443), protocol: Protocol.TCP }],
  };
}
