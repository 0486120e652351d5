import { k8s } from 'cdk8s-plus-28';

/** A copy of `record` with its keys in code-point order, so output never depends on insertion order. */
export function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Plain environment variables in their Kubernetes form, sorted by name; undefined when there are none. */
export function envVars(env: Record<string, string> | undefined): k8s.EnvVar[] | undefined {
  return env ? Object.entries(sortedRecord(env)).map(([name, value]) => ({ name, value })) : undefined;
}
