import { k8s } from 'cdk8s-plus-28';

/** A copy of `record` with its keys in code-point order, so output never depends on insertion order. */
export function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A count or a percentage such as `'25%'`, in its Kubernetes form. */
export function intOrPercent(value: number | string): k8s.IntOrString {
  return typeof value === 'number' ? k8s.IntOrString.fromNumber(value) : k8s.IntOrString.fromString(value);
}

/** Plain environment variables in their Kubernetes form, sorted by name; undefined when there are none. */
export function envVars(env: Record<string, string> | undefined): k8s.EnvVar[] | undefined {
  return env ? Object.entries(sortedRecord(env)).map(([name, value]) => ({ name, value })) : undefined;
}
