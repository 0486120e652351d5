import { IConstruct } from 'constructs';
import { fail, show } from '../core/errors';
import { isDnsSubdomain } from '../core/names';

/** Refuses a hostname that is not a DNS name; a leading `*.` wildcard is allowed where `wildcard` is true. */
export function assertHostname(scope: IConstruct, prop: string, hostname: string, wildcard = true): string {
  const bare = wildcard && hostname.startsWith('*.') ? hostname.slice(2) : hostname;
  if (!isDnsSubdomain(bare) || !bare.includes('.')) {
    fail(
      scope,
      `${prop} ${show(hostname)} is not a valid DNS name; use lower-case labels separated by dots, such as "shop.example.com"` +
        (wildcard ? ' or "*.example.com"' : ''),
    );
  }
  return hostname;
}
