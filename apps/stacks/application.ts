import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Environment, ProductionService, RouteBackend, ServiceRoute, Tenant } from '../../lib';
import { orderApi } from '../services/order-api';
import { gatewayStack } from './gateway';
import { PlatformServices } from './platform';

/**
 * The application namespace (a Tenant whose quota must hold its services, canaries included), its
 * services and, where the environment has a Gateway, their routes; returns the services.
 */
export function applicationStack(stage: Construct, env: Environment, platform: PlatformServices): ProductionService[] {
  const gateway = gatewayStack(stage, env);
  const namespace = new Chart(stage, 'namespace', { disableResourceNameHashes: true });
  const tenant = new Tenant(namespace, 'tenant', {
    name: env.namespace,
    quota: env.quotaOf('app'),
    access: env.access,
    labels: gateway?.routeNamespaceLabel,
  });
  const services = new Chart(stage, 'order-api', { namespace: env.namespace, disableResourceNameHashes: true });
  const orderService = orderApi(services, env, platform.redis);
  tenant.accountFor(orderService);
  if (orderService.canary) tenant.accountFor(orderService.canary);

  if (gateway) {
    const canary = env.canaryOf('order-api');
    const backends: RouteBackend[] = [{ service: orderService, weight: 100 - (canary?.weight ?? 0) }];
    if (orderService.canary && canary) backends.push({ service: orderService.canary, weight: canary.weight });
    new ServiceRoute(services, 'route', {
      gateway,
      listener: 'shop',
      hostnames: [env.props.gateway!.hostname],
      pathPrefixes: ['/orders'],
      backends,
    });
  }
  return [orderService];
}
