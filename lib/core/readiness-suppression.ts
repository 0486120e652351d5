/** The annotation that carries an object's reasoned suppressions of readiness rules, as a JSON array. */
export const READINESS_SUPPRESS_ANNOTATION = 'cdk8s-production.io/suppress';

/**
 * The annotations with which a construct states that its object breaks `rule` by design, and why; the
 * readiness check lists the finding as suppressed with this reason, so the audit trail ships with the YAML.
 */
export function readinessSuppression(rule: string, reason: string): Record<string, string> {
  return { [READINESS_SUPPRESS_ANNOTATION]: JSON.stringify([{ rule, reason }]) };
}
