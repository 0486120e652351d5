import { podRule } from '../define';
import { namespaceOf } from '../object';
import { serviceAccountOf } from './service-account-dedicated';

/** Guide 11.2 and 12.1: the ServiceAccount a pod runs as exists. */
export const serviceAccountExists = podRule({
  id: 'service-account-exists',
  summary: 'The ServiceAccount a pod runs as is in the output (default always exists).',
  why: 'Guide 11.2 and 12.1: the controller cannot create pods for a missing ServiceAccount; the ReplicaSet shows "serviceaccount not found" and the Deployment never becomes available.',
  fix: 'Add the ServiceAccount to the same namespace, or fix spec.serviceAccountName.',
  checkPod(template, object, { index }) {
    const account = serviceAccountOf(template);
    if (account === 'default' || index.get('ServiceAccount', namespaceOf(object), account)) return [];
    return [
      {
        message: `runs as ServiceAccount "${account}", which is not in the output`,
        field: `${template.specPath}.serviceAccountName`,
      },
    ];
  },
});
