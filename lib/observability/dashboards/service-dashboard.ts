import { Construct } from 'constructs';
import { fail } from '../../core/errors';
import { AlertLayer } from '../alert';
import { childPath } from '../alert-rules';
import {
  histogramQuantile,
  Matchers,
  percent,
  ratioOfRatesOrZero,
  replicaSetsOf,
  round,
  selector,
  sumRate,
} from '../promql';
import { ServiceAlerts } from '../service-alerts';
import { alertRows } from './alert-rows';
import { Dashboard, DashboardOptions } from './dashboard';
import { DashboardAnnotation, DashboardPanel, DashboardRow, PanelStyle, PanelUnit } from './panel';

/** Properties of {@link ServiceDashboard}. */
export interface ServiceDashboardProps extends DashboardOptions {
  /** The service's alerts: the dashboard draws what they watch, and each alert links its panel. */
  readonly alerts: ServiceAlerts;
  /**
   * Dashboard name (a DNS label; the UID within 40 characters).
   * @default - `<namespace>-<service>`
   */
  readonly name?: string;
  /**
   * Rows added below the generated ones, such as the service's own business metrics.
   * @default - none
   */
  readonly extraRows?: DashboardRow[];
}

/**
 * One service's dashboard, made from the same definitions as its alerts (guide 10.2 application layer,
 * 16.5 change events): traffic and latency percentiles, a panel per alert (error ratio, p99, replicas,
 * autoscaler, crash loops, burn rates), saturation (CPU and memory against requests and limits, the
 * disruptions the PDB allows) and, with an SLO, the error budget left. Every series is drawn per
 * track, so a canary shows beside the stable version; new ReplicaSets (rollouts) mark every graph.
 */
export class ServiceDashboard extends Dashboard {
  /** The alerts the dashboard draws and links. */
  public readonly alerts: ServiceAlerts;

  public constructor(scope: Construct, id: string, props: ServiceDashboardProps) {
    const alerts = props.alerts;
    const s = alerts.service;
    if (!s.serviceMonitor) {
      fail(
        childPath(scope, id),
        `service ${s.namespace}/${s.name} has no metrics: nothing scrapes it, so every traffic, error and latency ` +
          'panel would stay empty; turn its monitoring on (a ServiceMonitor) or leave it without a dashboard',
      );
    }
    const rows = [trafficRow(alerts), ...alertRows(alerts), saturationRow(alerts), ...sloRows(alerts)];
    super(scope, id, {
      ...props,
      name: props.name ?? `${s.namespace}-${s.name}`,
      title: `Service ${s.name} (${s.namespace})`,
      description:
        `Traffic, errors, latency, saturation and SLO of ${s.namespace}/${s.name}, from the series its alerts ` +
        'watch; opened from its alerts and runbooks.',
      layer: AlertLayer.APPLICATION,
      rows: [...rows, ...(props.extraRows ?? [])],
      annotations: [rollouts(alerts)],
      alerts: [alerts],
    });
    this.alerts = alerts;
  }
}

function trafficRow(alerts: ServiceAlerts): DashboardRow {
  const { scope, requests, durationBuckets } = alerts.signals;
  return {
    title: 'Traffic and latency',
    panels: [
      {
        title: 'Requests per second',
        queries: [{ expr: sumRate(selector(requests, scope), '5m', ['service']), legend: '{{ service }}' }],
        unit: PanelUnit.REQUESTS_PER_SECOND,
      },
      {
        title: 'Latency percentiles (5m)',
        queries: [0.5, 0.9, 0.99].map((q) => ({
          expr: histogramQuantile(q, selector(durationBuckets, scope), '5m', ['service']),
          legend: `{{ service }} p${q * 100}`,
        })),
        unit: PanelUnit.SECONDS,
      },
    ],
  };
}

function saturationRow(alerts: ServiceAlerts): DashboardRow {
  const { pods } = alerts.signals;
  const s = alerts.service;
  const panels: DashboardPanel[] = [
    usageAgainstResources(
      'CPU',
      `rate(${selector('container_cpu_usage_seconds_total', { ...pods, container: '!=""' })}[5m])`,
      'cpu',
      pods,
      PanelUnit.CORES,
    ),
    usageAgainstResources(
      'Memory',
      selector('container_memory_working_set_bytes', { ...pods, container: '!=""' }),
      'memory',
      pods,
      PanelUnit.BYTES,
    ),
  ];
  if (s.disruptionBudget) {
    panels.push({
      title: 'Disruptions allowed',
      description: 'Pods a drain may evict now; 0 blocks every voluntary eviction.',
      queries: [
        {
          expr: selector('kube_poddisruptionbudget_status_pod_disruptions_allowed', {
            namespace: s.namespace,
            poddisruptionbudget: s.disruptionBudget.name,
          }),
          legend: '{{ poddisruptionbudget }}',
        },
      ],
      unit: PanelUnit.COUNT,
      style: PanelStyle.STAT,
    });
  }
  return { title: 'Saturation', panels };
}

/** Usage summed over the service's pods, beside the sum of their requests and limits (kube-state-metrics). */
function usageAgainstResources(
  what: string,
  usage: string,
  resource: string,
  pods: Matchers,
  unit: PanelUnit,
): DashboardPanel {
  const declared = (series: string) => `sum(${selector(series, { ...pods, resource })})`;
  return {
    title: `${what} used, requested and limited`,
    queries: [
      { expr: `sum(${usage})`, legend: 'used' },
      { expr: declared('kube_pod_container_resource_requests'), legend: 'requested' },
      { expr: declared('kube_pod_container_resource_limits'), legend: 'limit' },
    ],
    unit,
  };
}

function sloRows(alerts: ServiceAlerts): DashboardRow[] {
  const { availability, scope, requests, errorMatchers } = alerts.signals;
  if (availability === undefined) return [];
  const budget = round(1 - availability / 100);
  const ratio30d = `(${ratioOfRatesOrZero(selector(requests, { ...scope, ...errorMatchers }), selector(requests, scope), '30d', ['namespace']).replaceAll('\n', ' ')})`;
  return [
    {
      title: `SLO: ${availability}% available over 30 days`,
      panels: [
        {
          title: 'Availability (30d)',
          description: `Share of requests answered without error; the objective is ${availability}%.`,
          queries: [{ expr: `1 - ${ratio30d}` }],
          unit: PanelUnit.RATIO,
          style: PanelStyle.STAT,
        },
        {
          title: 'Error budget left (30d)',
          description: `Share of the 30-day budget (${percent(budget)} of requests may fail) not yet spent.`,
          queries: [{ expr: `1 - ${ratio30d} / ${budget}` }],
          unit: PanelUnit.RATIO,
          style: PanelStyle.STAT,
        },
      ],
    },
  ];
}

/**
 * A ReplicaSet of any track that wants pods now and wanted none two minutes ago: a rollout to a new
 * ReplicaSet (no sample two minutes ago) or a rollback to an earlier one (scaled up from 0). Autoscaling
 * changes only how many pods the active ReplicaSet wants, so it marks nothing.
 */
function rollouts(alerts: ServiceAlerts): DashboardAnnotation {
  const s = alerts.service;
  const desired = selector('kube_replicaset_spec_replicas', {
    namespace: s.namespace,
    replicaset: replicaSetsOf(s.trackNames),
  });
  return {
    name: 'Rollouts',
    expr: `(${desired} > 0) unless (${desired} offset 2m > 0)`,
    title: 'Rollout to ReplicaSet {{ replicaset }}',
  };
}
