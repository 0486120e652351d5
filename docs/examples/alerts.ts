import { App, Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import {
  BusinessAlerts,
  BusinessKpi,
  ClusterAlerts,
  PlatformAlerts,
  ProductionService,
  ServiceAlerts,
} from 'cdk8s-production';

/** The four alert layers: cluster and platform in `monitoring`, the service with its SLO, and the business KPIs. */
export function example(): App {
  const app = new App();
  const stage = new Construct(app, 'production');

  const monitoring = new Chart(stage, 'monitoring', { namespace: 'monitoring', disableResourceNameHashes: true });
  new ClusterAlerts(monitoring, 'cluster-alerts');
  new PlatformAlerts(monitoring, 'platform-alerts', { dnsLatencyP99: Duration.millis(200) });

  const chart = new Chart(stage, 'order-api', { namespace: 'production', disableResourceNameHashes: true });
  const orders = new ProductionService(chart, 'order-api', {
    image: 'registry.example.com/order-api:v4.2.1',
    resources: { cpu: { request: '1', limit: '2' }, memory: { request: '2Gi', limit: '3Gi' } },
    autoscaling: { minReplicas: 6, maxReplicas: 30, cpuUtilization: 65 },
  });
  new ServiceAlerts(chart, 'order-api-alerts', { service: orders, slo: { availability: 99.95 } });
  new BusinessAlerts(chart, 'business-alerts', {
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
  return app;
}
