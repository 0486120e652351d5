import { Construct } from 'constructs';
import { fail } from '../../core/errors';
import { AlertLayer } from '../alert';
import { childPath } from '../alert-rules';
import { errorRatioRecord } from '../burn-rate';
import { podsOf, selector, servicesOf, sumRate } from '../promql';
import { LATENCY_P99_RECORD } from '../service-alerts';
import { Dashboard, DashboardOptions } from './dashboard';
import { PanelUnit } from './panel';
import { ServiceDashboard } from './service-dashboard';

/** The services of one namespace (and request counter): their tracks, names and `service` matcher. */
interface TrackGroup {
  readonly namespace: string;
  readonly requests: string;
  readonly tracks: string[];
  readonly names: string[];
  readonly scope: { namespace: string; service: string };
}

/** The service dashboards' tracks grouped by `key`, in first-seen order. */
function groupTracks(dashboards: readonly ServiceDashboard[], key: (d: ServiceDashboard) => string): TrackGroup[] {
  const groups = new Map<string, { namespace: string; requests: string; tracks: string[]; names: string[] }>();
  for (const d of dashboards) {
    const s = d.alerts.service;
    const group = groups.get(key(d)) ?? {
      namespace: s.namespace,
      requests: d.alerts.signals.requests,
      tracks: [],
      names: [],
    };
    group.tracks.push(...s.trackNames);
    group.names.push(s.name);
    groups.set(key(d), group);
  }
  return [...groups.values()].map((g) => ({ ...g, scope: { namespace: g.namespace, service: servicesOf(g.tracks) } }));
}

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
    // One query per namespace (and request counter), matching all its services' tracks, so a panel's
    // queries do not grow with the number of services; each series still carries its service label.
    const byNamespace = groupTracks(props.services, (d) => d.alerts.service.namespace);
    const byCounter = groupTracks(props.services, (d) => `${d.alerts.service.namespace} ${d.alerts.signals.requests}`);
    const panel = (title: string, unit: PanelUnit, groups: TrackGroup[], expr: (g: TrackGroup) => string) => ({
      title,
      queries: groups.map((g) => ({ expr: expr(g), legend: '{{ namespace }}/{{ service }}' })),
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
            panel('Requests per second by service', PanelUnit.REQUESTS_PER_SECOND, byCounter, (g) =>
              sumRate(selector(g.requests, g.scope), '5m', ['namespace', 'service']),
            ),
            panel('Error ratio by service (5m)', PanelUnit.RATIO, byNamespace, (g) =>
              selector(errorRatioRecord('5m'), g.scope),
            ),
            panel('Latency p99 by service (5m)', PanelUnit.SECONDS, byNamespace, (g) =>
              selector(LATENCY_P99_RECORD, g.scope),
            ),
            {
              title: 'Containers in CrashLoopBackOff by service',
              queries: byNamespace.map((g) => ({
                expr: `sum(${selector('kube_pod_container_status_waiting_reason', { namespace: g.namespace, pod: podsOf(g.tracks), reason: 'CrashLoopBackOff' })}) or vector(0)`,
                legend: `${g.namespace}/${g.names.join(', ')}`,
              })),
              unit: PanelUnit.COUNT,
            },
          ],
        },
      ],
      links: props.services.map((d) => ({ title: d.title, url: d.url })),
    });
  }
}
