import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { ProductionService, Tenant } from 'cdk8s-production';

/** The payments team's namespace: quota, container defaults, group access, and a service the quota must hold. */
export function example(): App {
  const app = new App();
  const stage = new Construct(app, 'production');

  const tenant = new Tenant(new Chart(stage, 'namespaces', { disableResourceNameHashes: true }), 'payments', {
    quota: { cpu: { request: '16', limit: '32' }, memory: { request: '32Gi', limit: '48Gi' }, pods: 60 },
    containerDefaults: { cpu: { request: '100m', limit: '500m' }, memory: { request: '256Mi', limit: '512Mi' } },
    access: { admin: ['platform-admins'], edit: ['team-payments'], view: ['sre'] },
    labels: { 'gateway-access': 'shared' }, // routes of this namespace may attach to the gateway `shared`
  });

  const chart = new Chart(stage, 'payment-api', { namespace: 'payments', disableResourceNameHashes: true });
  const api = new ProductionService(chart, 'payment-api', {
    image: 'registry.example.com/payment-api:v3.1.0',
    resources: { cpu: { request: '1', limit: '2' }, memory: { request: '2Gi', limit: '3Gi' } },
    autoscaling: { minReplicas: 3, maxReplicas: 12, cpuUtilization: 65 },
  });
  // 12 replicas x (1 CPU, 2Gi) requested and x (2 CPU, 3Gi) limit fit in the quota; synth fails when they do not.
  tenant.accountFor(api);
  return app;
}
