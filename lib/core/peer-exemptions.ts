/**
 * The checks of the tools teams already run in CI (Polaris, kube-linter, kube-score) that a reasoned
 * exemption of this library answers, by each tool's own check id (Polaris `checks/*.yaml`, kube-linter
 * `docs/generated/checks.md`, kube-score's test names).
 */
export interface PeerChecks {
  /** Polaris check ids, exempted with `polaris.fairwinds.com/<id>-exempt: "true"`. */
  readonly polaris: readonly string[];
  /** kube-linter check names, exempted with `ignore-check.kube-linter.io/<name>: <reason>`. */
  readonly kubeLinter: readonly string[];
  /** kube-score test ids, exempted with `kube-score/ignore: <id>,<id>`. */
  readonly kubeScore: readonly string[];
}

/** Pods mount a host path (Polaris warns on any). */
export const HOST_PATH_CHECKS: PeerChecks = { polaris: ['hostPathSet'], kubeLinter: [], kubeScore: [] };

/** A host path is mounted read-write. */
export const WRITABLE_HOST_MOUNT_CHECKS: PeerChecks = {
  polaris: [],
  kubeLinter: ['writable-host-mount'],
  kubeScore: [],
};

/** The ServiceAccount token is mounted (the pod calls the API server). */
export const MOUNTED_TOKEN_CHECKS: PeerChecks = {
  polaris: ['automountServiceAccountToken'],
  kubeLinter: [],
  kubeScore: [],
};

/** No NetworkPolicy names the pods' labels with both ingress and egress rules (Polaris' reading). */
export const NETWORK_POLICY_CHECKS: PeerChecks = { polaris: ['missingNetworkPolicy'], kubeLinter: [], kubeScore: [] };

/** The pod template sets no topology spread constraint. */
export const TOPOLOGY_SPREAD_CHECKS: PeerChecks = {
  polaris: ['topologySpreadConstraint'],
  kubeLinter: [],
  kubeScore: [],
};

/** Images are pulled `IfNotPresent`, not `Always`. */
export const PULL_POLICY_CHECKS: PeerChecks = {
  polaris: ['pullPolicyNotAlways'],
  kubeLinter: [],
  kubeScore: ['container-image-pull-policy'],
};

/** A Deployment leaves `spec.replicas` to its HorizontalPodAutoscaler. */
export const REPLICAS_FROM_AUTOSCALER_CHECKS: PeerChecks = {
  polaris: ['deploymentMissingReplicas'],
  kubeLinter: [],
  kubeScore: [],
};

/** A Role grants `pods/exec` or `pods/attach` (to people, by design of the access model). */
export const POD_EXEC_ROLE_CHECKS: PeerChecks = { polaris: ['rolePodExecAttach'], kubeLinter: [], kubeScore: [] };

/** A RoleBinding binds a Role granting `pods/exec` or `pods/attach`. */
export const POD_EXEC_BINDING_CHECKS: PeerChecks = {
  polaris: ['rolebindingRolePodExecAttach'],
  kubeLinter: [],
  kubeScore: [],
};

/**
 * A RoleBinding binds a built-in ClusterRole (`view`, `edit`, `admin`). Polaris judges such a binding
 * by the ClusterRole's rules and fails it when that ClusterRole is not among the manifests it audits,
 * which a built-in one never is.
 */
export const BUILT_IN_CLUSTER_ROLE_BINDING_CHECKS: PeerChecks = {
  polaris: ['rolebindingClusterAdminClusterRole', 'rolebindingClusterRolePodExecAttach'],
  kubeLinter: [],
  kubeScore: [],
};

/**
 * Why an object carries the exemptions of the peer checkers: Polaris and kube-score keep no reason of
 * their own, so this annotation says it next to theirs, as `<check>, <check>: <reason>` entries.
 */
export const PEER_EXEMPTION_REASON_ANNOTATION = 'cdk8s-production.io/peer-exemption-reason';

/** The pods share the node's network namespace. */
export const HOST_NETWORK_CHECKS: PeerChecks = {
  polaris: ['hostNetworkSet'],
  kubeLinter: ['host-network'],
  kubeScore: [],
};

/** A container runs as root. */
export const RUN_AS_ROOT_CHECKS: PeerChecks = {
  polaris: ['runAsRootAllowed'],
  kubeLinter: ['run-as-non-root'],
  kubeScore: ['container-security-context-user-group-id'],
};

/** A host directory kube-linter calls sensitive (`/`, `/boot`, `/dev`, `/etc`, `/lib`, `/proc`, `/sys`, `/usr`) is mounted. */
export const SENSITIVE_HOST_MOUNT_CHECKS: PeerChecks = {
  polaris: [],
  kubeLinter: ['sensitive-host-mounts'],
  kubeScore: [],
};

/** The directories kube-linter's `sensitive-host-mounts` check matches exactly. */
export const KUBE_LINTER_SENSITIVE_DIRS: readonly string[] = [
  '/',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/proc',
  '/sys',
  '/usr',
];

/**
 * The annotations that exempt an object from `checks` in each tool, with `reason` where the tool keeps
 * one (kube-linter) and in {@link PEER_EXEMPTION_REASON_ANNOTATION} for the Polaris and kube-score ids.
 */
export function peerExemptionAnnotations(reason: string, ...checks: PeerChecks[]): Record<string, string> {
  const annotations: Record<string, string> = {};
  const polaris = [...new Set(checks.flatMap((c) => c.polaris))].sort();
  const kubeLinter = [...new Set(checks.flatMap((c) => c.kubeLinter))].sort();
  const kubeScore = [...new Set(checks.flatMap((c) => c.kubeScore))].sort();
  for (const id of polaris) annotations[`polaris.fairwinds.com/${id}-exempt`] = 'true';
  for (const name of kubeLinter) annotations[`ignore-check.kube-linter.io/${name}`] = reason;
  if (kubeScore.length > 0) annotations['kube-score/ignore'] = kubeScore.join(',');
  if (polaris.length + kubeScore.length > 0) {
    annotations[PEER_EXEMPTION_REASON_ANNOTATION] = `${[...polaris, ...kubeScore].join(', ')}: ${reason}`;
  }
  return annotations;
}

/**
 * `existing` annotations with `added` merged in: the kube-score ignore lists and the reasons are joined,
 * everything else is set.
 */
export function mergePeerExemptions(
  existing: Readonly<Record<string, string>>,
  added: Readonly<Record<string, string>>,
): Record<string, string> {
  const merged: Record<string, string> = { ...existing, ...added };
  const join = (key: string, separator: string) => {
    if (existing[key] && added[key]) merged[key] = `${existing[key]}${separator}${added[key]}`;
  };
  join('kube-score/ignore', ',');
  join(PEER_EXEMPTION_REASON_ANNOTATION, '; ');
  return merged;
}
