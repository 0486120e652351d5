import { at, namespaceOf, records, text } from './object';
import type { ObjectIndex } from './object-index';
import type { KubeObject } from './types';

/** The values of a policy rule's list field (verbs, resources, apiGroups), as strings. */
export const values = (rule: Record<string, unknown>, field: string): string[] =>
  Array.isArray(rule[field]) ? (rule[field] as unknown[]).map(String) : [];

/** Whether `role` (a Role or ClusterRole) allows `verb` on `resource` of the core API group. */
export function roleAllows(role: KubeObject, verb: string, resource: string): boolean {
  return records(role.rules).some(
    (r) =>
      ['*', verb].some((v) => values(r, 'verbs').includes(v)) &&
      ['*', resource].some((v) => values(r, 'resources').includes(v)) &&
      ['*', ''].some((g) => values(r, 'apiGroups').includes(g)),
  );
}

/**
 * The Roles and ClusterRoles of the output that RoleBindings and ClusterRoleBindings grant to the
 * ServiceAccount `name` of `namespace` (named as a ServiceAccount subject).
 */
export function rolesOfServiceAccount(index: ObjectIndex, namespace: string, name: string): KubeObject[] {
  const roles: KubeObject[] = [];
  for (const binding of [...index.ofKind('RoleBinding'), ...index.ofKind('ClusterRoleBinding')]) {
    const bound = records(binding.subjects).some(
      (s) =>
        s.kind === 'ServiceAccount' &&
        text(s.name) === name &&
        (text(s.namespace) ?? namespaceOf(binding)) === namespace,
    );
    if (!bound) continue;
    const kind = text(at(binding, 'roleRef', 'kind')) ?? '';
    const role = index.get(
      kind,
      kind === 'Role' ? namespaceOf(binding) : '',
      text(at(binding, 'roleRef', 'name')) ?? '',
    );
    if (role) roles.push(role);
  }
  return roles;
}
