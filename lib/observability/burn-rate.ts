import { AlertRule, RecordingRule, Severity } from './alert';
import { PanelUnit } from './dashboards/panel';
import { Matchers, percent, ratioOfRatesOrZero, round, selector } from './promql';

/** One condition of a multi-window alert: the error ratio exceeds `factor` x budget over both windows. */
export interface BurnRateWindow {
  /** Burn rate: how many times faster than the SLO allows the error budget is spent. */
  readonly factor: number;
  /** The window that measures how much budget has been spent. */
  readonly long: string;
  /** The window that proves it is still burning, so the alert resolves soon after the burn stops. */
  readonly short: string;
}

/** A burn-rate alert: any of its windows' conditions fires it. */
export interface BurnRatePolicy {
  /** Alert name. */
  readonly alert: string;
  /** Page (fast burn) or ticket (slow burn). */
  readonly severity: Severity;
  /** Hold time, short because the windows already smooth the signal. */
  readonly for: string;
  /** The conditions, any of which fires the alert. */
  readonly windows: readonly BurnRateWindow[];
}

/**
 * Fast burn, page: 2% of a 30-day budget gone in 1 hour (14.4x), or 5% in 6 hours (6x).
 * The multi-window, multi-burn-rate alerts of the Google SRE workbook, chapter "Alerting on SLOs".
 */
export const FAST_BURN: BurnRatePolicy = {
  alert: 'ErrorBudgetBurnFast',
  severity: Severity.CRITICAL,
  for: '2m',
  windows: [
    { factor: 14.4, long: '1h', short: '5m' },
    { factor: 6, long: '6h', short: '30m' },
  ],
};

/** Slow burn, ticket: 10% of a 30-day budget gone in 1 day (3x), or in 3 days (1x). */
export const SLOW_BURN: BurnRatePolicy = {
  alert: 'ErrorBudgetBurnSlow',
  severity: Severity.WARNING,
  for: '15m',
  windows: [
    { factor: 3, long: '1d', short: '2h' },
    { factor: 1, long: '3d', short: '6h' },
  ],
};

/** Every window a recording rule is needed for, shortest first. */
export const ERROR_RATIO_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;

/** What the error ratio of one service is computed from. */
export interface ErrorRatioSource {
  /** Counter of all requests. */
  readonly requests: string;
  /** Matchers that pick the failed requests among them, e.g. `{ status: '=~"5.."' }`. */
  readonly errorMatchers: Matchers;
  /** Matchers that scope the series to one service, e.g. `{ namespace: 'production', service: 'order-api' }`. */
  readonly scope: Matchers;
}

/** Name of the recorded error ratio over `window`. */
export function errorRatioRecord(window: string): string {
  return `namespace_service:http_requests:error_ratio_rate${window}`;
}

/** Recording rules for the service's error ratio over each of `windows`. */
export function errorRatioRecords(source: ErrorRatioSource, windows: readonly string[]): RecordingRule[] {
  const all = selector(source.requests, source.scope);
  const errors = selector(source.requests, { ...source.scope, ...source.errorMatchers });
  return windows.map((w) => ({
    record: errorRatioRecord(w),
    expr: ratioOfRatesOrZero(errors, all, w, ['namespace', 'service']),
  }));
}

/**
 * The burn-rate alert of `policy` for an availability objective in percent (e.g. 99.95), reading
 * the recorded error ratios of the service selected by `scope`.
 */
export function burnRateAlert(
  policy: BurnRatePolicy,
  availability: number,
  scope: Matchers,
  subject: string,
): AlertRule {
  const budget = round(1 - availability / 100);
  const over = (window: string, factor: number) =>
    `${selector(errorRatioRecord(window), scope)} > (${factor} * ${budget})`;
  const conditions = policy.windows.map((w) => `(\n  ${over(w.long, w.factor)}\nand\n  ${over(w.short, w.factor)}\n)`);
  const windows = [...new Set(policy.windows.flatMap((w) => [w.long, w.short]))];
  const [first, ...others] = policy.windows;
  const spending =
    `more than ${first.factor}x the sustainable rate over ${first.long}` +
    others.map((w) => ` (or ${w.factor}x over ${w.long})`).join('');
  return {
    alert: policy.alert,
    expr: conditions.join('\nor\n'),
    for: policy.for,
    severity: policy.severity,
    summary: policy.severity === Severity.CRITICAL ? 'Error budget burning fast' : 'Error budget burning slowly',
    description:
      `${subject} spends its error budget (SLO ${availability}% available, ${percent(budget)} errors allowed) ` +
      `at ${spending}; at this pace the 30-day budget runs out before the month ends.`,
    panel: {
      title: `Burn rate over ${windows.join(', ')}`,
      description:
        `How many times faster than the SLO allows the error budget is spent, per window. ${policy.alert} fires ` +
        policy.windows.map((w) => `when ${w.long} and ${w.short} both exceed ${w.factor}x`).join(', or ') +
        '.',
      queries: windows.map((w) => ({
        expr: `${selector(errorRatioRecord(w), scope)} / ${budget}`,
        legend: `{{ service }} over ${w}`,
      })),
      unit: PanelUnit.COUNT,
      thresholds: [...new Set(policy.windows.map((w) => w.factor))].sort((a, b) => a - b),
    },
  };
}
