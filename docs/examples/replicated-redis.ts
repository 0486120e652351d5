import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Dependency, PriorityTier, ProductionService, ReplicatedRedis } from 'cdk8s-production';

/** Redis with a primary, two replicas and Sentinel; the order service finds the primary through Sentinel. */
export function example(): App {
  const app = new App();
  const stage = new Construct(app, 'production');
  // An existing storage class with reclaimPolicy Retain, e.g. a RetainedStorageClass of the platform.
  const storageClass = { name: 'gp3-retain' };

  const redis = new ReplicatedRedis(
    new Chart(stage, 'redis', { namespace: 'infra', disableResourceNameHashes: true }),
    'redis',
    {
      image: 'docker.io/library/redis:7.4.2',
      resources: { cpu: { request: '500m', limit: '1' }, memory: { request: '1Gi', limit: '1Gi' } },
      storage: { size: '50Gi', storageClass },
      password: {
        name: 'redis-auth',
        store: 'platform-secrets',
        files: { password: { key: 'production/redis', property: 'password' } },
      },
      priority: PriorityTier.ONLINE_CRITICAL,
    },
  );

  new ProductionService(
    new Chart(stage, 'orders', { namespace: 'production', disableResourceNameHashes: true }),
    'orders',
    {
      image: 'registry.example.com/orders:v2.0.1',
      resources: { cpu: { request: '500m', limit: '1' }, memory: { request: '1Gi', limit: '1Gi' } },
      config: { ...redis.clientConfig },
      dependsOn: [Dependency.on(redis)],
    },
  );
  return app;
}
