import { Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Environment, podSecurityLabels } from '../../lib';
import { orderApi } from '../services/order-api';

/** The application namespace and its services for one environment. */
export function applicationStack(stage: Construct, env: Environment): void {
  const namespace = new Chart(stage, 'namespace', { disableResourceNameHashes: true });
  new k8s.KubeNamespace(namespace, 'Resource', {
    metadata: {
      name: env.namespace,
      labels: { 'app.kubernetes.io/managed-by': 'cdk8s-production', ...podSecurityLabels() },
    },
  });
  const services = new Chart(stage, 'order-api', { namespace: env.namespace, disableResourceNameHashes: true });
  orderApi(services, env);
}
