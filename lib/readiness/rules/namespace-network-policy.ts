import { objectRule } from '../define';
import { namespaceOf } from '../object';
import { WORKLOAD_KINDS } from '../workload';

/** Guide 7.3: every namespace that runs pods starts from default deny. */
export const namespaceHasNetworkPolicy = objectRule({
  id: 'namespace-has-network-policy',
  summary: 'Every workload runs in a namespace that has at least one NetworkPolicy.',
  why: 'Guide 7.3 ("NetworkPolicy – Default Deny"): in a namespace without any NetworkPolicy every pod accepts traffic from anywhere in the cluster and may call anywhere, and the other network rules of this checker have nothing to check.',
  fix: 'Add a default-deny NetworkPolicy (podSelector: {}, policyTypes: [Ingress, Egress]) to the namespace, then explicit allow rules for DNS and the callers the workload serves.',
  kinds: WORKLOAD_KINDS,
  check(object, { index }) {
    const ns = namespaceOf(object);
    return index.ofKind('NetworkPolicy', ns).length > 0
      ? []
      : [{ message: `namespace ${JSON.stringify(ns)} has no NetworkPolicy, so its pods accept and send any traffic` }];
  },
});
