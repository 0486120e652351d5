import { podRule } from '../define';
import type { ObjectIndex, Workload } from '../object-index';
import { at, kindOf, labelsOf, nameOf, namespaceOf, records, stringMap } from '../object';
import { networkPoliciesOf } from '../relations';
import { matchesSelector, parseSelector } from '../selector';
import type { KubeObject } from '../types';
import { restrictsEgress } from './network-policy-dns';
import { containerPortNames, containerPorts, coversPort } from './network-ports';

const NAMESPACE_NAME = 'kubernetes.io/metadata.name';

/** Whether a NetworkPolicy restricts ingress of the pods it selects. */
function restrictsIngress(policy: KubeObject): boolean {
  const types = at(policy, 'spec', 'policyTypes');
  return Array.isArray(types) ? types.includes('Ingress') : true;
}

/** The labels of namespace `name`: its Namespace object's, plus the name label every namespace carries. */
function namespaceLabels(index: ObjectIndex, name: string): Record<string, string> {
  const declared = index.ofKind('Namespace').find((n) => nameOf(n) === name);
  return { ...(declared ? labelsOf(declared) : {}), [NAMESPACE_NAME]: name };
}

/** The namespaces a peer reaches from `own`: by name when its namespaceSelector names one, else unknown. */
function peerNamespace(peer: Record<string, unknown>, own: string): string | undefined {
  if (peer.namespaceSelector === undefined) return own;
  return stringMap(at(peer, 'namespaceSelector', 'matchLabels'))[NAMESPACE_NAME];
}

/** Whether `peer` of a policy in namespace `policyNamespace` matches pods labelled `labels` in `podNamespace`. */
function peerAdmits(
  index: ObjectIndex,
  peer: Record<string, unknown>,
  policyNamespace: string,
  podNamespace: string,
  labels: Record<string, string>,
): boolean {
  // Pod addresses may fall in an IP block, depending on the network plugin: unknown, so never reported.
  if (peer.ipBlock !== undefined) return true;
  if (peer.namespaceSelector === undefined) {
    if (podNamespace !== policyNamespace) return false;
  } else if (!matchesSelector(parseSelector(peer.namespaceSelector), namespaceLabels(index, podNamespace))) {
    return false;
  }
  return peer.podSelector === undefined || matchesSelector(parseSelector(peer.podSelector), labels);
}

/**
 * Whether some `direction` rule of `policies` covers TCP `port` and admits, as its peer, the pods
 * labelled `labels` in `namespace` (the sender for ingress, the receiver for egress).
 */
function policiesAllow(
  index: ObjectIndex,
  policies: readonly KubeObject[],
  direction: 'ingress' | 'egress',
  port: number,
  portNames: Readonly<Record<string, number>>,
  namespace: string,
  labels: Record<string, string>,
): boolean {
  const peersKey = direction === 'ingress' ? 'from' : 'to';
  return policies.some((p) =>
    records(at(p, 'spec', direction)).some(
      (rule) =>
        coversPort(rule.ports, port, portNames) &&
        (rule[peersKey] === undefined ||
          records(rule[peersKey]).some((peer) => peerAdmits(index, peer, namespaceOf(p), namespace, labels))),
    ),
  );
}

/**
 * The workloads of `namespace` a peer's pod selector selects (every one without a selector), through the
 * label index: a rule per workload stays linear in the number of workloads.
 */
function workloadsOfPeer(index: ObjectIndex, peer: Record<string, unknown>, namespace: string): readonly Workload[] {
  if (peer.podSelector === undefined) return index.workloads(namespace);
  return index.selectWorkloads(namespace, parseSelector(peer.podSelector));
}

/**
 * Guide 7.3 and 11.4: an egress allowance is only half a path. When a workload may send to a port of
 * another workload in the output, the target's own ingress policies must admit it, or the connection is
 * dropped although both sides look configured (a typical "Service unreachable" after a refactor or a new
 * release track).
 */
