import { App, Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { ProductionService, ServiceRoute, SharedGateway } from 'cdk8s-production';

/** A shared TLS gateway and a route that sends /orders to order-api. */
export function example(): App {
  const app = new App();
  const stage = new Construct(app, 'production');
  const edge = new Chart(stage, 'gateway', { namespace: 'gateway', disableResourceNameHashes: true });
  const gateway = new SharedGateway(edge, 'shared', {
    gatewayClassName: 'envoy-gateway',
    listeners: [{ name: 'https-shop', hostname: 'shop.example.com', certificateSecret: 'shop-tls' }],
  });

  const apps = new Chart(stage, 'order-api', { namespace: 'production', disableResourceNameHashes: true });
  const api = new ProductionService(apps, 'order-api', {
    image: 'registry.example.com/order-api:v4.2.1',
    resources: { cpu: { request: '1', limit: '2' }, memory: { request: '2Gi', limit: '3Gi' } },
  });
  new ServiceRoute(apps, 'route', {
    gateway,
    listener: 'https-shop',
    hostnames: ['shop.example.com'],
    pathPrefixes: ['/orders'],
    backends: [{ service: api, weight: 100 }],
    requestTimeout: Duration.seconds(10),
  });
  return app;
}
