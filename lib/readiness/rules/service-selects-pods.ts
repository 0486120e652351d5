import { objectRule } from '../define';
import { serviceBackends } from './service-selection';

/** Guide 11.4 and 7.1: a Service whose selector matches no pod has no endpoints. */
export const serviceSelectsPods = objectRule({
  id: 'service-selects-pods',
  summary: 'Every Service with a selector selects the pod template of at least one workload.',
  why: 'Guide 11.4 ("Service unreachable while pods are running": selector typo) and 7.1: the Service resolves in DNS but has no endpoints, so every call fails.',
  fix: "Make spec.selector a subset of the workload's pod template labels (app.kubernetes.io/name and instance).",
  kinds: ['Service'],
  check(object, { index }) {
    const backends = serviceBackends(object, index);
    return backends && backends.length === 0
      ? [{ message: 'selector matches the pods of no workload in the output', field: 'spec.selector' }]
      : [];
  },
});
