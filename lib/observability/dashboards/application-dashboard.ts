import { Construct } from 'constructs';
import { fail } from '../../core/errors';
import { AlertLayer } from '../alert';
import { childPath } from '../alert-rules';
import { errorRatioRecord } from '../burn-rate';
import { selector, sumRate } from '../promql';
import { LATENCY_P99_RECORD, ServiceSignals } from '../service-alerts';
import { Dashboard, DashboardOptions } from './dashboard';
import { DashboardPanel, PanelUnit } from './panel';
import { ServiceDashboard } from './service-dashboard';

/** Properties of {@link ApplicationDashboard}. */
export interface ApplicationDashboardProps extends DashboardOptions {
  /** The service dashboards it sums up and links to. */
  readonly services: ServiceDashboard[];
  /**
   * Dashboard name (a DNS label; the UID).
   * @default 'application'
   */
  readonly name?: string;
}

/**
 * The application layer of guide 10.2 at a glance: traffic, errors, p99 latency and crash loops of every
 * service side by side, each drawn from the series its own alerts watch, with a link to each service's
 * dashboard for the detail.
 */
export class ApplicationDashboard extends Dashboard {
  public constructor(scope: Construct, id: string, props: ApplicationDashboardProps) {
    if (props.services.length === 0) {
      fail(childPath(scope, id), 'services is empty; pass the ServiceDashboard of every service it should sum up');
    }
    const services = props.services.map((d) => ({ dashboard: d, signals: d.alerts.signals }));
    const panel = (title: string, unit: PanelUnit, expr: (s: ServiceSignals) => string): DashboardPanel => ({
      title,
      queries: services.map(({ signals }) => ({ expr: expr(signals), legend: '{{ namespace }}/{{ service }}' })),
      unit,
    });
    super(scope, id, {
      ...props,
      name: props.name ?? 'application',
      title: 'Application layer: every service',
      description: 'Traffic, errors and latency of every service side by side; the links open each service.',
      layer: AlertLayer.APPLICATION,
      rows: [
        {
          title: 'Services',
          panels: [
            panel('Requests per second by service', PanelUnit.REQUESTS_PER_SECOND, (s) =>
              sumRate(selector(s.requests, s.scope), '5m', ['namespace', 'service']),
            ),
            panel('Error ratio by service (5m)', PanelUnit.RATIO, (s) => selector(errorRatioRecord('5m'), s.scope)),
            panel('Latency p99 by service (5m)', PanelUnit.SECONDS, (s) => selector(LATENCY_P99_RECORD, s.scope)),
            {
              title: 'Containers in CrashLoopBackOff by service',
              queries: services.map(({ dashboard, signals }) => ({
                expr: `sum(${selector('kube_pod_container_status_waiting_reason', { ...signals.pods, reason: 'CrashLoopBackOff' })}) or vector(0)`,
                legend: `${dashboard.alerts.service.namespace}/${dashboard.alerts.service.name}`,
              })),
              unit: PanelUnit.COUNT,
            },
          ],
        },
      ],
      links: services.map(({ dashboard }) => ({ title: dashboard.title, url: dashboard.url })),
    });
  }
}
