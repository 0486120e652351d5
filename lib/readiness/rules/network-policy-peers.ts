import { objectRule } from '../define';
import { at, namespaceOf, record, records } from '../object';
import { isEmptySelector, parseSelector } from '../selector';
import type { Violation } from '../types';

const DIRECTIONS = [
  { field: 'ingress', peers: 'from', verb: 'admits' },
  { field: 'egress', peers: 'to', verb: 'allows traffic to' },
] as const;

/**
 * Guide 7.3 and 11.4: a same-namespace peer whose podSelector matches no pod is an allow rule that
 * allows nothing, usually a peer in another namespace written without its namespaceSelector.
 */
export const networkPolicyPeersSelect = objectRule({
  id: 'network-policy-peer-selects-pods',
  summary:
    'Every podSelector peer of a NetworkPolicy without a namespaceSelector selects a workload of its namespace in the output.',
  why: "Guide 7.3 and 11.4: a podSelector peer alone means pods of the policy's own namespace; when none has those labels the rule admits nothing, and the traffic it was written for is dropped (typically a gateway or client in another namespace, written without its namespaceSelector).",
  fix: "Match the peer's pod template labels; for a peer in another namespace add a namespaceSelector (Peer.podsInNamespace), or use an ipBlock for endpoints outside the cluster.",
  kinds: ['NetworkPolicy'],
  check(object, { index }) {
    const namespace = namespaceOf(object);
    const findings: Violation[] = [];
    for (const { field, peers, verb } of DIRECTIONS) {
      records(at(object, 'spec', field)).forEach((rule, i) => {
        records(rule[peers]).forEach((peer, j) => {
          if (peer.namespaceSelector !== undefined || peer.podSelector === undefined) return;
          const selector = parseSelector(record(peer.podSelector));
          if (!selector || isEmptySelector(selector)) return;
          if (index.selectWorkloads(namespace, selector).length > 0) return;
          const labels = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
          findings.push({
            message: `${field}[${i}].${peers}[${j}] ${verb} pods of namespace ${namespace} labelled ${labels.join(',') || 'by matchExpressions'}, but no workload there has those labels`,
            field: `spec.${field}[${i}].${peers}[${j}].podSelector`,
          });
        });
      });
    }
    return findings;
  },
});
