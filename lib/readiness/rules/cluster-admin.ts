import { objectRule } from '../define';
import type { ObjectIndex } from '../object-index';
import { at, records, text } from '../object';
import type { KubeObject } from '../types';
import { roleOfBinding, values } from '../rbac';

/** Whether a Role or ClusterRole has a rule granting every verb on every resource of every API group. */
function grantsEverything(role: KubeObject): boolean {
  return records(role.rules).some(
    (r) =>
      values(r, 'verbs').includes('*') && values(r, 'resources').includes('*') && values(r, 'apiGroups').includes('*'),
  );
}

/** Whether a binding subject is a ServiceAccount: by kind, as its group, or as the user name the API server gives it. */
function isServiceAccountSubject(subject: Record<string, unknown>): boolean {
  const name = text(subject.name) ?? '';
  return (
    subject.kind === 'ServiceAccount' ||
    (subject.kind === 'Group' && name.startsWith('system:serviceaccounts')) ||
    (subject.kind === 'User' && name.startsWith('system:serviceaccount:'))
  );
}

/** What a binding's roleRef grants when it amounts to cluster-admin, as words for a message; `undefined` otherwise. */
function adminGrant(binding: KubeObject, index: ObjectIndex): string | undefined {
  const kind = text(at(binding, 'roleRef', 'kind'));
  const name = text(at(binding, 'roleRef', 'name')) ?? '';
  if (kind === 'ClusterRole' && name === 'cluster-admin') return 'cluster-admin';
  const role = roleOfBinding(index, binding);
  return role && grantsEverything(role)
    ? `${kind} "${name}", which allows every verb on every resource as cluster-admin does,`
    : undefined;
}

/** Guide 12.1 and 16.4: no service account is bound to cluster-admin. */
export const noClusterAdmin = objectRule({
  id: 'no-cluster-admin-for-service-accounts',
  summary:
    'No RoleBinding or ClusterRoleBinding grants cluster-admin, or a role allowing every verb on every resource, to a ServiceAccount.',
  why: 'Guide 12.1 and 16.4: a workload or CI/CD account with cluster-admin turns any compromise of that pod or pipeline into control of the whole cluster. A role with verbs, resources and apiGroups all "*" is cluster-admin under another name, and a ServiceAccount is also bound as the User system:serviceaccount:<namespace>:<name>.',
  fix: 'Bind a Role (or a narrow ClusterRole) with only the verbs and resources the account uses.',
  kinds: ['ClusterRoleBinding', 'RoleBinding'],
  check(object, { index }) {
    const grant = adminGrant(object, index);
    if (!grant) return [];
    return records(object.subjects)
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => isServiceAccountSubject(s))
      .map(({ s, i }) => ({ message: `grants ${grant} to ${s.kind} "${text(s.name)}"`, field: `subjects[${i}]` }));
  },
});
