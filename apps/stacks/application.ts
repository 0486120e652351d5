import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Environment, Tenant } from '../../lib';
import { tenantAccess, tenantQuotas } from '../config';
import { orderApi } from '../services/order-api';

/** The application namespace (a Tenant whose quota must hold its services) and its services for one environment. */
export function applicationStack(stage: Construct, env: Environment): void {
  const namespace = new Chart(stage, 'namespace', { disableResourceNameHashes: true });
  const tenant = new Tenant(namespace, 'tenant', { name: env.namespace, quota: tenantQuotas[env.name].app, access: tenantAccess });
  const services = new Chart(stage, 'order-api', { namespace: env.namespace, disableResourceNameHashes: true });
  tenant.accountFor(orderApi(services, env));
}
