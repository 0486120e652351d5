import { IConstruct } from 'constructs';
import { fail } from './errors';

/**
 * Annotation that records why an object cannot meet the restricted Pod Security profile. Its value is
 * the reason, in words a reviewer can check; it ships in the YAML so the audit trail travels with the
 * object, and a readiness check can treat it as a reasoned suppression of its pod-security rules.
 */
export const POD_SECURITY_EXEMPTION_ANNOTATION = 'cdk8s-production.io/pod-security-exemption';

/** The exemption annotation carrying `reason`, for an object's `metadata.annotations`. */
export function podSecurityExemption(scope: IConstruct | string, reason: string): Record<string, string> {
  if (reason.trim() === '') {
    fail(scope, `a pod security exemption needs a reason; say which host access the pods need and why`);
  }
  return { [POD_SECURITY_EXEMPTION_ANNOTATION]: reason };
}
