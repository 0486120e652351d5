import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Environment, Environments, PolicyMode, ProductionService, ZoneSpread } from 'cdk8s-production';

/** Two environments as data; the service reads its image and capacity from each. */
export function example(): App {
  const environments = new Environments([
    new Environment({
      name: 'staging',
      namespace: 'staging',
      clusters: [{ name: 'staging-eu-1', server: 'https://staging.k8s.example.com' }],
      images: { checkout: 'registry.example.com/checkout:v1.9.0-rc.1' },
      capacity: {
        checkout: {
          minReplicas: 2,
          maxReplicas: 4,
          cpuUtilization: 70,
          resources: { cpu: { request: '250m', limit: '500m' }, memory: { request: '256Mi', limit: '256Mi' } },
        },
      },
      nodePool: 'online-general',
      zoneSpread: ZoneSpread.BEST_EFFORT,
      policyMode: PolicyMode.ENFORCE,
    }),
    new Environment({
      name: 'production',
      namespace: 'production',
      clusters: [{ name: 'prod-eu-1', server: 'https://prod-eu-1.k8s.example.com' }],
      images: { checkout: 'registry.example.com/checkout:v1.8.0' },
      capacity: {
        checkout: {
          minReplicas: 6,
          maxReplicas: 30,
          cpuUtilization: 65,
          resources: { cpu: { request: '500m', limit: '1' }, memory: { request: '512Mi', limit: '512Mi' } },
        },
      },
      nodePool: 'online-general',
      zoneSpread: ZoneSpread.STRICT,
      policyMode: PolicyMode.ENFORCE,
      peak: { enabled: false, minReplicas: 20, maxReplicas: 60 },
    }),
  ]);

  const app = new App();
  for (const env of environments.all) {
    const chart = new Chart(new Construct(app, env.name), 'checkout', {
      namespace: env.namespace,
      disableResourceNameHashes: true,
    });
    const capacity = env.capacityOf('checkout');
    new ProductionService(chart, 'checkout', {
      image: env.imageOf('checkout'),
      resources: capacity.resources,
      autoscaling: {
        minReplicas: capacity.minReplicas,
        maxReplicas: capacity.maxReplicas,
        cpuUtilization: capacity.cpuUtilization,
      },
      disruptionBudgetPercent: capacity.disruptionBudgetPercent,
      placement: { nodePool: env.props.nodePool, zoneSpread: env.props.zoneSpread },
    });
  }
  return app;
}
