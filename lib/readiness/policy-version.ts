/** The newest Pod Security Standards policy version whose rules this checker knows. */
export const LATEST_PSS_MINOR = 37;

/** The oldest policy version this checker implements (Windows pods are exempt from some restricted controls from here on). */
export const OLDEST_PSS_MINOR = 25;

/** A Pod Security Standards policy version, e.g. `v1.28`, or `latest`. */
export type PolicyVersionName = `v1.${number}` | 'latest';

/** A parsed policy version: rules compare `minor` against the release that changed them. */
export interface PolicyVersion {
  /** As given, e.g. `v1.28` or `latest`. */
  readonly name: PolicyVersionName;
  /** The Kubernetes minor version the rules apply as; `latest` and newer versions read as the newest known. */
  readonly minor: number;
}

/** How {@link parsePolicyVersion} treats a version newer than the checker knows. */
export interface PolicyVersionOptions {
  /**
   * Refuse it (a command-line typo such as v1.99) instead of applying the newest rules.
   * @default false
   */
  readonly refuseNewer?: boolean;
}

/**
 * Parses `v1.N` or `latest`, as in the `pod-security.kubernetes.io/enforce-version` label.
 * Versions newer than the checker knows apply the newest rules, as Pod Security Admission does,
 * unless `refuseNewer` is set.
 */
export function parsePolicyVersion(value: string, options: PolicyVersionOptions = {}): PolicyVersion {
  if (value === 'latest') return { name: 'latest', minor: LATEST_PSS_MINOR };
  const match = /^v1\.(\d+)$/.exec(value);
  if (!match) {
    throw new Error(`Pod Security policy version "${value}" is not valid; use v1.N (e.g. v1.28) or latest`);
  }
  const minor = Number(match[1]);
  if (minor < OLDEST_PSS_MINOR) {
    throw new Error(
      `Pod Security policy version "${value}" is older than v1.${OLDEST_PSS_MINOR}, the oldest this checker implements; use v1.${OLDEST_PSS_MINOR} or newer`,
    );
  }
  if (minor > LATEST_PSS_MINOR && options.refuseNewer) {
    throw new Error(
      `Pod Security policy version "${value}" is newer than v1.${LATEST_PSS_MINOR}, the newest this checker knows; use v1.${OLDEST_PSS_MINOR} to v1.${LATEST_PSS_MINOR} or latest`,
    );
  }
  return { name: value as PolicyVersionName, minor: Math.min(minor, LATEST_PSS_MINOR) };
}
