import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  BusinessAlerts,
  BusinessKpi,
  ClusterAlerts,
  Environment,
  PlatformAlerts,
  ProductionService,
  ServiceAlerts,
  ServiceLevelObjective,
} from '../../lib';

/** Availability objectives per service name; services without one get no burn-rate alerts. */
const OBJECTIVES: Record<string, ServiceLevelObjective> = {
  'order-api': { availability: 99.95 },
};

/**
 * The alert catalogue of one environment: cluster and platform layers in `monitoring`
 * (`dist/<env>/monitoring.yaml`), each service's alerts next to it (`dist/<env>/<service>.yaml`),
 * and the shop's business KPIs with the order service.
 */
export function observabilityStack(stage: Construct, env: Environment, services: ProductionService[]): void {
  const monitoring = new Chart(stage, 'monitoring', { namespace: 'monitoring', disableResourceNameHashes: true });
  new ClusterAlerts(monitoring, 'cluster-alerts');
  new PlatformAlerts(monitoring, 'platform-alerts');

  for (const service of services) {
    new ServiceAlerts(Chart.of(service), `${service.node.id}-alerts`, { service, slo: OBJECTIVES[service.name] });
  }

  const orders = services.find((s) => s.name === 'order-api');
  if (orders) {
    new BusinessAlerts(Chart.of(orders), 'business-alerts', {
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
  }
}
