import { IConstruct } from 'constructs';
import { fail, show } from '../core/errors';
import { isDnsSubdomain } from '../core/names';

/**
 * Refuses a hostname that is not a DNS name of at most 253 characters (a leading `*.` wildcard counted);
 * a wildcard is allowed where `wildcard` is true, a single label (`localhost`) where `singleLabel` is, and
 * an IP address never (Gateway API and Ingress both refuse them).
 */
export function assertHostname(
  scope: IConstruct,
  prop: string,
  hostname: string,
  wildcard = true,
  singleLabel = false,
): string {
  const bare = wildcard && hostname.startsWith('*.') ? hostname.slice(2) : hostname;
  const ip = /^[0-9.]+$/.test(bare) || bare.includes(':');
  if (!isDnsSubdomain(bare) || hostname.length > 253 || ip || (!singleLabel && !bare.includes('.'))) {
    fail(
      scope,
      `${prop} ${show(hostname)} is not a valid DNS name; use lower-case labels separated by dots, such as "shop.example.com"` +
        (wildcard ? ' or "*.example.com"' : ''),
    );
  }
  return hostname;
}
