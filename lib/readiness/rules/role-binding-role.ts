import { objectRule } from '../define';
import { at, kindOf, text } from '../object';
import { roleOfBinding } from '../rbac';

/** ClusterRoles every cluster has. */
const BUILT_IN_CLUSTER_ROLES = new Set(['cluster-admin', 'admin', 'edit', 'view']);

/** Guide 12.1: bindings point at roles that exist. */
export const roleBindingRole = objectRule({
  id: 'role-binding-role-exists',
  summary:
    'Every RoleBinding and ClusterRoleBinding refers to a Role or ClusterRole in the output (or a built-in one).',
  why: 'Guide 12.1 and 11.3: a binding to a missing role grants nothing, so the workload fails with 403 at runtime (often as a CrashLoopBackOff) although the manifests look right.',
  fix: 'Fix roleRef.name, or add the Role to the output next to the binding.',
  kinds: ['RoleBinding', 'ClusterRoleBinding'],
  check(object, { index }) {
    const kind = text(at(object, 'roleRef', 'kind')) ?? '';
    const name = text(at(object, 'roleRef', 'name')) ?? '';
    if (kind === 'ClusterRole' && (BUILT_IN_CLUSTER_ROLES.has(name) || name.startsWith('system:'))) return [];
    if (kind === 'Role' && kindOf(object) === 'ClusterRoleBinding')
      return [{ message: 'a ClusterRoleBinding cannot refer to a Role', field: 'roleRef.kind' }];
    return roleOfBinding(index, object)
      ? []
      : [{ message: `roleRef ${kind}/${name} is not in the output`, field: 'roleRef' }];
  },
});
