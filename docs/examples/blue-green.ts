import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ProductionService, ServiceRoute, SharedGateway } from 'cdk8s-production';

/** Blue-green with the same code: a full-size second track, and every request switched to it. */
export function example(): App {
  const app = new App();
  const stage = new Construct(app, 'production');
  const edge = new Chart(stage, 'gateway', { namespace: 'gateway', disableResourceNameHashes: true });
  const gateway = new SharedGateway(edge, 'shared', {
    gatewayClassName: 'envoy-gateway',
    listeners: [{ name: 'https-shop', hostname: 'shop.example.com', certificateSecret: 'shop-tls' }],
  });

  const chart = new Chart(stage, 'order-api', { namespace: 'production', disableResourceNameHashes: true });
  const blue = new ProductionService(chart, 'order-api', {
    image: 'registry.example.com/order-api:v4.2.1',
    resources: { cpu: { request: '1', limit: '2' }, memory: { request: '2Gi', limit: '3Gi' } },
    autoscaling: { minReplicas: 6, maxReplicas: 30, cpuUtilization: 65 },
    // green: as many replicas as blue's floor, so it can take all the traffic at once.
    canary: { image: 'registry.example.com/order-api:v4.3.0', replicas: 6 },
  });
  new ServiceRoute(chart, 'route', {
    gateway,
    hostnames: ['shop.example.com'],
    backends: [
      { service: blue, weight: 0 },
      { service: blue.canary!, weight: 100 },
    ],
  });
  return app;
}
