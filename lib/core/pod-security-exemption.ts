import { IConstruct } from 'constructs';
import { fail } from './errors';
import { POD_SECURITY_EXEMPTION_ANNOTATION } from './pod-security';

/** The exemption annotation carrying `reason`, for an object's `metadata.annotations`. */
export function podSecurityExemption(scope: IConstruct | string, reason: string): Record<string, string> {
  if (reason.trim() === '') {
    fail(scope, `a pod security exemption needs a reason; say which host access the pods need and why`);
  }
  return { [POD_SECURITY_EXEMPTION_ANNOTATION]: reason };
}
