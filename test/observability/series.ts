/**
 * Input series for `promtool test rules`, in its expanding notation, built from segments so that a
 * scenario reads as "healthy for 10 minutes, then broken for 30". A segment covers the minutes after
 * the previous one (the first also covers minute 0): a change written after `[x, 10]` is first seen
 * at minute 11.
 */

/** A gauge holding each value for the given minutes: `gauge([1, 10], [0, 30])`. */
export function gauge(...segments: [value: number, minutes: number][]): string {
  return segments.map(([value, minutes], i) => `${value}x${i === 0 ? minutes : minutes - 1}`).join(' ');
}

/** A counter growing by `perMinute` during each segment: `counter([100, 10], [0, 30])`. */
export function counter(...segments: [perMinute: number, minutes: number][]): string {
  let value = 0;
  return segments
    .map(([perMinute, minutes], i) => {
      const first = i === 0 ? 0 : value + perMinute;
      value += perMinute * minutes;
      return `${tidy(first)}+${tidy(perMinute)}x${i === 0 ? minutes : minutes - 1}`;
    })
    .join(' ');
}

/** How fast requests are answered during a segment of a latency scenario. */
export enum Speed {
  /** Every observation below 0.1s: p99 0.099s. */
  FAST = 'fast',
  /** Every observation between 0.1s and 1s: p99 0.955s once the whole window is slow. */
  SLOW = 'slow',
}

/**
 * The buckets of a latency histogram `metric` (with `labels`) observing 100 events a minute at the
 * given speeds: `histogram('x_bucket', '{job="a"}', [Speed.FAST, 10], [Speed.SLOW, 30])`.
 */
export function histogram(metric: string, labels: Record<string, string>, ...segments: [Speed, number][]): Series {
  const at = (le: string) =>
    `${metric}{${Object.entries({ ...labels, le })
      .map(([k, v]) => `${k}="${v}"`)
      .join(',')}}`;
  return {
    [at('0.1')]: counter(...segments.map(([speed, m]): [number, number] => [speed === Speed.FAST ? 100 : 0, m])),
    [at('1')]: counter(...segments.map(([, m]): [number, number] => [100, m])),
    [at('+Inf')]: counter(...segments.map(([, m]): [number, number] => [100, m])),
  };
}

/** Input series by selector. */
export type Series = Record<string, string>;

function tidy(value: number): string {
  return String(Number(value.toPrecision(12)));
}
