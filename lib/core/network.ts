import { k8s } from 'cdk8s-plus-28';

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
    return new Peer(`pods ${JSON.stringify(labels)}`, { podSelector: { matchLabels: labels } });
  }

  /** Every pod in namespace `name`. */
  public static namespace(name: string): Peer {
    return new Peer(`namespace ${name}`, {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } },
    });
  }

  /** Pods with `labels` in namespace `name`. */
  public static podsInNamespace(name: string, labels: Record<string, string>): Peer {
    return new Peer(`pods ${JSON.stringify(labels)} in namespace ${name}`, {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } },
      podSelector: { matchLabels: labels },
    });
  }

  /** An IP block such as `10.0.0.0/16`. */
  public static cidr(cidr: string): Peer {
    return new Peer(`cidr ${cidr}`, { ipBlock: { cidr } });
  }

  private constructor(
    /** A human description, used in summaries and errors. */
    public readonly description: string,
    /** The Kubernetes form of the peer. */
    public readonly kube: k8s.NetworkPolicyPeer,
  ) {}
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

/** The Kubernetes form of a list of policy ports. */
export function policyPorts(ports: PolicyPort[]): k8s.NetworkPolicyPort[] {
  return ports.map((p) => ({ protocol: p.protocol ?? Protocol.TCP, port: k8s.IntOrString.fromNumber(p.port) }));
}
