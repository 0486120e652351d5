import { objectRule, templateFor } from '../define';
import { at, namespaceOf, text } from '../object';
import { matchesSelector, selectorFromMap } from '../selector';

/** Guide 6.4: a StatefulSet's pods get their stable names from a headless Service. */
export const statefulSetHeadlessService = objectRule({
  id: 'statefulset-headless-service',
  summary:
    'Every StatefulSet names in spec.serviceName a headless Service (clusterIP: None) of the output that selects its pods.',
  why: 'Guide 6.4: the stable network identity of each StatefulSet pod (pod-0.service.namespace.svc) exists only through the headless governing Service; without it peers cannot find each other, and replication or cluster membership fails at runtime.',
  fix: 'Set spec.serviceName and add a Service of that name with clusterIP: None whose selector matches the pod template labels.',
  kinds: ['StatefulSet'],
  check(object, { index }) {
    const name = text(at(object, 'spec', 'serviceName'));
    if (!name) return [{ message: 'sets no spec.serviceName', field: 'spec.serviceName' }];
    const service = index.get('Service', namespaceOf(object), name);
    if (!service)
      return [{ message: `serviceName "${name}" is not a Service in the output`, field: 'spec.serviceName' }];
    if (at(service, 'spec', 'clusterIP') !== 'None')
      return [{ message: `Service "${name}" is not headless (clusterIP: None)`, field: 'spec.serviceName' }];
    const template = templateFor(object, index);
    return template && !matchesSelector(selectorFromMap(at(service, 'spec', 'selector')), template.labels)
      ? [{ message: `Service "${name}" does not select the StatefulSet's pods`, field: 'spec.serviceName' }]
      : [];
  },
});
