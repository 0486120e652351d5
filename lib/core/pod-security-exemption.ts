import { IConstruct } from 'constructs';
import { fail } from './errors';
import { PeerChecks, peerExemptionAnnotations } from './peer-exemptions';
import { POD_SECURITY_EXEMPTION_ANNOTATION } from './pod-security';

/**
 * The exemption annotation carrying `reason`, for an object's `metadata.annotations`, plus the
 * exemption annotations of the peer checkers for `peerChecks` with the same reason, so a team running
 * Polaris, kube-linter or kube-score sees no unexplained finding.
 */
export function podSecurityExemption(
  scope: IConstruct | string,
  reason: string,
  ...peerChecks: PeerChecks[]
): Record<string, string> {
  if (reason.trim() === '') {
    fail(scope, `a pod security exemption needs a reason; say which host access the pods need and why`);
  }
  return { [POD_SECURITY_EXEMPTION_ANNOTATION]: reason, ...peerExemptionAnnotations(reason, ...peerChecks) };
}
