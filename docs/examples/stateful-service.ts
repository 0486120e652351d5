import { App, Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { Peer, PriorityTier, Probe, RetainedStorageClass, StatefulService } from 'cdk8s-production';

/** A three-replica Redis on a Retain storage class; its password comes from the external secret store as a file. */
export function example(): App {
  const app = new App();
  const stage = new Construct(app, 'production');
  const storage = new RetainedStorageClass(
    new Chart(stage, 'storage', { disableResourceNameHashes: true }),
    'gp3-retain',
  );

  const chart = new Chart(stage, 'redis', { namespace: 'infra', disableResourceNameHashes: true });
  new StatefulService(chart, 'redis', {
    image: 'docker.io/library/redis:7.4.2',
    resources: { cpu: { request: '500m', limit: '1' }, memory: { request: '1Gi', limit: '1Gi' } },
    containerPort: 6379,
    portName: 'redis',
    args: [
      'sh',
      '-c',
      'exec redis-server --appendonly yes --dir /data --requirepass "$(cat /var/run/secrets/redis-auth/password)"',
    ],
    storage: { size: '50Gi', storageClass: storage },
    probes: {
      startup: Probe.tcp({ period: Duration.seconds(5), failureThreshold: 24 }),
      readiness: Probe.command([
        'sh',
        '-c',
        'redis-cli -a "$(cat /var/run/secrets/redis-auth/password)" --no-auth-warning ping | grep -q PONG',
      ]),
      liveness: Probe.tcp({ period: Duration.seconds(10) }),
    },
    priority: PriorityTier.ONLINE_CRITICAL,
    network: { ingress: [{ from: Peer.podsInNamespace('production', { 'app.kubernetes.io/name': 'order-api' }) }] },
    secrets: [
      {
        name: 'redis-auth',
        store: 'platform-secrets',
        files: { password: { key: 'production/redis', property: 'password' } },
      },
    ],
  });
  return app;
}
