/** A Pod Security Standards level. */
export enum PodSecurityLevel {
  /** No restrictions; only for system namespaces that need host access. */
  PRIVILEGED = 'privileged',
  /** Blocks known privilege escalations. */
  BASELINE = 'baseline',
  /** Current pod hardening best practice; the default for every namespace of this library. */
  RESTRICTED = 'restricted',
}

/**
 * Annotation that records why an object cannot meet the restricted Pod Security profile. Its value is
 * the reason, in words a reviewer can check; it ships in the YAML so the audit trail travels with the
 * object, and the readiness check treats it as a reasoned suppression of its pod-security rules.
 */
export const POD_SECURITY_EXEMPTION_ANNOTATION = 'cdk8s-production.io/pod-security-exemption';

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

/**
 * The modes of a namespace whose pods hold a reasoned Pod Security exemption (host paths, host
 * network, root): `privileged` is enforced so the exempted pods are admitted, while audit and warn stay
 * `restricted` (the pattern of the Kubernetes documentation for a namespace enforcing a looser level),
 * so each exempted violation, and any new one, stays visible in the audit log and to whoever applies a
 * change, instead of falling silent.
 */
export const EXEMPTED_NAMESPACE_MODES: PodSecurityModes = {
  enforce: PodSecurityLevel.PRIVILEGED,
  audit: PodSecurityLevel.RESTRICTED,
  warn: PodSecurityLevel.RESTRICTED,
};
