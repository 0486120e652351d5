import { Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { INT32_MAX } from './counts';
import { fail } from './errors';

/**
 * The whole seconds of `duration`, for a Kubernetes field counted in seconds; refuses a fraction of a
 * second and anything below `min`, naming the prop and a value that would do.
 */
export function wholeSeconds(scope: IConstruct | string, prop: string, duration: Duration, min = 0): number {
  const millis = duration.toMilliseconds();
  if (Number.isFinite(millis) && millis / 1000 > INT32_MAX) {
    fail(scope, `${prop} ${duration.toHumanString()} is more than ${INT32_MAX} seconds, the most the field holds`);
  }
  if (!Number.isFinite(millis) || millis % 1000 !== 0 || millis / 1000 < min) {
    fail(
      scope,
      `${prop} ${duration.toHumanString()} must be a whole number of seconds, at least ${min}; ` +
        `use e.g. Duration.seconds(${Math.max(min, Math.ceil(Number.isFinite(millis) ? millis / 1000 : min))})`,
    );
  }
  return millis / 1000;
}

/** `duration` in seconds, fractions kept (PromQL thresholds such as `0.25`). */
export function fractionalSeconds(duration: Duration): number {
  return duration.toMilliseconds() / 1000;
}
