import { objectRule } from '../define';
import { at, nameOf, records } from '../object';
import { networkPoliciesOf } from '../relations';
import type { KubeObject } from '../types';
import { WORKLOAD_KINDS } from '../workload';

/** Whether a NetworkPolicy restricts egress of the pods it selects. */
export function restrictsEgress(policy: KubeObject): boolean {
  const types = at(policy, 'spec', 'policyTypes');
  return Array.isArray(types) ? types.includes('Egress') : at(policy, 'spec', 'egress') !== undefined;
}

/** Whether an egress rule lets UDP port 53 out (a rule without ports allows every port). */
function allowsDns(rule: Record<string, unknown>): boolean {
  if (rule.ports === undefined) return true;
  return records(rule.ports).some(
    (p) =>
      (p.protocol ?? 'TCP') === 'UDP' && (p.port === undefined || p.port === 53 || p.port === 'dns' || p.port === '53'),
  );
}

/** Guide 7.3: pods whose egress is denied by default still resolve names. */
export const networkPolicyDns = objectRule({
  id: 'network-policy-allows-dns',
  summary: 'Pods whose egress a NetworkPolicy restricts are allowed DNS (UDP 53).',
  why: 'Guide 7.3 ("then add explicit allow rules for … DNS") and 11.4 (CoreDNS failure): with default-deny egress and no DNS rule every name lookup times out, which looks like every dependency being down.',
  fix: 'Add an egress rule to kube-system (namespaceSelector kubernetes.io/metadata.name: kube-system) on port 53 for UDP and TCP.',
  kinds: WORKLOAD_KINDS,
  check(object, { index }) {
    const restricting = networkPoliciesOf(index, object).filter(restrictsEgress);
    if (restricting.length === 0) return [];
    if (restricting.some((p) => records(at(p, 'spec', 'egress')).some(allowsDns))) return [];
    return [
      {
        message: `egress is restricted by NetworkPolicy ${restricting.map(nameOf).join(', ')} but none allows DNS (UDP 53)`,
      },
    ];
  },
});
