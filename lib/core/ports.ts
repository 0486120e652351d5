import { IConstruct } from 'constructs';
import { fail, show } from './errors';

/** Refuses a port outside 1..65535. */
export function assertPort(scope: IConstruct | string, prop: string, port: number): number {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    fail(scope, `${prop} ${show(port)} is not a port; use an integer between 1 and 65535`);
  }
  return port;
}

/**
 * Refuses a port name Kubernetes rejects (IsValidPortName: at most 15 lower-case letters, digits and
 * '-', at least one letter, no '-' at either end and no '--'), such as "status-endpoint-http".
 */
export function assertPortName(scope: IConstruct | string, prop: string, name: string): string {
  const valid =
    name.length >= 1 &&
    name.length <= 15 &&
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) &&
    /[a-z]/.test(name) &&
    !name.includes('--');
  if (!valid) {
    fail(
      scope,
      `${prop} ${show(name)} is not a port name; use at most 15 lower-case letters, digits and single '-', ` +
        `with at least one letter, such as "http" or "metrics"`,
    );
  }
  return name;
}
