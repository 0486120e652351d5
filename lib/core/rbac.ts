import { k8s } from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { fail } from './errors';

/** One least-privilege permission: verbs on resources of API groups. */
export interface PermissionRule {
  /**
   * API groups; `""` is the core group.
   * @default [""]
   */
  readonly apiGroups?: string[];
  /** Resources, e.g. `["configmaps"]`. Wildcards are refused. */
  readonly resources: string[];
  /** Verbs, e.g. `["get", "list"]`. Wildcards are refused. */
  readonly verbs: string[];
  /**
   * Restrict the rule to these object names.
   * @default - all objects of the resources
   */
  readonly resourceNames?: string[];
}

/** Checks that no rule uses a wildcard and returns the Kubernetes form. */
export function leastPrivilegeRules(
  scope: IConstruct | string,
  prop: string,
  rules: PermissionRule[],
): k8s.PolicyRule[] {
  return rules.map((rule, i) => {
    for (const field of ['apiGroups', 'resources', 'verbs'] as const) {
      const values = rule[field] ?? [];
      if (values.some((v) => v.includes('*'))) {
        fail(
          scope,
          `${prop}[${i}].${field} ${JSON.stringify(values)} contains a wildcard; ` +
            `least privilege needs explicit ${field}, e.g. ${field === 'verbs' ? '["get", "list"]' : field === 'resources' ? '["configmaps"]' : '[""]'}`,
        );
      }
    }
    if (rule.resources.length === 0 || rule.verbs.length === 0) {
      fail(scope, `${prop}[${i}] grants nothing; give at least one resource and one verb, or remove the rule`);
    }
    return {
      apiGroups: rule.apiGroups ?? [''],
      resources: rule.resources,
      verbs: rule.verbs,
      resourceNames: rule.resourceNames,
    };
  });
}
