/** A Pod Security Standards level. */
export enum PodSecurityLevel {
  /** No restrictions; only for system namespaces that need host access. */
  PRIVILEGED = 'privileged',
  /** Blocks known privilege escalations. */
  BASELINE = 'baseline',
  /** Current pod hardening best practice; the default for every namespace of this library. */
  RESTRICTED = 'restricted',
}

/** Pod Security Admission namespace labels for each mode (enforce, audit, warn). */
export interface PodSecurityModes {
  /**
   * Level enforced at admission.
   * @default PodSecurityLevel.RESTRICTED
   */
  readonly enforce?: PodSecurityLevel;
  /**
   * Level recorded in the audit log.
   * @default PodSecurityLevel.RESTRICTED
   */
  readonly audit?: PodSecurityLevel;
  /**
   * Level shown as a warning to clients.
   * @default PodSecurityLevel.RESTRICTED
   */
  readonly warn?: PodSecurityLevel;
  /**
   * Policy version the levels are pinned to.
   * @default 'v1.28'
   */
  readonly version?: string;
}

/** The `pod-security.kubernetes.io/*` labels of a namespace. */
export function podSecurityLabels(modes: PodSecurityModes = {}): Record<string, string> {
  const version = modes.version ?? 'v1.28';
  const labels: Record<string, string> = {};
  for (const mode of ['audit', 'enforce', 'warn'] as const) {
    labels[`pod-security.kubernetes.io/${mode}`] = modes[mode] ?? PodSecurityLevel.RESTRICTED;
    labels[`pod-security.kubernetes.io/${mode}-version`] = version;
  }
  return labels;
}
