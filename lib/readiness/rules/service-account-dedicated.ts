import { podRule } from '../define';
import { text } from '../object';
import { PodTemplate } from '../workload';

/** The service account the pods run as (`default` when unset). */
export function serviceAccountOf(template: PodTemplate): string {
  return text(template.spec.serviceAccountName) ?? text(template.spec.serviceAccount) ?? 'default';
}

/** Guide 12.1 and 16.4: pods never run as the namespace's default ServiceAccount. */
export const serviceAccountDedicated = podRule({
  id: 'service-account-dedicated',
  summary: 'Pods run with a dedicated ServiceAccount, not default.',
  why: 'Guide 12.1 and 16.4: every workload sharing the default ServiceAccount shares its permissions, so one RoleBinding for one service silently grants them to all.',
  fix: 'Create a ServiceAccount named after the workload and set spec.serviceAccountName to it.',
  checkPod(template) {
    return serviceAccountOf(template) === 'default'
      ? [{ message: 'pods run as the default ServiceAccount', field: `${template.specPath}.serviceAccountName` }]
      : [];
  },
});
