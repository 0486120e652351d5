import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { MANAGED_BY } from '../core/labels';
import { PolicyMode } from '../environments/environment';

/**
 * The subset of Kyverno's `kyverno.io/v1` ClusterPolicy this library writes. Kyverno's generated binding
 * is about 900 KB of TypeScript; these few types cover what the policy pack needs, and the tests check
 * the output against the vendored CRD schema.
 */

/** Which objects a rule applies to, or is excluded from. */
export interface KyvernoResourceFilter {
  /** Kinds, e.g. `['Pod']`. */
  readonly kinds?: string[];
  /** Namespaces. */
  readonly namespaces?: string[];
}

/** A match or exclude block: any of the filters. */
export interface KyvernoMatch {
  readonly any: { readonly resources: KyvernoResourceFilter }[];
}

/** One condition of a deny block, in Kyverno's JMESPath terms. */
export interface KyvernoCondition {
  readonly key: string;
  readonly operator: 'Equals' | 'NotEquals' | 'AnyIn' | 'AnyNotIn' | 'AllIn' | 'AllNotIn';
  readonly value: string | string[];
}

/** A deny block: refuse when all (or any) conditions hold. */
export interface KyvernoDeny {
  readonly conditions: { readonly all?: KyvernoCondition[]; readonly any?: KyvernoCondition[] };
}

/** A validate block. Patterns are free-form by Kyverno's design (`?*`, `!value`, `=()` anchors). */
export interface KyvernoValidate {
  readonly message: string;
  readonly failureAction?: PolicyMode;
  readonly pattern?: Record<string, unknown>;
  readonly deny?: KyvernoDeny;
  readonly foreach?: { readonly list: string; readonly deny: KyvernoDeny }[];
}

/** One rule of a policy. */
export interface KyvernoRule {
  readonly name: string;
  readonly match: KyvernoMatch;
  readonly exclude?: KyvernoMatch;
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

/** A Kyverno ClusterPolicy (cluster-scoped: put it in a chart without a namespace). */
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
  }
}
