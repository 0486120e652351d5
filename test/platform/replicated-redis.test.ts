import { Chart, Duration } from 'cdk8s';
import { Dependency, ProductionService, ReplicatedRedis, ReplicatedRedisProps } from '../../lib';
import { findObject, synthChart } from '../support/manifests';

const base: ReplicatedRedisProps = {
  image: 'docker.io/library/redis:7.4.2',
  resources: { cpu: { request: '500m', limit: '1' }, memory: { request: '1Gi', limit: '1Gi' } },
  storage: { size: '10Gi', storageClass: { name: 'gp3-retain' } },
  password: { name: 'redis-auth', store: 'platform-secrets', files: { password: { key: 'prod/redis' } } },
};

function build(props: Partial<ReplicatedRedisProps> = {}, client = false) {
  return synthChart((chart: Chart) => {
    const redis = new ReplicatedRedis(chart, 'redis', { ...base, ...props });
    if (client) {
      new ProductionService(chart, 'orders', {
        image: 'registry.example.com/orders:v1.0.0',
        resources: base.resources,
        config: redis.clientConfig,
        dependsOn: [Dependency.on(redis)],
      });
    }
  }, 'infra');
}

describe('ReplicatedRedis', () => {
  const objects = build({}, true);
  const pod = findObject(objects, 'StatefulSet', 'redis').spec.template.spec;
  const container = (name: string) => pod.containers.find((c: any) => c.name === name);

  test('runs Redis and a Sentinel in each of three pods, from the generated scripts', () => {
    expect(findObject(objects, 'StatefulSet', 'redis').spec.replicas).toBe(3);
    expect(pod.containers.map((c: any) => c.name)).toEqual(['app', 'sentinel']);
    expect(container('app').args[2]).toContain('exec redis-server "$conf"');
    expect(container('app').args[2]).toContain('echo "min-replicas-to-write 1"');
    expect(container('sentinel').args[2]).toContain('echo "sentinel monitor redis ${primary_host} ${primary_port} 2"');
    expect(container('sentinel').args[2]).toContain(
      'redis-0.redis.infra.svc.cluster.local:26379 redis-1.redis.infra.svc.cluster.local:26379 redis-2.redis.infra.svc.cluster.local:26379',
    );
    expect(container('sentinel').ports).toEqual([{ name: 'sentinel', containerPort: 26379, protocol: 'TCP' }]);
    expect(container('sentinel').volumeMounts).toContainEqual({
      name: 'secret-redis-auth',
      mountPath: '/var/run/secrets/redis-auth',
      readOnly: true,
    });
  });

  test('publishes every pod, ready or not, under the headless Service, with both ports', () => {
    const service = findObject(objects, 'Service', 'redis').spec;
    expect(service.clusterIP).toBe('None');
    expect(service.publishNotReadyAddresses).toBe(true);
    expect(service.ports.map((p: any) => p.port)).toEqual([6379, 26379]);
  });

  test('lets its own pods and its clients reach Redis and Sentinel', () => {
    const policy = findObject(objects, 'NetworkPolicy', 'redis').spec;
    const admitted = policy.ingress.map((r: any) => [
      r.from[0].podSelector.matchLabels['app.kubernetes.io/name'],
      r.ports[0].port,
    ]);
    expect(admitted).toEqual(
      expect.arrayContaining([
        ['redis', 6379],
        ['redis', 26379],
        ['orders', 6379],
        ['orders', 26379],
      ]),
    );
    const ownEgress = policy.egress.find(
      (r: any) => r.to[0].podSelector?.matchLabels['app.kubernetes.io/name'] === 'redis',
    );
    expect(ownEgress.ports.map((p: any) => p.port)).toEqual([6379, 26379]);
    const clientEgress = findObject(objects, 'NetworkPolicy', 'orders').spec.egress.find(
      (r: any) => r.to[0].podSelector?.matchLabels['app.kubernetes.io/name'] === 'redis',
    );
    expect(clientEgress.ports.map((p: any) => p.port)).toEqual([6379, 26379]);
  });

  test('gives clients the Sentinel addresses and the primary name', () => {
    expect(findObject(objects, 'ConfigMap', 'orders-config').data).toEqual({
      REDIS_SENTINELS:
        'redis-0.redis.infra.svc.cluster.local:26379,redis-1.redis.infra.svc.cluster.local:26379,redis-2.redis.infra.svc.cluster.local:26379',
      REDIS_SENTINEL_PRIMARY: 'redis',
    });
  });

  test('scales the quorum with the pods and the down time with downAfter', () => {
    const five = findObject(build({ replicas: 5, downAfter: Duration.seconds(10) }), 'StatefulSet', 'redis').spec
      .template.spec.containers[1].args[2];
    expect(five).toContain('sentinel monitor redis ${primary_host} ${primary_port} 3"');
    expect(five).toContain('sentinel down-after-milliseconds redis 10000"');
  });
});

describe('ReplicatedRedis refuses bad input', () => {
  const at = '[infra/test/redis]';
  test('fewer than three pods', () => {
    expect(() => build({ replicas: 2 })).toThrow(
      `${at} replicas 2 must be a whole number of at least 3: a Sentinel majority must survive one pod down and still find a replica to promote; use 3`,
    );
  });
  test.each([1, 4])('a quorum of %p with three pods', (quorum) => {
    expect(() => build({ quorum })).toThrow(
      `${at} quorum ${quorum} must be a majority of the 3 Sentinels (2 to 3), so the two sides of a split cannot both promote a primary; use 2`,
    );
  });
  test('a password secret without a password file', () => {
    expect(() => build({ password: { ...base.password, files: { secret: { key: 'prod/redis' } } } })).toThrow(
      `${at} password must be SecretFiles with a file named "password" (not asEnvironment), e.g. { name: 'redis-auth', store, files: { password: { key: 'prod/redis', property: 'password' } } }`,
    );
  });
  test('a primary name Sentinel would read as two words', () => {
    expect(() => build({ primaryName: 'my primary' })).toThrow(
      `${at} primaryName "my primary" must be one word of letters, digits, '.', '_' and '-', as Sentinel's configuration takes it unquoted; use e.g. "redis"`,
    );
  });
  test('a down time of part of a second', () => {
    expect(() => build({ downAfter: Duration.millis(500) })).toThrow(
      `${at} downAfter 500 millis must be a whole number of seconds, at least 1; use e.g. Duration.seconds(1)`,
    );
  });
});
