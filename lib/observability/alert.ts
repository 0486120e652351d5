import { Duration } from 'cdk8s';
import { fractionalSeconds } from '../core/durations';
import { fail, show } from '../core/errors';
import { DashboardPanel } from './dashboards/panel';

/** How urgently a human must act on an alert; rendered as the `severity` label. */
export enum Severity {
  /** Pages the on-call engineer now: users or revenue are hurt. */
  CRITICAL = 'critical',
  /** Opens a ticket for working hours: a risk that grows if nobody looks. */
  WARNING = 'warning',
}

/** The guide's four-layer metric hierarchy (section 10.2); rendered as the `layer` label. */
export enum AlertLayer {
  /** Nodes and control plane (kubelet, etcd, API server). */
  CLUSTER = 'cluster',
  /** Shared services every workload depends on (CoreDNS, ingress, gateway). */
  PLATFORM = 'platform',
  /** One service: replicas, restarts, errors, latency, SLO. */
  APPLICATION = 'application',
  /** Outcomes the business measures (orders, payments). */
  BUSINESS = 'business',
}

/**
 * One alerting rule. Every field a responder needs is required, so a rule without a hold time,
 * a severity, a summary or a description does not compile; the `runbook_url` is derived from the
 * alert name when the rule is rendered.
 */
export interface AlertRule {
  /** Alert name in PascalCase; also the runbook page `docs/runbooks/<alert>.md`. */
  readonly alert: string;
  /** PromQL expression; every series it returns is one firing alert. */
  readonly expr: string;
  /** How long the expression must hold before the alert fires, as a Prometheus duration such as `5m`. */
  readonly for: string;
  /** Page or ticket. */
  readonly severity: Severity;
  /** One line: what is wrong. */
  readonly summary: string;
  /**
   * What is wrong with which object and why it matters; names the affected object with label
   * templating such as `{{ $labels.namespace }}/{{ $labels.deployment }}`.
   */
  readonly description: string;
  /**
   * Extra labels for routing.
   * @default - only `severity` and `layer`
   */
  readonly labels?: Record<string, string>;
  /**
   * What the alert watches, as a dashboard panel: the signal its expression compares, with the
   * threshold it compares it to. A dashboard made from the alert's catalogue draws it, and the alert's
   * `dashboard_url` opens it.
   * @default - no panel: a dashboard linked to the catalogue refuses the alert
   */
  readonly panel?: AlertPanel;
}

/** The panel that shows what an alert watches; its `alerts` are the alert itself. */
export type AlertPanel = Omit<DashboardPanel, 'alerts'>;

/** A recording rule: precomputes an expression under a new metric name. */
export interface RecordingRule {
  /** Metric name in the `level:metric:operations` convention. */
  readonly record: string;
  /** PromQL expression. */
  readonly expr: string;
}

/** Rules evaluated together, all of one layer. */
export interface RuleGroup {
  /** Group name, unique within the PrometheusRule, e.g. `order-api.application`. */
  readonly name: string;
  /**
   * Title of the group's row on a dashboard.
   * @default - the group name
   */
  readonly title?: string;
  /** Layer of every alert in the group. */
  readonly layer: AlertLayer;
  /**
   * Recording rules, evaluated before the alerts of the same group.
   * @default - none
   */
  readonly records?: RecordingRule[];
  /**
   * Alerting rules.
   * @default - none
   */
  readonly alerts?: AlertRule[];
}

const ALERT_NAME = /^[A-Z][A-Za-z0-9]*$/;
const DURATION = /^([0-9]+(ms|s|m|h|d|w|y))+$/;
const LABEL_TEMPLATE = /\{\{\s*\$labels\.[a-zA-Z_][a-zA-Z0-9_]*\s*\}\}/;

/** Refuses a duration Prometheus would not parse, or one of zero length. */
export function assertDuration(where: string, prop: string, value: string): string {
  if (!DURATION.test(value) || !/[1-9]/.test(value)) {
    fail(where, `${prop} ${show(value)} is not a positive Prometheus duration; use a value such as "5m" or "1h30m"`);
  }
  return value;
}

/** Refuses an alert a responder could not act on: bad name, no hold time, empty texts, no affected object. */
export function assertAlertRule(where: string, prop: string, rule: AlertRule): AlertRule {
  if (!ALERT_NAME.test(rule.alert)) {
    fail(where, `${prop}.alert ${show(rule.alert)} is not PascalCase; name alerts like "DeploymentReplicasMismatch"`);
  }
  assertDuration(where, `${prop}.for`, rule.for);
  for (const key of ['expr', 'summary', 'description'] as const) {
    if (rule[key].trim() === '') fail(where, `${prop}.${key} of ${rule.alert} is empty; every alert needs one`);
  }
  if (!LABEL_TEMPLATE.test(rule.description)) {
    fail(
      where,
      `${prop}.description of ${rule.alert} does not name the affected object; ` +
        `template it from the alert labels, e.g. "{{ $labels.namespace }}/{{ $labels.deployment }}"`,
    );
  }
  return rule;
}

/** Refuses a number outside the open interval (`min`, `max`), naming an example value. */
export function assertBetween(
  where: string,
  prop: string,
  value: number,
  min: number,
  max: number,
  example: string,
): number {
  if (!(value > min && value < max)) {
    fail(where, `${prop} ${show(value)} must be greater than ${min} and lower than ${max}, e.g. ${example}`);
  }
  return value;
}

/** A threshold time in seconds (fractions kept, as PromQL compares them), refused unless longer than 0. */
export function thresholdSeconds(where: string, prop: string, value: Duration, example: string): number {
  const seconds = fractionalSeconds(value);
  if (!(seconds > 0) || !Number.isFinite(seconds)) {
    fail(where, `${prop} ${value.toHumanString()} must be longer than 0, e.g. ${example}`);
  }
  return seconds;
}

/** Refuses a threshold that is not a positive number. */
export function assertPositive(where: string, prop: string, value: number, example: string): number {
  if (!(value > 0) || !Number.isFinite(value)) {
    fail(where, `${prop} ${show(value)} must be a number greater than 0, e.g. ${example}`);
  }
  return value;
}
