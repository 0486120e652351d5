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
