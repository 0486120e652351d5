import { k8s } from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { fail, show } from '../../core/errors';
import { MANAGED_BY } from '../../core/labels';
import { assertDnsLabel } from '../../core/names';
import { outputRootOf } from '../../core/output-scope';
import {
  GRAFANA_DASHBOARD_LABEL,
  GRAFANA_DASHBOARD_LABEL_VALUE,
  GRAFANA_PROMETHEUS_DATASOURCE_UID,
  MONITORING_NAMESPACE,
} from '../../core/prometheus-selection';
import { AlertLayer } from '../alert';
import { AlertDashboard, AlertRules } from '../alert-rules';
import { dashboardUid } from './dashboard-uid';
import { DashboardAnnotation, DashboardLink, DashboardRow } from './panel';
import { assertPromql } from './promql-syntax';
import { renderDashboard } from './render-dashboard';

/** Where the platform's Grafana is served; every `dashboard_url` starts with it. */
export const DEFAULT_GRAFANA_URL = 'https://grafana.example.com';

/** What every dashboard construct accepts besides its content. */
export interface DashboardOptions {
  /**
   * Namespace of the dashboard's ConfigMap.
   * @default MONITORING_NAMESPACE
   */
  readonly namespace?: string;
  /**
   * https URL of the Grafana that loads the dashboard, without a trailing slash.
   * @default DEFAULT_GRAFANA_URL
   */
  readonly grafanaUrl?: string;
}

/** Properties of {@link Dashboard}. */
export interface DashboardProps extends DashboardOptions {
  /** A DNS label: names the ConfigMap `grafana-dashboard-<name>` and gives the UID ({@link dashboardUid}). */
  readonly name: string;
  /** Title in Grafana's dashboard list. */
  readonly title: string;
  /** What the dashboard is for and who opens it, in a sentence. */
  readonly description: string;
  /** The layer of guide 10.2 it shows; tagged `layer:<layer>`. */
  readonly layer: AlertLayer;
  /** The rows, top to bottom. */
  readonly rows: DashboardRow[];
  /**
   * Change events drawn on every graph, such as rollouts.
   * @default - none
   */
  readonly annotations?: DashboardAnnotation[];
  /**
   * Links at the top of the dashboard, such as to related dashboards.
   * @default - none
   */
  readonly links?: DashboardLink[];
  /**
   * Alert catalogues whose alerts the rows show: each alert's `dashboard_url` then opens its panel.
   * @default - none
   */
  readonly alerts?: AlertRules[];
}

const MAX_QUERIES_PER_PANEL = 26;

/**
 * A Grafana dashboard as code, delivered as the monitoring stack loads it: a ConfigMap labelled for
 * kube-prometheus-stack's dashboard sidecar ({@link GRAFANA_DASHBOARD_LABEL}), holding the JSON model
 * built with Grafana's typed SDK. The UID comes from the name, so links survive every synth; every
 * query is parsed at synth time.
 */
export class Dashboard extends Construct implements AlertDashboard {
  /** Object name stem and UID source. */
  public readonly name: string;
  /** Stable Grafana UID. */
  public readonly uid: string;
  /** Dashboard title. */
  public readonly title: string;
  /** Namespace of the ConfigMap. */
  public readonly namespace: string;
  /** URL of the dashboard in Grafana. */
  public readonly url: string;
  /** The rows as given. */
  public readonly rows: readonly DashboardRow[];
  /** The JSON model, as the sidecar hands it to Grafana. */
  public readonly json: string;
  /** The ConfigMap the sidecar loads. */
  public readonly resource: k8s.KubeConfigMap;
  private readonly panelIds: ReadonlyMap<string, number>;

