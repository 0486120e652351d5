import { IConstruct } from 'constructs';
import { fail, show } from './errors';

/** The largest value of an int32 field, which most counts of the Kubernetes API are. */
export const INT32_MAX = 2 ** 31 - 1;

/** Refuses a count that is not a whole number from `min` to 2^31-1 (an int32 field of the API). */
export function assertCount(
  scope: IConstruct | string,
  prop: string,
  value: number,
  min: number,
  example: string,
): number {
  if (!Number.isInteger(value) || value < min || value > INT32_MAX) {
    fail(scope, `${prop} ${show(value)} must be a whole number from ${min} to ${INT32_MAX}; use e.g. ${example}`);
  }
  return value;
}

/**
 * Refuses what an IntOrString count of pods cannot hold: a whole number from 0 to 2^31-1, or a whole
 * percentage (a bare `'25'` is neither, and Kubernetes refuses it), at most `100%` where `upTo100`
 * (unavailability; a surge may exceed it).
 */
export function assertIntOrPercent(
  scope: IConstruct | string,
  prop: string,
  value: number | string,
  example: string,
  upTo100 = true,
) {
  const percent = typeof value === 'string' ? /^([0-9]+)%$/.exec(value) : null;
  const valid =
    typeof value === 'number'
      ? Number.isInteger(value) && value >= 0 && value <= INT32_MAX
      : percent !== null && (!upTo100 || Number(percent[1]) <= 100);
  if (!valid) {
    fail(
      scope,
      `${prop} ${show(value)} must be a whole number of pods (0 or more) or a whole percentage` +
        `${upTo100 ? ' up to "100%"' : ''}; use e.g. ${example}`,
    );
  }
  return value;
}

/** Whether an IntOrString count of pods means none (`0`, `'0%'`, `'00%'`). */
export function isNoPods(value: number | string): boolean {
  return typeof value === 'number' ? value === 0 : /^0+%$/.test(value);
}
