import { podRule } from '../define';
import { at, namespaceOf, records, text } from '../object';
import type { ObjectIndex } from '../object-index';
import { serviceAccountOf } from './service-account-dedicated';

/** `namespace/name` of every ServiceAccount some RoleBinding or ClusterRoleBinding grants a role to. */
function boundServiceAccounts(index: ObjectIndex): ReadonlySet<string> {
  return index.derived('bound-service-accounts', () => {
    const bound = new Set<string>();
    for (const kind of ['RoleBinding', 'ClusterRoleBinding']) {
      for (const binding of index.ofKind(kind)) {
        for (const s of records(at(binding, 'subjects'))) {
          if (s.kind === 'ServiceAccount') bound.add(`${text(s.namespace) ?? namespaceOf(binding)}/${text(s.name)}`);
        }
      }
    }
    return bound;
  });
}

/** Guide 12.1: the API token is mounted only into pods whose account has a role. */
export const serviceAccountToken = podRule({
  id: 'service-account-token-automount',
  summary: 'The ServiceAccount token is mounted only when a RoleBinding grants the account something.',
  why: 'Guide 12.1: a mounted token that no role needs is a free credential for anyone who gets code execution in the pod.',
  fix: 'Set automountServiceAccountToken: false on the pod (or its ServiceAccount), or bind the Role the workload needs.',
  checkPod(template, object, { index }) {
    const ns = namespaceOf(object);
    const account = serviceAccountOf(template);
    const sa = index.get('ServiceAccount', ns, account);
    const mounted =
      template.spec.automountServiceAccountToken ?? (sa ? sa.automountServiceAccountToken : undefined) ?? true;
    if (mounted !== true || boundServiceAccounts(index).has(`${ns}/${account}`)) return [];
    return [
      {
        message: `the token of ServiceAccount "${account}" is mounted but no RoleBinding or ClusterRoleBinding in the output grants it a role`,
        field: `${template.specPath}.automountServiceAccountToken`,
      },
    ];
  },
});