  public constructor(scope: Construct, id: string, props: DashboardProps) {
    super(scope, id);
    this.name = assertDnsLabel(this, 'name', props.name);
    this.uid = dashboardUid(this.name);
    this.title = props.title;
    this.namespace = assertDnsLabel(this, 'namespace', props.namespace ?? MONITORING_NAMESPACE);
    this.rows = props.rows;
    this.assertContent(props);
    const grafanaUrl = props.grafanaUrl ?? DEFAULT_GRAFANA_URL;
    if (!/^https:\/\/[^\s]+[^/\s]$/.test(grafanaUrl)) {
      fail(
        this,
        `grafanaUrl ${show(grafanaUrl)} must be an https URL without a trailing slash, e.g. "${DEFAULT_GRAFANA_URL}"`,
      );
    }
    this.url = `${grafanaUrl}/d/${this.uid}`;
    registerUid(this);

    const rendered = renderDashboard({
      uid: this.uid,
      title: this.title,
      description: props.description,
      tags: [`layer:${props.layer}`, MANAGED_BY],
      rows: this.rows,
      annotations: props.annotations ?? [],
      links: props.links ?? [],
      datasource: { type: 'prometheus', uid: GRAFANA_PROMETHEUS_DATASOURCE_UID },
    });
    this.panelIds = rendered.panelIds;
    this.json = `${JSON.stringify(rendered.json, null, 2)}\n`;
    this.resource = new k8s.KubeConfigMap(this, 'Resource', {
      metadata: {
        name: `grafana-dashboard-${this.name}`,
        namespace: this.namespace,
        labels: {
          'app.kubernetes.io/name': this.name,
          'app.kubernetes.io/component': 'dashboard',
          'app.kubernetes.io/managed-by': MANAGED_BY,
          [GRAFANA_DASHBOARD_LABEL]: GRAFANA_DASHBOARD_LABEL_VALUE,
        },
      },
      data: { [`${this.uid}.json`]: this.json },
    });
    for (const rules of props.alerts ?? []) rules.linkDashboard(this);
  }

  /** URL of the panel titled `title`; fails when the dashboard has none. */
  public panelUrl(title: string): string {
    const id = this.panelIds.get(title);
    if (id === undefined)
      fail(
        this,
        `the dashboard has no panel titled ${show(title)}; its panels are ${[...this.panelIds.keys()].join(', ')}`,
      );
    return `${this.url}?viewPanel=${id}`;
  }

  /** URL of the panel that shows `alert`, or undefined when none does. */
  public panelUrlOfAlert(alert: string): string | undefined {
    const panel = this.rows.flatMap((r) => r.panels).find((p) => p.alerts?.includes(alert));
    return panel && this.panelUrl(panel.title);
  }

  private assertContent(props: DashboardProps): void {
    if (props.title.trim() === '') fail(this, 'title is empty; give the dashboard a title people search for');
    const titles = new Set<string>();
    props.rows.forEach((row, r) =>
      row.panels.forEach((panel, p) => {
        // A panel made from an alert is named by the alert, whose `panel` prop is where it is fixed.
        const at = (field: string) =>
          panel.alerts?.length
            ? `${field} of the panel of alert ${panel.alerts.join(', ')}`
            : `rows[${r}].panels[${p}].${field}`;
        if (titles.has(panel.title)) {
          fail(
            this,
            `${at('title')} ${show(panel.title)} is used twice; alerts and runbooks name panels by title, so make it unique`,
          );
        }
        titles.add(panel.title);
        if (panel.queries.length === 0 || panel.queries.length > MAX_QUERIES_PER_PANEL) {
          fail(
            this,
            `${at('queries')} of ${show(panel.title)} holds ${panel.queries.length} queries; give it 1 to ${MAX_QUERIES_PER_PANEL}`,
          );
        }
        panel.queries.forEach((q, i) => assertPromql(this.node.path, at(`queries[${i}].expr`), q.expr));
      }),
    );
    (props.annotations ?? []).forEach((a, i) => assertPromql(this.node.path, `annotations[${i}].expr`, a.expr));
  }
}

/** The dashboards of each output (an environment's stage, or the whole app), by UID: one Grafana each. */
const uidsByOutput = new WeakMap<IConstruct, Map<string, Dashboard>>();

/** Refuses a second dashboard with the same UID in one output, naming both. */
function registerUid(dashboard: Dashboard): void {
  const output = outputRootOf(dashboard);
  const uids = uidsByOutput.get(output) ?? new Map<string, Dashboard>();
  uidsByOutput.set(output, uids);
  const first = uids.get(dashboard.uid);
  if (first) {
    fail(
      dashboard,
      `dashboard UID ${show(dashboard.uid)} is also used by [${first.node.path}]; Grafana would keep only one of ` +
        'them: give one of them another name',
    );
  }
  uids.set(dashboard.uid, dashboard);
}
