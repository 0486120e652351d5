import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ProductionService, ServiceRoute, SharedGateway } from 'cdk8s-production';

/** order-api v4.3.0 as a one-pod canary next to v4.2.1, receiving 10% of the requests. */
export function example(): App {
  const app = new App();
  const stage = new Construct(app, 'staging');
  const edge = new Chart(stage, 'gateway', { namespace: 'gateway', disableResourceNameHashes: true });
  const gateway = new SharedGateway(edge, 'shared', {
    gatewayClassName: 'envoy-gateway',
    listeners: [{ name: 'https-shop', hostname: 'shop.example.com', certificateSecret: 'shop-tls' }],
  });

  const chart = new Chart(stage, 'order-api', { namespace: 'staging', disableResourceNameHashes: true });
  const api = new ProductionService(chart, 'order-api', {
    image: 'registry.example.com/order-api:v4.2.1',
    resources: { cpu: { request: '1', limit: '2' }, memory: { request: '2Gi', limit: '3Gi' } },
    autoscaling: { minReplicas: 4, maxReplicas: 10, cpuUtilization: 65 },
    canary: { image: 'registry.example.com/order-api:v4.3.0', replicas: 1 },
  });
  new ServiceRoute(chart, 'route', {
    gateway,
    listener: 'https-shop',
    hostnames: ['shop.example.com'],
    pathPrefixes: ['/orders'],
    backends: [
      { service: api, weight: 90 },
      { service: api.canary!, weight: 10 },
    ],
  });
  return app;
}
