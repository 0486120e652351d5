/**
 * The checks of Polaris, kube-linter and kube-score that map to a rule of this checker, read from each
 * project's own definitions: Polaris `pkg/config/checks/*.yaml` (commit c0e23a2, 2026-08-21),
 * kube-linter `docs/generated/checks.md` (commit 35de568, 2026-08-19), kube-score `README_CHECKS.md`
 * (commit 06dedc9, 2026-05-20). The check honours their exemption annotations for these checks, and the
 * parity suite (test/readiness/parity.test.ts) proves each mapping on a fixture the peer check flags.
 */

/** A checker that teams already run in CI. */
export enum PeerTool {
  /** Fairwinds Polaris: exempted with `polaris.fairwinds.com/<check>-exempt: "true"` or `polaris.fairwinds.com/exempt: "true"`. */
  POLARIS = 'polaris',
  /** StackRox kube-linter: exempted with `ignore-check.kube-linter.io/<check>: <reason>`. */
  KUBE_LINTER = 'kube-linter',
  /** kube-score: exempted with `kube-score/ignore: <check>,<check>` on the object or its pod template. */
  KUBE_SCORE = 'kube-score',
}

/** One peer check and the rule of this checker that covers it. */
export interface PeerCheckMapping {
  /** The peer tool. */
  readonly tool: PeerTool;
  /** The peer's check id. */
  readonly check: string;
  /** The rule id here. */
  readonly rule: string;
  /**
   * What this checker does differently on purpose, in one sentence.
   * @default - none: on the cases the peer check flags, the rule flags the same object
   */
  readonly difference?: string;
}

const P = PeerTool.POLARIS;
const L = PeerTool.KUBE_LINTER;
const S = PeerTool.KUBE_SCORE;

function map(rule: string, checks: [PeerTool, string][], difference?: string): PeerCheckMapping[] {
  return checks.map(([tool, check]) => ({ tool, check, rule, ...(difference && { difference }) }));
}

/**
 * The peer checks that look at one kind only, by `tool/check`: an exemption of an object from the
 * checks of a rule needs only those that apply to its kind (a Deployment is never checked by
 * kube-score's `statefulset-has-poddisruptionbudget`).
 */
export const PEER_CHECK_KINDS: Readonly<Record<string, readonly string[]>> = {
  'polaris/deploymentMissingReplicas': ['Deployment'],
  'polaris/missingPodDisruptionBudget': ['Deployment'],
  'polaris/hpaMinAvailability': ['HorizontalPodAutoscaler'],
  'polaris/hpaMaxAvailability': ['HorizontalPodAutoscaler'],
  'kube-linter/hpa-minimum-three-replicas': ['HorizontalPodAutoscaler'],
  'kube-score/deployment-replicas': ['Deployment'],
  'kube-score/deployment-strategy': ['Deployment'],
  'kube-score/deployment-has-poddisruptionbudget': ['Deployment'],
  'kube-score/deployment-has-host-podantiaffinity': ['Deployment'],
  'kube-score/deployment-targeted-by-hpa-does-not-have-replicas-configured': ['Deployment'],
  'kube-score/statefulset-has-poddisruptionbudget': ['StatefulSet'],
  'kube-score/statefulset-has-host-podantiaffinity': ['StatefulSet'],
  'kube-score/statefulset-has-servicename': ['StatefulSet'],
  'kube-score/horizontalpodautoscaler-replicas': ['HorizontalPodAutoscaler'],
  'kube-score/horizontalpodautoscaler-has-target': ['HorizontalPodAutoscaler'],
  'kube-score/cronjob-has-deadline': ['CronJob'],
};

