import { objectRule } from '../define';
import { at, namespaceOf } from '../object';
import { isEmptySelector, parseSelector } from '../selector';

/** Guide 7.3 and 11.4: a NetworkPolicy that selects no pod is a typo. */
export const networkPolicySelects = objectRule({
  id: 'network-policy-selects-workload',
  summary: 'Every NetworkPolicy with a non-empty podSelector selects at least one workload in the output.',
  why: 'Guide 7.3 and 11.4: a policy whose selector matches nothing protects nothing, and the allow rule meant for a workload is missing where it is needed.',
  fix: 'Make spec.podSelector match the pod template labels of the workload, or use {} for a namespace-wide policy.',
  kinds: ['NetworkPolicy'],
  check(object, { index }) {
    const selector = parseSelector(at(object, 'spec', 'podSelector') ?? {});
    if (!selector || isEmptySelector(selector)) return [];
    return index.selectWorkloads(namespaceOf(object), selector).length === 0
      ? [{ message: 'podSelector matches the pods of no workload in the output', field: 'spec.podSelector' }]
      : [];
  },
});
