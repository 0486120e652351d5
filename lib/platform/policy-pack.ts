import { Construct } from 'constructs';
import { fail } from '../core/errors';
import { assertDnsLabel } from '../core/names';
import { PolicyMode } from '../core/policy-mode';
import { POLICY_SCOPE_LABELS } from '../core/policy-scope';
import { KyvernoClusterPolicy, KyvernoMatch } from './kyverno-cluster-policy';
import { POLICY_CATALOGUE, PolicyDefinition } from './kyverno-policies';

/** Kinds without a namespace, which a namespace selector would never match. */
const CLUSTER_SCOPED_KINDS = ['ClusterRoleBinding', 'ClusterRole', 'Namespace', 'StorageClass', 'PriorityClass'];

/** A namespace excluded from the restricted pod-security policy, and why. */
export interface PodSecurityExemption {
  /** The namespace. */
  readonly namespace: string;
  /** Why its pods cannot be restricted, e.g. `node agents read host paths`. */
  readonly reason: string;
}

/** Annotation on the pod-security policy listing each exempted namespace with its reason. */
export const EXEMPTED_NAMESPACES_ANNOTATION = 'cdk8s-production.io/exempted-namespaces';

/** The system namespace every cluster exempts. */
export const KUBE_SYSTEM_EXEMPTION: PodSecurityExemption = {
  namespace: 'kube-system',
  reason: 'Kubernetes system components (CNI, CSI, kube-proxy) need host access',
};

/** Properties of a {@link PolicyPack}. */
export interface PolicyPackProps {
  /** Enforce (refuse violations) or Audit (report them); from the environment. */
  readonly mode: PolicyMode;
  /**
   * Namespaces excluded from the pod-security policy only; every other policy still applies to them.
   * @default [KUBE_SYSTEM_EXEMPTION]
   */
  readonly exemptions?: PodSecurityExemption[];
  /**
   * Policies to synthesize.
   * @default POLICY_CATALOGUE
   */
  readonly policies?: readonly PolicyDefinition[];
  /**
   * A mode per policy name that overrides `mode`: a new policy rolls out as `PolicyMode.AUDIT` first.
   * @default - every policy in `mode`
   */
  readonly modes?: Record<string, PolicyMode>;
  /**
   * The namespace labels a namespace must carry for the namespaced rules to apply to it.
   * @default POLICY_SCOPE_LABELS (set by Tenant)
   */
  readonly namespaceLabels?: Record<string, string>;
}

/**
 * The Kyverno ClusterPolicies that enforce what the guide demands (12.2, 12.4, 16.4): requests and
 * limits, pinned images, the restricted security context, own ServiceAccounts, no cluster-admin for
 * ServiceAccounts, readiness probes on Deployments. Every rule carries the environment's failure action
 * (`validate.failureAction`, which replaces the deprecated `spec.validationFailureAction`).
 * Cluster-scoped: its policies carry no namespace, in whatever chart the pack is created.
 */
export class PolicyPack extends Construct {
  /** The policies, by name. */
  public readonly policies: Record<string, KyvernoClusterPolicy> = {};

  public constructor(scope: Construct, id: string, props: PolicyPackProps) {
    super(scope, id);
    const exemptions = props.exemptions ?? [KUBE_SYSTEM_EXEMPTION];
    exemptions.forEach((e, i) => {
      assertDnsLabel(this, `exemptions[${i}].namespace`, e.namespace);
      if (!e.reason || e.reason.trim() === '') {
        fail(this, `exemptions[${i}] "${e.namespace}" has no reason; say why its pods cannot run restricted`);
      }
    });
    const exclude: KyvernoMatch | undefined =
      exemptions.length > 0 ? { any: [{ resources: { namespaces: exemptions.map((e) => e.namespace) } }] } : undefined;

    const policies = props.policies ?? POLICY_CATALOGUE;
    for (const name of Object.keys(props.modes ?? {})) {
      if (!policies.some((p) => p.name === name)) {
        fail(
          this,
          `modes names "${name}", which is not one of the policies (${policies.map((p) => p.name).join(', ')}); ` +
            `correct the name or remove the entry`,
        );
      }
    }
    const namespaceSelector = { matchLabels: { ...(props.namespaceLabels ?? POLICY_SCOPE_LABELS) } };
    for (const policy of policies) {
      this.policies[policy.name] = new KyvernoClusterPolicy(this, policy.name, {
        name: policy.name,
        description: policy.description,
        annotations:
          policy.podSecurity && exclude
            ? { [EXEMPTED_NAMESPACES_ANNOTATION]: exemptions.map((e) => `${e.namespace}: ${e.reason}`).join('; ') }
            : undefined,
        rules: policy.rules.map((rule) => ({
          name: rule.name,
          // Namespaced kinds in labelled namespaces only; a cluster-scoped kind (ClusterRoleBinding) everywhere.
          match: {
            any: [
              {
                resources: rule.kinds.some((k) => CLUSTER_SCOPED_KINDS.includes(k))
                  ? { kinds: rule.kinds }
                  : { kinds: rule.kinds, namespaceSelector },
              },
            ],
          },
          exclude: policy.podSecurity ? exclude : undefined,
          validate: { ...rule.validate, failureAction: props.modes?.[policy.name] ?? props.mode },
        })),
      });
    }
  }
}