/** Every mapped peer check, grouped by the rule that covers it. */
export const PEER_CHECK_MAPPINGS: readonly PeerCheckMapping[] = [
  ...map('image-tag-pinned', [
    [P, 'tagNotSpecified'],
    [L, 'latest-tag'],
    [S, 'container-image-tag'],
  ]),
  ...map('resources-requests-limits', [
    [P, 'cpuRequestsMissing'],
    [P, 'cpuLimitsMissing'],
    [P, 'memoryRequestsMissing'],
    [P, 'memoryLimitsMissing'],
    [L, 'unset-cpu-requirements'],
    [L, 'unset-memory-requirements'],
    [S, 'container-resources'],
  ]),
  ...map('probes-readiness-liveness', [
    [P, 'readinessProbeMissing'],
    [P, 'livenessProbeMissing'],
    [L, 'no-readiness-probe'],
    [L, 'no-liveness-probe'],
    [S, 'pod-probes'],
  ]),
  ...map('probes-distinct', [[S, 'pod-probes-identical']]),
  ...map(
    'probe-port-listed',
    [
      [L, 'liveness-port'],
      [L, 'readiness-port'],
      [L, 'startup-port'],
    ],
    'A numeric probe port the container does not list is a warning here, not an error: the kubelet probes any port the process listens on.',
  ),
  ...map('read-only-root-filesystem', [
    [P, 'notReadOnlyRootFilesystem'],
    [L, 'no-read-only-root-fs'],
    [S, 'container-security-context-readonlyrootfilesystem'],
  ]),
  ...map('replicas-above-one', [
    [P, 'hpaMinAvailability'],
    [S, 'horizontalpodautoscaler-replicas'],
  ]),
  ...map(
    'replicas-above-one',
    [
      [P, 'deploymentMissingReplicas'],
      [S, 'deployment-replicas'],
    ],
    'A Deployment scaled by an HPA leaves spec.replicas unset (the hpa-target-no-replicas rule asks for that); its floor is the HPA minimum, not a missing field.',
  ),
  ...map(
    'replicas-above-one',
    [
      [L, 'minimum-three-replicas'],
      [L, 'hpa-minimum-three-replicas'],
    ],
    'The floor is two pods, not three: two survive one voluntary eviction, which is what the disruption budget rules then protect.',
  ),
  ...map('hpa-max-above-min', [[P, 'hpaMaxAvailability']]),
  ...map('pdb-allows-disruption', [
    [P, 'pdbDisruptionsIsZero'],
    [L, 'pdb-max-unavailable'],
    [L, 'pdb-min-available'],
  ]),
  ...map('hpa-min-above-pdb', [[P, 'pdbMinAvailableGreaterThanHPAMinReplicas']]),
  ...map(
    'pdb-covers-workload',
    [
      [P, 'missingPodDisruptionBudget'],
      [S, 'deployment-has-poddisruptionbudget'],
      [S, 'statefulset-has-poddisruptionbudget'],
    ],
    'Only workloads with more than one replica need a budget: one pod cannot stay available through its own eviction.',
  ),
  ...map(
    'namespace-has-network-policy',
    [
      [P, 'missingNetworkPolicy'],
      [L, 'non-isolated-pod'],
      [S, 'pod-networkpolicy'],
    ],
    'A namespace-wide default deny counts: it selects every pod, so a workload needs no policy naming its own labels.',
  ),
  ...map('network-policy-selects-workload', [
    [L, 'dangling-networkpolicy'],
    [S, 'networkpolicy-targets-pod'],
  ]),
  ...map(
    'network-policy-peer-selects-pods',
    [[L, 'dangling-networkpolicypeer-podselector']],
    'A warning here, not an error: a peer may select pods another output deploys.',
  ),
  ...map('service-selects-pods', [
    [L, 'dangling-service'],
    [S, 'service-targets-pod'],
  ]),
  ...map('hpa-target-exists', [
    [L, 'dangling-horizontalpodautoscaler'],
    [S, 'horizontalpodautoscaler-has-target'],
  ]),
  ...map('hpa-target-no-replicas', [[S, 'deployment-targeted-by-hpa-does-not-have-replicas-configured']]),
  ...map('service-monitor-port-exists', [[L, 'dangling-servicemonitor']]),
  ...map('service-account-exists', [[L, 'non-existent-service-account']]),
  ...map('service-account-dedicated', [[L, 'default-service-account']]),
  ...map(
    'service-account-token-automount',
    [[P, 'automountServiceAccountToken']],
    'The token may be mounted when a RoleBinding grants the ServiceAccount something: the pod then needs it to call the API.',
  ),
  ...map(
    'no-cluster-admin-for-service-accounts',
    [
      [P, 'clusterrolebindingClusterAdmin'],
      [P, 'rolebindingClusterAdminClusterRole'],
      [L, 'cluster-admin-role-binding'],
    ],
    'Only bindings to ServiceAccounts are errors: what people may do is the access model of the environment, reviewed there.',
  ),
  ...map(
    'service-account-least-privilege',
    [
      [P, 'clusterrolePodExecAttach'],
      [P, 'rolePodExecAttach'],
      [P, 'rolebindingClusterRolePodExecAttach'],
      [P, 'rolebindingRolePodExecAttach'],
      [L, 'access-to-secrets'],
      [L, 'wildcard-in-rules'],
    ],
    'Roles are judged by what they grant to a workload’s ServiceAccount, and the finding is on the workload holding the token; a role bound to nobody, or only to people, is not a finding.',
  ),
  ...map('priority-class-set', [
    [P, 'priorityClassNotSet'],
    [L, 'priority-class-name'],
  ]),
  ...map(
    'spread-hosts-zones',
    [
      [P, 'topologySpreadConstraint'],
      [L, 'no-anti-affinity'],
      [S, 'deployment-has-host-podantiaffinity'],
      [S, 'statefulset-has-host-podantiaffinity'],
      [S, 'pod-topology-spread-constraints'],
    ],
    'Only workloads with more than one replica must spread, and across both hosts and zones; either a required or preferred anti-affinity term or a spread constraint counts for each, when its labelSelector selects the workload’s own pods.',
  ),
  ...map(
    'rolling-update-progress',
    [
      [L, 'no-rolling-update-strategy'],
      [S, 'deployment-strategy'],
    ],
    'Recreate is allowed: a workload that must never run two versions at once needs it; the rule checks that a RollingUpdate can progress.',
  ),
  ...map('service-not-node-port', [
    [L, 'exposed-services'],
    [S, 'service-type'],
  ]),
  ...map('statefulset-headless-service', [[S, 'statefulset-has-servicename']]),
  ...map('env-names-unique', [
    [L, 'duplicate-env-var'],
    [S, 'environment-variable-key-duplication'],
  ]),
  ...map('no-secret-in-env', [
    [P, 'sensitiveContainerEnvVar'],
    [L, 'env-var-secret'],
  ]),
  ...map('no-secret-in-config-map', [[P, 'sensitiveConfigmapContent']]),
  ...map('cronjob-policies', [
    [L, 'job-ttl-seconds-after-finished'],
    [S, 'cronjob-has-deadline'],
  ]),
  ...map('api-version-served', [
    [L, 'no-extensions-v1beta'],
    [S, 'stable-version'],
  ]),
  ...map('ingress-tls', [[P, 'tlsSettingsMissing']]),
  ...map('pss-privileged', [
    [P, 'runAsPrivileged'],
    [L, 'privileged-container'],
    [S, 'container-security-context-privileged'],
  ]),
  ...map('pss-run-as-non-root', [
    [P, 'runAsRootAllowed'],
    [L, 'run-as-non-root'],
  ]),
  ...map(
    'pss-run-as-non-root',
    [[S, 'container-security-context-user-group-id']],
    'runAsNonRoot: true is enough here, as for Pod Security restricted; kube-score also wants runAsUser and runAsGroup above 10000.',
  ),
  ...map('pss-privilege-escalation', [
    [P, 'privilegeEscalationAllowed'],
    [L, 'privilege-escalation-container'],
  ]),
  ...map('pss-host-namespaces', [
    [P, 'hostIPCSet'],
    [P, 'hostPIDSet'],
    [P, 'hostNetworkSet'],
    [L, 'host-ipc'],
    [L, 'host-pid'],
    [L, 'host-network'],
  ]),
  ...map(
    'pss-host-path-volumes',
    [
      [P, 'hostPathSet'],
      [L, 'sensitive-host-mounts'],
      [L, 'writable-host-mount'],
    ],
    'Every hostPath is refused, as Pod Security baseline does, not only sensitive or writable ones.',
  ),
  ...map('pss-host-ports', [[P, 'hostPortSet']]),
  ...map('pss-proc-mount', [
    [P, 'procMount'],
    [L, 'unsafe-proc-mount'],
  ]),
  ...map('pss-sysctls', [[L, 'unsafe-sysctls']]),
  ...map('pss-windows-host-process', [[P, 'hostProcess']]),
  ...map('pss-capabilities-baseline', [[P, 'dangerousCapabilities']]),
  ...map(
    'pss-capabilities-restricted',
    [[L, 'drop-net-raw-capability']],
    'Containers must drop ALL, as Pod Security restricted asks, not only NET_RAW.',
  ),
];
