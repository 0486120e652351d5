import { isIP } from 'net';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { fail, show } from './errors';
import { assertDnsLabel, assertLabels } from './names';

/** Transport protocol of a port. */
export enum Protocol {
  TCP = 'TCP',
  UDP = 'UDP',
}

/** A port a NetworkPolicy rule allows. */
export interface PolicyPort {
  /** The port number. */
  readonly port: number;
  /**
   * The protocol.
   * @default Protocol.TCP
   */
  readonly protocol?: Protocol;
}

/** Who may talk to a workload, or whom it may talk to. */
export class Peer {
  /** Pods with `labels` in the workload's own namespace. */
  public static pods(labels: Record<string, string>): Peer {
    assertLabels('Peer.pods', 'labels', labels);
    return new Peer(`pods ${JSON.stringify(labels)}`, { podSelector: { matchLabels: labels } });
  }

  /** Every pod in namespace `name`. */
  public static namespace(name: string): Peer {
    assertDnsLabel('Peer.namespace', 'name', name);
    return new Peer(`namespace ${name}`, {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } },
    });
  }

  /** Pods with `labels` in namespace `name`. */
  public static podsInNamespace(name: string, labels: Record<string, string>): Peer {
    assertDnsLabel('Peer.podsInNamespace', 'name', name);
    assertLabels('Peer.podsInNamespace', 'labels', labels);
    return new Peer(`pods ${JSON.stringify(labels)} in namespace ${name}`, {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } },
      podSelector: { matchLabels: labels },
    });
  }

  /** An IP block such as `10.0.0.0/16` or `fd00::/8`. */
  public static cidr(cidr: string): Peer {
    if (!isCidr(cidr)) {
      fail(
        'Peer.cidr',
        `${show(cidr)} is not a CIDR block; use an IPv4 address with a prefix length of 0 to 32 ` +
          `(such as "10.0.0.0/16") or an IPv6 address with 0 to 128 (such as "fd00::/8")`,
      );
    }
    return new Peer(`cidr ${cidr}`, { ipBlock: { cidr } });
  }

  private constructor(
    /** A human description, used in summaries and errors. */
    public readonly description: string,
    /** The Kubernetes form of the peer. */
    public readonly kube: k8s.NetworkPolicyPeer,
  ) {}
}

/** True when `value` is an IPv4 or IPv6 address with a prefix length in range. */
export function isCidr(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) return false;
  const [address, length] = [value.slice(0, slash), value.slice(slash + 1)];
  if (!/^[0-9]{1,3}$/.test(length)) return false;
  // Node's isIP accepts an IPv6 zone (fe80::1%eth0); Go's ParseCIDR, which Kubernetes uses, does not.
  if (address.includes('%')) return false;
  const version = isIP(address);
  return version !== 0 && Number(length) <= (version === 4 ? 32 : 128);
}

/** A destination a workload may reach. */
export interface EgressRule {
  /** Whom to reach. */
  readonly to: Peer;
  /** On which ports. */
  readonly ports: PolicyPort[];
}

/** An ingress allowance: `from` may reach the workload's container port. */
export interface IngressRule {
  /** Who may connect. */
  readonly from: Peer;
}

/** The DNS allowance every policy needs: UDP and TCP 53 to kube-system. */
export function dnsEgress(): k8s.NetworkPolicyEgressRule {
  return {
    to: [Peer.namespace('kube-system').kube],
    ports: [
      { protocol: Protocol.UDP, port: k8s.IntOrString.fromNumber(53) },
      { protocol: Protocol.TCP, port: k8s.IntOrString.fromNumber(53) },
    ],
  };
}

/** The two policies a namespace starts from (guide 7.3): deny everything, then allow DNS. */
export interface NamespaceBaselinePolicies {
  /** Denies all ingress and egress not allowed by another policy. */
  readonly defaultDeny: k8s.KubeNetworkPolicy;
  /** Allows DNS to kube-system over UDP and TCP. */
  readonly allowDns: k8s.KubeNetworkPolicy;
}

/**
 * Creates `default-deny` (children `DefaultDeny`) and `allow-dns` (`AllowDns`) under `scope`, with
 * the metadata `metadata` gives for each name (namespace, labels).
 */
export function namespaceBaselinePolicies(
  scope: Construct,
  metadata: (name: string) => k8s.ObjectMeta,
): NamespaceBaselinePolicies {
  return {
    defaultDeny: new k8s.KubeNetworkPolicy(scope, 'DefaultDeny', {
      metadata: metadata('default-deny'),
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    }),
    allowDns: new k8s.KubeNetworkPolicy(scope, 'AllowDns', {
      metadata: metadata('allow-dns'),
      spec: { podSelector: {}, policyTypes: ['Egress'], egress: [dnsEgress()] },
    }),
  };
}

/** The Kubernetes form of a list of policy ports. */
export function policyPorts(ports: PolicyPort[]): k8s.NetworkPolicyPort[] {
  return ports.map((p) => ({ protocol: p.protocol ?? Protocol.TCP, port: k8s.IntOrString.fromNumber(p.port) }));
}
