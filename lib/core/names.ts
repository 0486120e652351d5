import { IConstruct } from 'constructs';
import { fail, show } from './errors';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** True when `value` is an RFC 1123 DNS label (object names of most namespaced kinds). */
export function isDnsLabel(value: string): boolean {
  return value.length <= 63 && DNS_LABEL.test(value);
}

/** True when `value` is an RFC 1123 DNS subdomain (hostnames, cluster-scoped names). */
export function isDnsSubdomain(value: string): boolean {
  return value.length <= 253 && DNS_SUBDOMAIN.test(value);
}

/** True when `value` may be used as a Kubernetes label value. */
export function isLabelValue(value: string): boolean {
  return value.length <= 63 && LABEL_VALUE.test(value);
}

/** Refuses a name that is not a DNS-1123 label, naming the prop and the fix. */
export function assertDnsLabel(scope: IConstruct | string, prop: string, value: string): string {
  if (!isDnsLabel(value)) {
    fail(
      scope,
      `${prop} ${show(value)} is not a DNS-1123 label; use at most 63 lower-case letters, digits and '-', ` +
        `starting and ending with a letter or digit, such as "order-api"`,
    );
  }
  return value;
}

/** Refuses a value that cannot be a label value. */
export function assertLabelValue(scope: IConstruct | string, prop: string, value: string): string {
  if (!isLabelValue(value)) {
    fail(
      scope,
      `${prop} ${show(value)} is not a valid label value; use at most 63 letters, digits, '-', '_' or '.', ` +
        `starting and ending with a letter or digit`,
    );
  }
  return value;
}

/** Refuses a name that is not a DNS-1123 subdomain (names of cluster-scoped objects such as PriorityClass). */
export function assertDnsSubdomainName(scope: IConstruct | string, prop: string, value: string): string {
  if (!isDnsSubdomain(value)) {
    fail(
      scope,
      `${prop} ${show(value)} is not a DNS-1123 subdomain; use lower-case letters, digits, '-' and '.', ` +
        `starting and ending with a letter or digit, such as "online-critical"`,
    );
  }
  return value;
}

// The API server's rules (k8s.io/apimachinery/pkg/util/validation): env var names as Kubernetes 1.28
// to 1.31 check them (the relaxed rule of later versions is not assumed), ConfigMap and Secret keys,
// qualified label keys.
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** Refuses an environment variable name the API server rejects. */
export function assertEnvVarName(scope: IConstruct | string, prop: string, name: string): string {
  if (!ENV_VAR_NAME.test(name)) {
    fail(
      scope,
      `${prop} has the variable name ${show(name)}, which Kubernetes refuses; use letters, digits, '_', '-' and '.', ` +
        `not starting with a digit, such as "LOG_LEVEL"`,
    );
  }
  return name;
}

/** Refuses a ConfigMap or Secret key the API server rejects (it also names the file a volume shows). */
export function assertConfigKey(scope: IConstruct | string, prop: string, key: string): string {
  if (key.length > 253 || !CONFIG_KEY.test(key) || key === '.' || key === '..' || key.startsWith('..')) {
    fail(
      scope,
      `${prop} has the key ${show(key)}, which Kubernetes refuses; use at most 253 letters, digits, '-', '_' and '.', ` +
        `not "." or "..", such as "application.yaml"`,
    );
  }
  return key;
}

/** Refuses a label key that is not `[prefix/]name` with a DNS subdomain prefix and a 63-character name. */
export function assertLabelKey(scope: IConstruct | string, prop: string, key: string): string {
  const slash = key.indexOf('/');
  const [prefix, name] = slash >= 0 ? [key.slice(0, slash), key.slice(slash + 1)] : [undefined, key];
  if ((prefix !== undefined && !isDnsSubdomain(prefix)) || name.length > 63 || !QUALIFIED_NAME.test(name)) {
    fail(
      scope,
      `${prop} has the label key ${show(key)}, which Kubernetes refuses; use an optional DNS subdomain prefix and '/', ` +
        `then at most 63 letters, digits, '-', '_' or '.', such as "app.kubernetes.io/name"`,
    );
  }
  return key;
}

/** Checks every key and value of a label map (selectors, namespace labels). */
export function assertLabels(
  scope: IConstruct | string,
  prop: string,
  labels: Record<string, string>,
): Record<string, string> {
  for (const [key, value] of Object.entries(labels)) {
    assertLabelKey(scope, prop, key);
    assertLabelValue(scope, `${prop}[${show(key)}]`, value);
  }
  return labels;
}

/**
 * Refuses a custom metric name the API server cannot put in a path (IsValidPathSegmentName: not `.` or
 * `..`, no `/` and no `%`), such as the Pods metric of an HPA.
 */
export function assertMetricName(scope: IConstruct | string, prop: string, name: string): string {
  if (name === '' || name === '.' || name === '..' || /[/%]/.test(name)) {
    fail(
      scope,
      `${prop} names metric ${show(name)}, which cannot be part of an API path (no '/', '%', '.' or '..'); ` +
        `use the series name as Prometheus exports it, e.g. "http_requests_inflight"`,
    );
  }
  return name;
}

/** The most data a ConfigMap or Secret holds (the API server's limit, 1 MiB). */
export const MAX_DATA_BYTES = 2 ** 20;

/** Refuses data whose values together exceed 1 MiB, which the API server rejects (it counts the values). */
export function assertDataSize(scope: IConstruct | string, prop: string, data: Record<string, string>): void {
  const bytes = Object.values(data).reduce((n, v) => n + Buffer.byteLength(v), 0);
  if (bytes > MAX_DATA_BYTES) {
    fail(
      scope,
      `${prop} holds ${bytes} bytes, more than the 1 MiB (${MAX_DATA_BYTES} bytes) a ConfigMap or Secret may; ` +
        `mount large files from a volume or an image instead`,
    );
  }
}

/** The longest CronJob name Kubernetes accepts: its Jobs append up to 11 characters within 63. */
export const MAX_CRONJOB_NAME = 52;
