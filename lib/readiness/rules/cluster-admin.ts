import { objectRule } from '../define';
import { at, records, text } from '../object';

/** Guide 12.1 and 16.4: no service account is bound to cluster-admin. */
export const noClusterAdmin = objectRule({
  id: 'no-cluster-admin-for-service-accounts',
  summary: 'No RoleBinding or ClusterRoleBinding grants cluster-admin to a ServiceAccount.',
  why: 'Guide 12.1 and 16.4: a workload or CI/CD account with cluster-admin turns any compromise of that pod or pipeline into control of the whole cluster.',
  fix: 'Bind a Role (or a narrow ClusterRole) with only the verbs and resources the account uses.',
  kinds: ['ClusterRoleBinding', 'RoleBinding'],
  check(object) {
    if (
      text(at(object, 'roleRef', 'kind')) !== 'ClusterRole' ||
      text(at(object, 'roleRef', 'name')) !== 'cluster-admin'
    )
      return [];
    return records(object.subjects)
      .map((s, i) => ({ s, i }))
      .filter(
        ({ s }) =>
          s.kind === 'ServiceAccount' ||
          (s.kind === 'Group' && (text(s.name) ?? '').startsWith('system:serviceaccounts')),
      )
      .map(({ s, i }) => ({ message: `grants cluster-admin to ${s.kind} "${text(s.name)}"`, field: `subjects[${i}]` }));
  },
});
