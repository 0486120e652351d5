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

/** The Role or ClusterRole of the output that a RoleBinding or ClusterRoleBinding refers to, if any. */
export function roleOfBinding(index: ObjectIndex, binding: KubeObject): KubeObject | undefined {
  const kind = text(at(binding, 'roleRef', 'kind')) ?? '';
  if (kind !== 'Role' && kind !== 'ClusterRole') return undefined;
  return index.get(kind, kind === 'Role' ? namespaceOf(binding) : '', text(at(binding, 'roleRef', 'name')) ?? '');
}

/**
 * The Roles and ClusterRoles of the output that RoleBindings and ClusterRoleBindings grant to the
 * ServiceAccount `name` of `namespace` (named as a ServiceAccount subject). The bindings are indexed by
 * subject once per check, so asking for every ServiceAccount stays linear in the number of objects.
 */
export function rolesOfServiceAccount(index: ObjectIndex, namespace: string, name: string): KubeObject[] {
  return index.derived('rbac:roles-by-service-account', rolesByServiceAccount).get(accountKey(namespace, name)) ?? [];
}

const accountKey = (namespace: string, name: string) => `${namespace}\u0000${name}`;

function rolesByServiceAccount(index: ObjectIndex): Map<string, KubeObject[]> {
  const roles = new Map<string, KubeObject[]>();
  for (const binding of [...index.ofKind('RoleBinding'), ...index.ofKind('ClusterRoleBinding')]) {
    const role = roleOfBinding(index, binding);
    if (!role) continue;
    const accounts = new Set<string>();
    for (const s of records(binding.subjects)) {
      const subjectName = text(s.name);
      if (s.kind !== 'ServiceAccount' || subjectName === undefined) continue;
      accounts.add(accountKey(text(s.namespace) ?? namespaceOf(binding), subjectName));
    }
    for (const account of accounts) {
      const list = roles.get(account);
      if (list) list.push(role);
      else roles.set(account, [role]);
    }
  }
  return roles;
}
