import { KyvernoValidate } from './kyverno-cluster-policy';

/**
 * One policy of the pack as data: its name, what it is for, its rules, and whether namespaces exempted
 * from the restricted Pod Security profile are excluded from it.
 */
export interface PolicyDefinition {
  readonly name: string;
  readonly description: string;
  /** True for the pod-security policy: exempted namespaces are excluded from it, visibly. */
  readonly podSecurity: boolean;
  readonly rules: readonly PolicyRuleDefinition[];
}

/** A rule before the pack adds the failure action and exclusions. */
export interface PolicyRuleDefinition {
  readonly name: string;
  readonly kinds: string[];
  readonly validate: Omit<KyvernoValidate, 'failureAction'>;
}

const CONTAINERS = 'request.object.spec.containers';

/** Guide 12.4, 16.1: every container declares CPU and memory requests and limits. */
export const REQUIRE_REQUESTS_AND_LIMITS: PolicyDefinition = {
  name: 'require-requests-limits',
  description: 'Every container declares CPU and memory requests and limits (guide 12.4, 16.1).',
  podSecurity: false,
  rules: [
    {
      name: 'check-resources',
      kinds: ['Pod'],
      validate: {
        message: 'CPU and memory requests/limits are required.',
        pattern: {
          spec: {
            containers: [{ resources: { requests: { cpu: '?*', memory: '?*' }, limits: { cpu: '?*', memory: '?*' } } }],
          },
        },
      },
    },
  ],
};

/** Guide 16.4: images are pinned, never `latest`. */
export const DISALLOW_LATEST_TAG: PolicyDefinition = {
  name: 'disallow-latest-tag',
  description: 'Images are pinned to a tag or digest, never the mutable "latest" (guide 16.4).',
  podSecurity: false,
  rules: [
    {
      name: 'require-image-tag',
      kinds: ['Pod'],
      validate: { message: 'Pin the image to a tag or digest.', pattern: { spec: { containers: [{ image: '*:*' }] } } },
    },
    {
      name: 'disallow-latest',
      kinds: ['Pod'],
      validate: {
        message: 'The "latest" tag is mutable; pin a version.',
        pattern: { spec: { containers: [{ image: '!*:latest' }] } },
      },
    },
  ],
};

/** Guide 12.2: the restricted profile's core: non-root, seccomp, no escalation, no capabilities. */
export const REQUIRE_RESTRICTED_SECURITY: PolicyDefinition = {
  name: 'require-restricted-security',
  description:
    'Pods run as non-root with seccomp RuntimeDefault; containers forbid privilege escalation and drop ALL capabilities (guide 12.2).',
  podSecurity: true,
  rules: [
    {
      name: 'pod-security-context',
      kinds: ['Pod'],
      validate: {
        message: 'Set runAsNonRoot: true and seccompProfile.type: RuntimeDefault in the pod securityContext.',
        pattern: { spec: { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } } } },
      },
    },
    {
      name: 'no-privilege-escalation',
      kinds: ['Pod'],
      validate: {
        message: 'Set allowPrivilegeEscalation: false on every container.',
        pattern: { spec: { containers: [{ securityContext: { allowPrivilegeEscalation: false } }] } },
      },
    },
    {
      name: 'drop-all-capabilities',
      kinds: ['Pod'],
      validate: {
        message: 'Drop ALL capabilities on every container.',
        foreach: [
          {
            list: CONTAINERS,
            deny: {
              conditions: {
                all: [
                  {
                    key: 'ALL',
                    operator: 'AnyNotIn',
                    value: '{{ element.securityContext.capabilities.drop[] || `[]` }}',
                  },
                ],
              },
            },
          },
        ],
      },
    },
  ],
};

/** Guide 12.1, 16.4: no workload runs as the namespace's default ServiceAccount. */
export const DISALLOW_DEFAULT_SERVICE_ACCOUNT: PolicyDefinition = {
  name: 'disallow-default-service-account',
  description: 'Pods run with a ServiceAccount of their own, never "default" (guide 12.1, 16.4).',
  podSecurity: false,
  rules: [
    {
      name: 'own-service-account',
      kinds: ['Pod'],
      validate: {
        message: 'Give the workload its own ServiceAccount; "default" is shared by everything in the namespace.',
        pattern: { spec: { serviceAccountName: '!default' } },
      },
    },
  ],
};

/** Guide 12.1, 16.4: no ServiceAccount is bound to cluster-admin. */
export const DISALLOW_CLUSTER_ADMIN_FOR_SERVICE_ACCOUNTS: PolicyDefinition = {
  name: 'disallow-cluster-admin-service-accounts',
  description: 'No ServiceAccount (CI/CD or workload) is bound to cluster-admin (guide 12.1, 16.4).',
  podSecurity: false,
  rules: [
    {
      name: 'no-cluster-admin-binding',
      kinds: ['ClusterRoleBinding', 'RoleBinding'],
      validate: {
        message: 'Bind a least-privilege role instead of cluster-admin to ServiceAccounts.',
        deny: {
          conditions: {
            all: [
              { key: '{{ request.object.roleRef.name }}', operator: 'Equals', value: 'cluster-admin' },
              { key: 'ServiceAccount', operator: 'AnyIn', value: '{{ request.object.subjects[].kind }}' },
            ],
          },
        },
      },
    },
  ],
};

/** Guide 16.2: Deployments only receive traffic once ready. */
export const REQUIRE_READINESS_PROBE: PolicyDefinition = {
  name: 'require-readiness-probe',
  description: 'Every container of a Deployment has a readiness probe, so rollouts wait for ready pods (guide 16.2).',
  podSecurity: false,
  rules: [
    {
      name: 'readiness-probe',
      kinds: ['Deployment'],
      validate: {
        message: 'Add a readinessProbe to every container.',
        foreach: [
          {
            list: 'request.object.spec.template.spec.containers',
            deny: {
              conditions: { any: [{ key: "{{ element.readinessProbe || '' }}", operator: 'Equals', value: '' }] },
            },
          },
        ],
      },
    },
  ],
};

/** The pack, in output order. */
export const POLICY_CATALOGUE: readonly PolicyDefinition[] = [
  REQUIRE_REQUESTS_AND_LIMITS,
  DISALLOW_LATEST_TAG,
  REQUIRE_RESTRICTED_SECURITY,
  DISALLOW_DEFAULT_SERVICE_ACCOUNT,
  DISALLOW_CLUSTER_ADMIN_FOR_SERVICE_ACCOUNTS,
  REQUIRE_READINESS_PROBE,
];
