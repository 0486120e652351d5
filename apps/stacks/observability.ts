import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  AlertLayer,
  AlertRules,
  AlertsDashboard,
  ApplicationDashboard,
  BusinessAlerts,
  BusinessKpi,
  ClusterAlerts,
  DashboardPanel,
  Environment,
  EtcdBackup,
  PanelUnit,
  PlatformAlerts,
  ProductionService,
  ServiceAlerts,
  ServiceDashboard,
  ServiceLevelObjective,
} from '../../lib';
import { GATEWAY_IMPLEMENTATION } from '../config';
import { GATEWAY_NAMESPACE } from './gateway';

/** Availability objectives per service name; services without one get no burn-rate alerts. */
const OBJECTIVES: Record<string, ServiceLevelObjective> = {
  'order-api': { availability: 99.95 },
};

/** Where each environment's Grafana is served: the start of every alert's `dashboard_url`. */
export function grafanaUrlOf(env: Environment): string {
  return `https://grafana.${env.name}.example.com`;
}

/**
 * The alert catalogue and dashboards of one environment: cluster and platform layers in `monitoring`
 * (`dist/<env>/monitoring.yaml`), each service's alerts next to it (`dist/<env>/<service>.yaml`), the
 * shop's business KPIs with the order service, and a dashboard per layer and per service in `monitoring`,
 * each alert linking the panel that shows it.
 */
export function observabilityStack(
  stage: Construct,
  env: Environment,
  services: ProductionService[],
  etcdBackup?: EtcdBackup,
): void {
  const monitoring = new Chart(stage, 'monitoring', { namespace: 'monitoring', disableResourceNameHashes: true });
  const grafanaUrl = grafanaUrlOf(env);
  const clusterAlerts: AlertRules[] = [new ClusterAlerts(monitoring, 'cluster-alerts')];
  if (etcdBackup?.alertRules) clusterAlerts.push(etcdBackup.alertRules);
  // The edge is the environment's gateway, whose proxies the gateway's PodMonitor scrapes.
  const platformAlerts = new PlatformAlerts(monitoring, 'platform-alerts', {
    edgeRequests: env.props.gateway ? GATEWAY_IMPLEMENTATION.edgeRequests(GATEWAY_NAMESPACE) : undefined,
  });

  const serviceDashboards = services.map((service) => {
    const alerts = new ServiceAlerts(Chart.of(service), `${service.node.id}-alerts`, {
      service,
      slo: OBJECTIVES[service.name],
    });
    return new ServiceDashboard(monitoring, `${service.node.id}-dashboard`, { alerts, grafanaUrl });
  });

  new AlertsDashboard(monitoring, 'cluster-dashboard', {
    name: 'cluster',
    title: 'Cluster layer: nodes, etcd, API server',
    description: 'Node health, etcd and its backups, and the API server; opened from the cluster alerts.',
    layer: AlertLayer.CLUSTER,
    alerts: clusterAlerts,
    grafanaUrl,
  });
  new AlertsDashboard(monitoring, 'platform-dashboard', {
    name: 'platform',
    title: 'Platform layer: DNS and edge',
    description: 'CoreDNS and the edge every service depends on; opened from the platform alerts.',
    layer: AlertLayer.PLATFORM,
    alerts: [platformAlerts],
    grafanaUrl,
  });
  new ApplicationDashboard(monitoring, 'application-dashboard', { services: serviceDashboards, grafanaUrl });

  const orders = services.find((s) => s.name === 'order-api');
  if (orders) {
    const business = new BusinessAlerts(Chart.of(orders), 'business-alerts', {
      namespace: env.namespace,
      kpis: [
        BusinessKpi.orderSuccessRate({
          attempted: 'orders_created_total',
          succeeded: 'orders_completed_total',
          minimumRatio: 0.97,
        }),
        BusinessKpi.paymentConversion({
          attempted: 'payments_started_total',
          succeeded: 'payments_succeeded_total',
          minimumRatio: 0.9,
        }),
      ],
    });
    // The volumes behind the ratios (guide 16.5: business metrics instrumented and visible).
    const perSecond = (title: string, counters: [string, string][]): DashboardPanel => ({
      title,
      queries: counters.map(([metric, legend]) => ({
        expr: `sum(rate(${metric}{namespace="${env.namespace}"}[5m]))`,
        legend,
      })),
      unit: PanelUnit.REQUESTS_PER_SECOND,
    });
    new AlertsDashboard(monitoring, 'business-dashboard', {
      name: 'business',
      title: 'Business layer: orders and payments',
      description: 'The shop KPIs the business measures and the volumes behind them; opened from the business alerts.',
      layer: AlertLayer.BUSINESS,
      alerts: [business],
      extraRows: [
        {
          title: 'Volumes',
          panels: [
            perSecond('Orders per second', [
              ['orders_created_total', 'created'],
              ['orders_completed_total', 'completed'],
            ]),
            perSecond('Payments per second', [
              ['payments_started_total', 'started'],
              ['payments_succeeded_total', 'succeeded'],
            ]),
          ],
        },
      ],
      grafanaUrl,
    });
  }
}