export const networkPathAdmitted = podRule({
  id: 'network-path-admitted',
  summary: "A workload's egress to another workload's port is admitted by that workload's ingress policies.",
  why: 'Guide 7.3 and 11.4 (Service unreachable while pods run): egress allowed on one side and ingress denied on the other drops every connection, and neither policy alone looks wrong.',
  fix: "Add the sending pods to an ingress rule of the target's NetworkPolicy (match labels every release track shares, such as app.kubernetes.io/name), or remove the unused egress rule.",
  checkPod(template, object, { index }) {
    const source = namespaceOf(object);
    const findings: { message: string }[] = [];
    const reported = new Set<string>();
    for (const policy of networkPoliciesOf(index, object).filter(restrictsEgress)) {
      records(at(policy, 'spec', 'egress')).forEach((rule, r) => {
        for (const peer of records(rule.to)) {
          const targetNamespace = peerNamespace(peer, namespaceOf(policy));
          if (targetNamespace === undefined || peer.ipBlock !== undefined) continue;
          const targets = workloadsOfPeer(index, peer, targetNamespace).filter((t) => t.object !== object);
          for (const target of targets) {
            const ingress = networkPoliciesOf(index, target.object).filter(restrictsIngress);
            if (ingress.length === 0) continue;
            // The target's ports this rule lets out: by number, by name, in a range, or all without a list.
            const targetPortNames = containerPortNames(target);
            for (const port of containerPorts(target).filter((p) => coversPort(rule.ports, p, targetPortNames))) {
              const admitted = policiesAllow(index, ingress, 'ingress', port, targetPortNames, source, template.labels);
              const id = `${kindOf(target.object)}/${targetNamespace}/${nameOf(target.object)}:${port}`;
              if (!admitted && !reported.has(id)) {
                reported.add(id);
                findings.push({
                  message:
                    `NetworkPolicy ${nameOf(policy)} lets these pods reach ${kindOf(target.object)} ` +
                    `${targetNamespace}/${nameOf(target.object)} on port ${port}, but its ingress policies ` +
                    `(${ingress.map(nameOf).join(', ')}) do not admit them (egress rule ${r})`,
                });
              }
            }
          }
        }
      });
    }
    return findings;
  },
});

/**
 * Guide 7.3: the mirror of {@link networkPathAdmitted}. When a workload's ingress policy admits another
 * workload of the output on a port, that workload's egress policies must let it send there, or the
 * declared connection exists on one side only and every attempt is dropped at the client.
 */
export const networkIngressHasEgress = podRule({
  id: 'network-ingress-has-egress',
  summary: "A workload's ingress allowance for another workload of the output is matched by that workload's egress.",
  why: 'Guide 7.3 and 11.4: an ingress rule for a client whose own egress policies do not allow the port is a connection declared on one side only; the client times out while the server looks open.',
  fix: "Add an egress rule to the client's NetworkPolicy for this port and these pods (declare the dependency on the client, which writes both sides), or remove the ingress allowance nobody can use.",
  checkPod(template, object, { index }) {
    const own = namespaceOf(object);
    const ports = containerPorts({ object, template });
    const ownPortNames = containerPortNames({ object, template });
    const findings: { message: string }[] = [];
    const reported = new Set<string>();
    for (const policy of networkPoliciesOf(index, object).filter(restrictsIngress)) {
      records(at(policy, 'spec', 'ingress')).forEach((rule, r) => {
        // The own ports this rule admits: by number, by name, in a range, or all without a list.
        const rulePorts = ports.filter((p) => coversPort(rule.ports, p, ownPortNames));
        for (const peer of records(rule.from)) {
          const sourceNamespace = peerNamespace(peer, namespaceOf(policy));
          if (sourceNamespace === undefined || peer.ipBlock !== undefined || peer.podSelector === undefined) continue;
          const sources = workloadsOfPeer(index, peer, sourceNamespace).filter((s) => s.object !== object);
          for (const source of sources) {
            const egress = networkPoliciesOf(index, source.object).filter(restrictsEgress);
            if (egress.length === 0) continue;
            for (const port of rulePorts) {
              const allowed = policiesAllow(index, egress, 'egress', port, ownPortNames, own, template.labels);
              const id = `${kindOf(source.object)}/${sourceNamespace}/${nameOf(source.object)}:${port}`;
              if (!allowed && !reported.has(id)) {
                reported.add(id);
                findings.push({
                  message:
                    `NetworkPolicy ${nameOf(policy)} admits ${kindOf(source.object)} ${sourceNamespace}/` +
                    `${nameOf(source.object)} on port ${port}, but its egress policies ` +
                    `(${egress.map(nameOf).join(', ')}) do not let it send here (ingress rule ${r})`,
                });
              }
            }
          }
        }
      });
    }
    return findings;
  },
});
