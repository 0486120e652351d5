import { podRule } from '../define';
import { nameOf, namespaceOf, records, text } from '../object';
import { rolesOfServiceAccount, values } from '../rbac';
import type { KubeObject } from '../types';

/** What a role's rules grant that a workload's ServiceAccount should not hold, in words. */
function dangerousGrants(role: KubeObject): string[] {
  const grants: string[] = [];
  for (const r of records(role.rules)) {
    const verbs = values(r, 'verbs');
    const resources = values(r, 'resources');
    const core = ['*', ''].some((g) => values(r, 'apiGroups').includes(g));
    if (verbs.includes('*') || resources.includes('*')) {
      grants.push(
        `wildcard ${verbs.includes('*') ? 'verbs' : 'resources'} (${verbs.join(',')} on ${resources.join(',')})`,
      );
      continue;
    }
    if (core && resources.includes('secrets') && verbs.some((v) => ['get', 'list', 'watch'].includes(v))) {
      grants.push(`reading Secrets (${verbs.join(',')})`);
    }
    for (const sub of ['pods/exec', 'pods/attach']) {
      if (core && resources.includes(sub) && verbs.some((v) => ['create', 'get'].includes(v))) grants.push(sub);
    }
  }
  return grants;
}

/**
 * Guide 12.1 (least privilege): what the Roles bound to a workload's ServiceAccount grant is what an
 * attacker holds after one code-execution bug: no wildcards, no reading Secrets through the API (mount
 * the ones the pod needs), no exec or attach into other pods.
 */
export const serviceAccountGrants = podRule({
  id: 'service-account-least-privilege',
  summary:
    "The Roles bound to a workload's ServiceAccount grant no wildcards, no Secret reads and no pods/exec or pods/attach.",
  why: 'Guide 12.1: a pod token with wildcard verbs or resources, Secret reads or exec into other pods turns one compromised container into the whole namespace (or cluster).',
  fix: 'Grant the exact verbs on the exact resources the workload calls (ProductionService permissions refuse wildcards); mount Secrets as files instead of reading them through the API.',
  checkPod(template, object, { index }) {
    // A pod that mounts no token holds none of its ServiceAccount's grants.
    if (template.spec.automountServiceAccountToken === false) return [];
    const account = text(template.spec.serviceAccountName) ?? 'default';
    const findings: { message: string; field: string }[] = [];
    for (const role of rolesOfServiceAccount(index, namespaceOf(object), account)) {
      const grants = dangerousGrants(role);
      if (grants.length > 0) {
        findings.push({
          field: `${template.specPath}.serviceAccountName`,
          message: `ServiceAccount ${account} is bound to ${role.kind} ${nameOf(role)}, which grants ${grants.join('; ')}`,
        });
      }
    }
    return findings;
  },
});
