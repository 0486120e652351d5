import { IConstruct } from 'constructs';
import { fail, show } from './errors';

/** Refuses a port outside 1..65535. */
export function assertPort(scope: IConstruct | string, prop: string, port: number): number {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    fail(scope, `${prop} ${show(port)} is not a port; use an integer between 1 and 65535`);
  }
  return port;
}
