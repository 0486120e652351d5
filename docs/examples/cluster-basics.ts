import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { PriorityClasses, RetainedStorageClass } from 'cdk8s-production';

/** The cluster-scoped basics every environment needs: a Retain storage class and the priority-class catalogue. */
export function example(): App {
  const app = new App();
  const stage = new Construct(app, 'production');
  const cluster = new Chart(stage, 'cluster', { disableResourceNameHashes: true });

  new RetainedStorageClass(cluster, 'gp3-retain');
  new RetainedStorageClass(cluster, 'io2-retain', { parameters: { type: 'io2', iopsPerGB: '50', fsType: 'ext4' } });
  new PriorityClasses(cluster, 'priority-classes');
  return app;
}
