import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { clusterScoped } from '../core/cluster-scoped';
import { MANAGED_BY } from '../core/labels';
import { PolicyMode } from '../core/policy-mode';

/**
 * The subset of Kyverno's `kyverno.io/v1` ClusterPolicy this library writes. Kyverno's generated binding
 * is about 900 KB of TypeScript; these few types cover what the policy pack needs, and the tests check
 * the output against the vendored CRD schema.
 */

/** Which objects a rule applies to, or is excluded from. */
export interface KyvernoResourceFilter {
  /**
   * Kinds, e.g. `['Pod']`.
   * @default - every kind
   */
  readonly kinds?: string[];
  /**
   * Namespaces.
   * @default - every namespace
   */
  readonly namespaces?: string[];
  /**
   * Namespaces by their labels.
   * @default - every namespace
   */
  readonly namespaceSelector?: { readonly matchLabels: Record<string, string> };
}

/** A match or exclude block: any of the filters. */
export interface KyvernoMatch {
  /** The filters; an object matching any of them matches. */
  readonly any: { readonly resources: KyvernoResourceFilter }[];
}

/** One condition of a deny block, in Kyverno's JMESPath terms. */
export interface KyvernoCondition {
  /** JMESPath expression evaluated on the request, e.g. `{{ request.object.spec.serviceAccountName }}`. */
  readonly key: string;
  /** How key and value compare. */
  readonly operator: 'Equals' | 'NotEquals' | 'AnyIn' | 'AnyNotIn' | 'AllIn' | 'AllNotIn';
  /** The value compared with. */
  readonly value: string | string[];
}

/** A deny block: refuse when all (or any) conditions hold. */
export interface KyvernoDeny {
  /** Refuse when all (or any) of these hold. */
  readonly conditions: { readonly all?: KyvernoCondition[]; readonly any?: KyvernoCondition[] };
}

/** A validate block. Patterns are free-form by Kyverno's design (`?*`, `!value`, `=()` anchors). */
export interface KyvernoValidate {
  /** Shown to whoever submits a violating object. */
  readonly message: string;
  /**
   * Whether a violation blocks or is only reported.
   * @default - Kyverno's default, Audit
   */
  readonly failureAction?: PolicyMode;
  /**
   * Overlay pattern the object must match.
   * @default - no pattern
   */
  readonly pattern?: Record<string, unknown>;
  /**
   * Conditions that refuse the object.
   * @default - no deny block
   */
  readonly deny?: KyvernoDeny;
  /**
   * Deny blocks applied to each element of a list.
   * @default - no foreach
   */
  readonly foreach?: { readonly list: string; readonly deny: KyvernoDeny }[];
}

/** One rule of a policy. */
export interface KyvernoRule {
  /** Rule name, unique in the policy. */
  readonly name: string;
  /** Objects the rule applies to. */
  readonly match: KyvernoMatch;
  /**
   * Objects exempted from the rule.
   * @default - none
   */
  readonly exclude?: KyvernoMatch;
  /** What is checked. */
  readonly validate: KyvernoValidate;
}

/** Properties of a {@link KyvernoClusterPolicy}. */
export interface KyvernoClusterPolicyProps {
  /** Policy name. */
  readonly name: string;
  /** Shown in policy reports: what the policy is for. */
  readonly description: string;
  /**
   * Extra annotations, e.g. the list of exempted namespaces and why.
   * @default - none
   */
  readonly annotations?: Record<string, string>;
  /** The rules. */
  readonly rules: KyvernoRule[];
  /**
   * Also report on objects that already exist.
   * @default true
   */
  readonly background?: boolean;
}

/** A Kyverno ClusterPolicy (cluster-scoped: it carries no namespace, in whatever chart it is created). */
export class KyvernoClusterPolicy extends ApiObject {
  /** apiVersion and kind. */
  public static readonly GVK = { apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy' };

  public constructor(scope: Construct, id: string, props: KyvernoClusterPolicyProps) {
    super(scope, id, {
      ...KyvernoClusterPolicy.GVK,
      metadata: {
        name: props.name,
        labels: { 'app.kubernetes.io/managed-by': MANAGED_BY },
        annotations: { 'policies.kyverno.io/description': props.description, ...props.annotations },
      },
      spec: { background: props.background ?? true, rules: props.rules },
    });
    clusterScoped(this);
  }
}
