/**
 * What a workload depends on outside this repository (a managed database, a broker run by another
 * team), declared with a reason. Written as a JSON annotation on the workload, so the readiness rules
 * and the environment summary read the same declaration the construct made.
 */
export interface ExternalDependency {
  /** A short name, e.g. `mysql`. */
  readonly name: string;
  /**
   * The host clients use, for people and for matching environment variables.
   * @default - none
   */
  readonly host?: string;
  /** The address block the endpoint lives in, e.g. `10.20.0.0/24`. */
  readonly cidr: string;
  /** The port. */
  readonly port: number;
  /** `TCP` or `UDP`. */
  readonly protocol: string;
  /** Why it lives outside this repository, in a sentence. */
  readonly reason: string;
}

/** The annotation that lists a workload's external dependencies, as a JSON array. */
export const EXTERNAL_DEPENDENCIES_ANNOTATION = 'cdk8s-production.io/external-dependencies';

/** The external dependencies an object declares in {@link EXTERNAL_DEPENDENCIES_ANNOTATION}; none when absent or malformed. */
export function externalDependenciesOf(object: {
  metadata?: { annotations?: Record<string, string> };
}): ExternalDependency[] {
  const raw = object.metadata?.annotations?.[EXTERNAL_DEPENDENCIES_ANNOTATION];
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw);
    return Array.isArray(parsed) ? (parsed as ExternalDependency[]) : [];
  } catch {
    return [];
  }
}
