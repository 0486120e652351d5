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

  public constructor(scope: IConstruct, message: string) {
    super(`[${scope.node.path}] ${message}`);
    this.name = 'ConfigurationError';
    this.constructPath = scope.node.path;
  }
}

/** Throws a {@link ConfigurationError} for `scope`. */
export function fail(scope: IConstruct, message: string): never {
  throw new ConfigurationError(scope, message);
}

/** Renders a prop value for an error message: strings quoted, others as JSON. */
export function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}
