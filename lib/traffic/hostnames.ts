import { IConstruct } from 'constructs';
import { fail, show } from '../core/errors';
import { isDnsSubdomain } from '../core/names';

/**
 * Refuses a hostname that is not a DNS name of at most 253 characters (a leading `*.` wildcard counted)
 * with at least two labels; a wildcard is allowed where `wildcard` is true, an IP address never (Gateway
 * API and Ingress both refuse them).
 */
export function assertHostname(scope: IConstruct, prop: string, hostname: string, wildcard = true): string {
  const bare = wildcard && hostname.startsWith('*.') ? hostname.slice(2) : hostname;
  if (/^[0-9.]+$/.test(bare) || bare.includes(':')) {
    fail(
      scope,
      `${prop} ${show(hostname)} is an IP address; a hostname here is a DNS name, such as "shop.example.com"`,
    );
  }
  if (hostname.length > 253) {
    fail(scope, `${prop} ${show(hostname)} has ${hostname.length} characters; a hostname has at most 253`);
  }
  if (!isDnsSubdomain(bare) || !bare.includes('.')) {
    fail(
      scope,
      `${prop} ${show(hostname)} is not a valid DNS name; use lower-case labels separated by dots, such as "shop.example.com"` +
        (wildcard ? ' or "*.example.com"' : ''),
    );
  }
  return hostname;
}
