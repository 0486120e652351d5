import { IConstruct } from 'constructs';

/**
 * A configuration mistake found while building constructs.
 *
 * The message always starts with the construct path in brackets, then names the
 * prop, the offending value, the rule it breaks and how to fix it.
 */
export class ConfigurationError extends Error {
  /** Path of the construct that received the bad input, e.g. `production/order-api`. */
  public readonly constructPath: string;

  /**
   * @param scope the construct that received the bad input, or a path for inputs that are plain data
   *   (such as `environments/production`)
   * @param message the prop, the value, the rule and the fix
   */
  public constructor(scope: IConstruct | string, message: string) {
    const where = typeof scope === 'string' ? scope : scope.node.path;
    super(`[${where}] ${message}`);
    this.name = 'ConfigurationError';
    this.constructPath = where;
  }
}

/** Throws a {@link ConfigurationError} for `scope` (a construct, or the path of plain input data). */
export function fail(scope: IConstruct | string, message: string): never {
  throw new ConfigurationError(scope, message);
}

/** Renders a prop value for an error message: strings quoted, others as JSON. */
export function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/** Whether a reason reads as a sentence: at least four words. */
export function isSentence(text: string | undefined): boolean {
  return (text ?? '').trim().split(/\s+/).filter(Boolean).length >= 4;
}
