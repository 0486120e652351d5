import { IConstruct } from 'constructs';
import { fail, isSentence, show } from '../core/errors';
import { ExternalDependency } from '../core/external-dependency';
import { outputRootOf } from '../core/output-scope';
import { assertDnsLabel } from '../core/names';
import { EgressRule, Peer, Protocol } from '../core/network';
import { assertPort } from '../core/ports';

/** A workload others connect to: its pods, the port it serves, and a way to admit a client. */
export interface ServingWorkload extends IConstruct {
  /** `app.kubernetes.io/name` of its pods. */
  readonly name: string;
  /** Namespace of its pods. */
  readonly namespace: string;
  /** The container port clients connect to. */
  readonly servingPort: number;
  /**
   * Every port a client connects to, when more than the serving port (Redis and its Sentinel).
   * @default - the serving port
   */
  readonly clientPorts?: readonly number[];
  /** Admits `peer` to the ports clients connect to in the workload's NetworkPolicy. */
  allowIngressFrom(peer: Peer): void;
}

/** An endpoint outside the cluster that a workload connects to. */
export interface ExternalEndpointOptions {
  /** A short name, a DNS label, e.g. `mysql`. */
  readonly name: string;
  /**
   * The host clients use (documentation and environment variables; NetworkPolicies match addresses).
   * @default - none
   */
  readonly host?: string;
  /** The address block the endpoint lives in, e.g. `10.20.0.0/24`. */
  readonly cidr: string;
  /** The port. */
  readonly port: number;
  /**
   * The protocol.
   * @default Protocol.TCP
   */
  readonly protocol?: Protocol;
  /** Why it lives outside this repository, in a sentence (at least four words). */
  readonly reason: string;
}

/**
 * Something a workload talks to, declared once: `Dependency.on(redis)` opens the client's egress and
 * the server's ingress; `Dependency.external({...})` opens the egress and records the endpoint, with
 * its reason, on the workload for the summary and the readiness rules.
 */
export class Dependency {
  /** Another workload of the same environment, on its serving port. */
  public static on(target: ServingWorkload): Dependency {
    return new Dependency(target, undefined);
  }

  /** An endpoint outside the cluster. */
  public static external(endpoint: ExternalEndpointOptions): Dependency {
    return new Dependency(undefined, endpoint);
  }

  private constructor(
    /** The workload depended on, for in-cluster dependencies. */
    public readonly target: ServingWorkload | undefined,
    /** The endpoint, for external dependencies. */
    public readonly endpoint: ExternalEndpointOptions | undefined,
  ) {}
}

/** What a client's dependencies add to its pods: egress rules and the external endpoints to record. */
export interface ResolvedDependencies {
  /** Egress rules of the client's NetworkPolicy. */
  readonly egress: EgressRule[];
  /** The external endpoints, for the annotation. */
  readonly external: ExternalDependency[];
}

/**
 * Checks the `dependencies` of `client` (its pods are `app.kubernetes.io/name: <name>` in its
 * namespace) and opens each in-cluster target's ingress to every release track of the client.
 */
export function resolveDependencies(
  client: IConstruct & { readonly name: string; readonly namespace: string },
  dependencies: readonly Dependency[],
): ResolvedDependencies {
  const egress: EgressRule[] = [];
  const external: ExternalDependency[] = [];
  const clientPeer = Peer.podsInNamespace(client.namespace, { 'app.kubernetes.io/name': client.name });
  dependencies.forEach((d, i) => {
    const prop = `dependsOn[${i}]`;
    if (d.target) {
      const t = d.target;
      if (outputRootOf(t) !== outputRootOf(client)) {
        fail(
          client,
          `${prop} is ${t.namespace}/${t.name} of [${t.node.path}], another environment; a workload depends only on ` +
            `workloads of its own environment: depend on that environment's own ${t.name}`,
        );
      }
      egress.push({
        to: Peer.podsInNamespace(t.namespace, { 'app.kubernetes.io/name': t.name }),
        ports: (t.clientPorts ?? [t.servingPort]).map((port) => ({ port, protocol: Protocol.TCP })),
      });
      t.allowIngressFrom(clientPeer);
      return;
    }
    const e = d.endpoint!;
    assertDnsLabel(client, `${prop}.name`, e.name);
    assertPort(client, `${prop}.port`, e.port);
    if (!isSentence(e.reason)) {
      fail(
        client,
        `${prop} (${e.name}) needs a reason in a sentence (at least four words, got ${show(e.reason ?? '')}) saying ` +
          `why it lives outside this repository, e.g. reason: 'the managed MySQL of the data team'`,
      );
    }
    const peer = Peer.cidr(e.cidr);
    const protocol = e.protocol ?? Protocol.TCP;
    egress.push({ to: peer, ports: [{ port: e.port, protocol }] });
    external.push({
      name: e.name,
      host: e.host,
      cidr: e.cidr,
      port: e.port,
      protocol,
      reason: e.reason.trim(),
    });
  });
  return { egress, external };
}
