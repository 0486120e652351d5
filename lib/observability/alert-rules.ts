import { Chart, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import {
  PrometheusRule,
  PrometheusRuleSpecGroups,
  PrometheusRuleSpecGroupsRules,
  PrometheusRuleSpecGroupsRulesExpr,
} from '../../imports/prometheusrule-monitoring.coreos.com';
import { fail, show } from '../core/errors';
import { MANAGED_BY } from '../core/labels';
import { assertDnsLabel } from '../core/names';
import { PROMETHEUS_SELECTOR_LABELS } from '../core/prometheus-selection';
import { AlertRule, assertAlertRule, RuleGroup } from './alert';
import { Runbooks } from './runbooks';

/** What every alert catalogue construct accepts besides its rules. */
export interface AlertRulesOptions {
  /**
   * Name of the PrometheusRule object.
   * @default - set by each catalogue, e.g. `cluster-alerts` or `<service>-alerts`
   */
  readonly name?: string;
  /**
   * Namespace of the PrometheusRule object.
   * @default - set by each catalogue: `monitoring` for cluster and platform, the service's for a service
   */
  readonly namespace?: string;
  /**
   * Extra labels on the PrometheusRule.
   * @default - none besides `app.kubernetes.io/managed-by` and the label Prometheus selects ({@link PROMETHEUS_SELECTOR_LABELS})
   */
  readonly labels?: Record<string, string>;
  /**
   * Folder URL of the runbook pages; each alert links to `<runbookBaseUrl>/<AlertName>.md`.
   * @default DEFAULT_RUNBOOK_BASE_URL (this repository's docs/runbooks)
   */
  readonly runbookBaseUrl?: string;
}

/** A dashboard that shows alerts: what each alert's `dashboard_url` opens. */
export interface AlertDashboard {
  /** Dashboard title, for messages. */
  readonly title: string;
  /** URL of the panel that shows `alert`, or undefined when no panel does. */
  panelUrlOfAlert(alert: string): string | undefined;
}

/** Properties of {@link AlertRules}. */
export interface AlertRulesProps extends AlertRulesOptions {
  /** Object name. */
  readonly name: string;
  /** The rule groups. */
  readonly groups: RuleGroup[];
}

/**
 * A PrometheusRule (prometheus-operator) built from typed rule groups. Every alert gets its
 * `severity` and `layer` labels and the `summary`, `description` and `runbook_url` annotations.
 */
export class AlertRules extends Construct {
  /** Object name. */
  public readonly name: string;
  /** Object namespace. */
  public readonly namespace: string;
  /** The groups as given. */
  public readonly groups: readonly RuleGroup[];
  /** Where the alerts' runbooks live. */
  public readonly runbooks: Runbooks;
  /** The PrometheusRule object. */
  public readonly resource: PrometheusRule;
  private linked?: AlertDashboard;

  public constructor(scope: Construct, id: string, props: AlertRulesProps) {
    super(scope, id);
    this.name = assertDnsLabel(this, 'name', props.name);
    this.namespace = namespaceOf(this.node.path, this, props.namespace);
    this.runbooks = new Runbooks(this.node.path, props.runbookBaseUrl);
    this.groups = props.groups;
    this.assertUniqueGroups();
    this.resource = new PrometheusRule(this, 'Resource', {
      metadata: {
        name: this.name,
        namespace: this.namespace,
        labels: { 'app.kubernetes.io/managed-by': MANAGED_BY, ...props.labels, ...PROMETHEUS_SELECTOR_LABELS },
      },
      spec: { groups: this.groups.map((g, i) => this.renderGroup(g, i)) },
    });
  }

  /** Every alerting rule, in group order. */
  public get alerts(): AlertRule[] {
    return this.groups.flatMap((g) => g.alerts ?? []);
  }

  /** The dashboard the alerts link to, once one is linked. */
  public get dashboard(): AlertDashboard | undefined {
    return this.linked;
  }

  /**
   * Gives every alert a `dashboard_url` annotation: the panel of `dashboard` that shows it. Called by
   * a dashboard made from these alerts; refuses a dashboard without a panel for each alert, or a second one.
   */
  public linkDashboard(dashboard: AlertDashboard): void {
    if (this.linked && this.linked !== dashboard) {
      fail(
        this,
        `the alerts already link dashboard ${show(this.linked.title)}, so they cannot also link ${show(dashboard.title)}; ` +
          'make one dashboard from them',
      );
    }
    const missing = this.alerts.map((a) => a.alert).filter((a) => dashboard.panelUrlOfAlert(a) === undefined);
    if (missing.length > 0) {
      fail(
        this,
        `dashboard ${show(dashboard.title)} has no panel for alert ${missing.join(', ')}; give the alert a panel ` +
          '(its `panel` prop) or add a panel naming it in `alerts`',
      );
    }
    this.linked = dashboard;
  }

  private assertUniqueGroups(): void {
    const names = this.groups.map((g) => g.name);
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    if (duplicate) fail(this, `groups holds two groups named "${duplicate}"; group names must be unique`);
  }

  private renderGroup(group: RuleGroup, index: number): PrometheusRuleSpecGroups {
    const records = (group.records ?? []).map((r) => ({ record: r.record, expr: expr(r.expr) }));
    const alerts = (group.alerts ?? []).map((a, j) => {
      const rule = assertAlertRule(this.node.path, `groups[${index}].alerts[${j}]`, a);
      return this.renderAlert(rule, group);
    });
    return { name: group.name, rules: [...records, ...alerts] };
  }

  private renderAlert(rule: AlertRule, group: RuleGroup): PrometheusRuleSpecGroupsRules {
    return {
      alert: rule.alert,
      expr: expr(rule.expr),
      for: rule.for,
      labels: { ...rule.labels, layer: group.layer, severity: rule.severity },
      // Lazy: a dashboard made from these alerts links itself after they exist.
      annotations: Lazy.any({
        produce: () => ({
          summary: rule.summary,
          description: rule.description,
          runbook_url: this.runbooks.urlOf(rule.alert),
          ...(this.linked && { dashboard_url: this.linked.panelUrlOfAlert(rule.alert) }),
        }),
      }),
    };
  }
}

function expr(value: string): PrometheusRuleSpecGroupsRulesExpr {
  return PrometheusRuleSpecGroupsRulesExpr.fromString(value);
}

/** The construct path a child `id` of `scope` will have, for errors raised before it exists. */
export function childPath(scope: Construct, id: string): string {
  return [scope.node.path, id].filter(Boolean).join('/');
}

/** `namespace`, or the namespace of the chart holding `scope`; fails naming `where` when neither is set. */
export function namespaceOf(where: string, scope: Construct, namespace?: string): string {
  const resolved = namespace ?? Chart.of(scope).namespace;
  if (!resolved) fail(where, `namespace is not set; pass namespace: "monitoring" or create the chart with a namespace`);
  return assertDnsLabel(where, 'namespace', resolved);
}
