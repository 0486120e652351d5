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

/** The annotations that exempt an object from `checks` in each tool, with `reason` where the tool keeps one. */
export function peerExemptionAnnotations(reason: string, ...checks: PeerChecks[]): Record<string, string> {
  const annotations: Record<string, string> = {};
  const polaris = [...new Set(checks.flatMap((c) => c.polaris))].sort();
  const kubeLinter = [...new Set(checks.flatMap((c) => c.kubeLinter))].sort();
  const kubeScore = [...new Set(checks.flatMap((c) => c.kubeScore))].sort();
  for (const id of polaris) annotations[`polaris.fairwinds.com/${id}-exempt`] = 'true';
  for (const name of kubeLinter) annotations[`ignore-check.kube-linter.io/${name}`] = reason;
  if (kubeScore.length > 0) annotations['kube-score/ignore'] = kubeScore.join(',');
  return annotations;
}
