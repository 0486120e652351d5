/** Small builders for the PromQL shapes the alert catalogue repeats. */

/** Label matchers such as `{ namespace: 'production', status: '=~"5.."' }`: plain values match exactly. */
export type Matchers = Record<string, string>;

/** `metric{a="1",b=~"x"}`: a value starting with an operator (`=~`, `!=`, `!~`) is used as written. */
export function selector(metric: string, matchers: Matchers = {}): string {
  const parts = Object.entries(matchers).map(([label, value]) =>
    /^(=~|!=|!~)/.test(value) ? `${label}${value}` : `${label}="${value}"`,
  );
  return parts.length > 0 ? `${metric}{${parts.join(',')}}` : metric;
}

/**
 * The characters Kubernetes draws generated name parts from: a pod-template hash and a pod's random
 * suffix (apimachinery's `rand` alphabet, without vowels and without 0, 1 and 3).
 */
const GENERATED = '[bcdfghjklmnpqrstvwxz2456789]';

/** A matcher for the `service` label of these tracks: the name itself for one, a regex for several. */
export function servicesOf(tracks: readonly string[]): string {
  return tracks.length === 1 ? tracks[0] : `=~"${tracks.join('|')}"`;
}

/**
 * A regex matcher for the ReplicaSets of these Deployments: `<deployment>-<pod-template hash>`, the hash
 * being a 32-bit number's decimal digits (1 to 10) encoded in the generated alphabet.
 */
export function replicaSetsOf(deployments: readonly string[]): string {
  return `=~"(${deployments.join('|')})-${GENERATED}{1,10}"`;
}

/**
 * A regex matcher for the pods of these Deployments: `<ReplicaSet>-<5 random characters>`. A Job's pod
 * (`order-api-migrate-x7k2p`) or another workload sharing the name's prefix does not match, since its
 * name parts hold characters the generated alphabet lacks or have the wrong shape.
 */
export function podsOf(deployments: readonly string[]): string {
  return `=~"(${deployments.join('|')})-${GENERATED}{1,10}-${GENERATED}{5}"`;
}

/** `sum by (labels) (rate(series[window]))`. */
export function sumRate(series: string, window: string, by: readonly string[]): string {
  return `sum by (${by.join(', ')}) (rate(${series}[${window}]))`;
}

/** The share of `total` that `part` represents over `window`, keeping the `by` labels. */
export function ratioOfRates(part: string, total: string, window: string, by: readonly string[]): string {
  return `${sumRate(part, window, by)}\n/\n${sumRate(total, window, by)}`;
}

/**
 * The share of `total` that `part` represents over `window`, and 0 (not nothing) while `part` has no
 * series: a service without a single error has an error ratio of 0, which graphs and SLOs need.
 */
export function ratioOfRatesOrZero(part: string, total: string, window: string, by: readonly string[]): string {
  const all = sumRate(total, window, by);
  return `(${sumRate(part, window, by)} or 0 * ${all})\n/\n${all}`;
}

/** The `quantile` of a histogram's buckets over `window`, keeping the `by` labels. */
export function histogramQuantile(quantile: number, buckets: string, window: string, by: readonly string[]): string {
  return `histogram_quantile(${quantile}, ${sumRate(buckets, window, [...by, 'le'])})`;
}

/** Renders a fraction as a percentage for alert texts: 0.0005 -> "0.05%". */
export function percent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(6))}%`;
}

/** Removes floating-point noise from a computed threshold: 1 - 0.9995 -> 0.0005. */
export function round(value: number): number {
  return Number(value.toPrecision(10));
}
