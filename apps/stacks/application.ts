import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Environment, ProductionService, Tenant } from '../../lib';
import { tenantAccess, tenantQuotas } from '../config';
import { orderApi } from '../services/order-api';

/**
 * The application namespace (a Tenant whose quota must hold its services) and its services for one
 * environment; returns the services.
 */
export function applicationStack(stage: Construct, env: Environment): ProductionService[] {
  const namespace = new Chart(stage, 'namespace', { disableResourceNameHashes: true });
  const tenant = new Tenant(namespace, 'tenant', { name: env.namespace, quota: tenantQuotas[env.name].app, access: tenantAccess });
  const services = new Chart(stage, 'order-api', { namespace: env.namespace, disableResourceNameHashes: true });
  const orderService = orderApi(services, env);
  tenant.accountFor(orderService);
  return [orderService];
}
