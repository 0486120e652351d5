import { App, Chart } from 'cdk8s';
import { Peer, Probe, ProductionService, RetainedStorageClass, StatefulService, StatefulServiceProps } from '../../lib';
import { findObject, synthChart, validateObjects } from '../support/manifests';

function build(props: Partial<StatefulServiceProps> = {}) {
  return synthChart((chart) => {
    const storageClass = new RetainedStorageClass(new Chart(new App(), 'cluster'), 'gp3-retain');
    new StatefulService(chart, 'redis', {
      image: 'docker.io/library/redis:7.4.2',
      resources: { cpu: { request: '500m', limit: '1' }, memory: { request: '1Gi', limit: '1Gi' } },
      containerPort: 6379,
      portName: 'redis',
      storage: { size: '20Gi', storageClass },
      probes: { readiness: Probe.command(['redis-cli', 'ping']), liveness: Probe.tcp(), startup: Probe.tcp() },
      network: { ingress: [{ from: Peer.podsInNamespace('production', { 'app.kubernetes.io/name': 'order-api' }) }] },
      secrets: [
        { name: 'redis-auth', store: 'platform-secrets', files: { password: { key: 'redis', property: 'password' } } },
      ],
      ...props,
    });
  }, 'infra');
}

describe('StatefulService', () => {
  const objects = build();
  const statefulSet = findObject(objects, 'StatefulSet', 'redis');
  const pod = statefulSet.spec.template.spec;

  test('synthesizes the whole stateful shape', () => {
    expect(objects).toMatchSnapshot();
    expect(objects.map((o: any) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'ServiceAccount/redis',
      'ExternalSecret/redis-auth',
      'StatefulSet/redis',
      'Service/redis',
      'PodDisruptionBudget/redis',
      'NetworkPolicy/redis',
    ]);
  });

  test('is valid against the Kubernetes and External Secrets schemas', () => {
    const report = validateObjects(objects);
    expect(report.errors).toEqual([]);
    expect(report.unvalidated).toEqual([]);
  });

  test('gives each replica its own volume on the Retain class and keeps claims on delete and scale-down', () => {
    expect(statefulSet.spec.volumeClaimTemplates).toEqual([
      {
        metadata: {
          name: 'data',
          labels: { 'app.kubernetes.io/instance': 'redis', 'app.kubernetes.io/name': 'redis' },
        },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: 'gp3-retain',
          resources: { requests: { storage: '20Gi' } },
        },
      },
    ]);
    expect(statefulSet.spec.persistentVolumeClaimRetentionPolicy).toEqual({
      whenDeleted: 'Retain',
      whenScaled: 'Retain',
    });
    expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'data', mountPath: '/data' });
  });

  test('is reached through a headless Service with stable per-pod names', () => {
    const service = findObject(objects, 'Service', 'redis');
    expect(service.spec.clusterIP).toBe('None');
    expect(statefulSet.spec.serviceName).toBe('redis');
    expect(service.spec.ports).toEqual([{ name: 'redis', port: 6379, targetPort: 'redis', protocol: 'TCP' }]);
  });

  test('lets one replica go at a time during drains', () => {
    expect(findObject(objects, 'PodDisruptionBudget', 'redis').spec.maxUnavailable).toBe(1);
  });

  test('shares the security, placement, probes and labels of ProductionService', () => {
    const stateless = findObject(
      synthChart(
        (chart) =>
          new ProductionService(chart, 'redis', {
            image: 'docker.io/library/redis:7.4.2',
            resources: { cpu: { request: '500m', limit: '1' }, memory: { request: '1Gi', limit: '1Gi' } },
          }),
        'infra',
      ),
      'Deployment',
      'redis',
    ).spec.template.spec;
    expect(pod.securityContext).toEqual(stateless.securityContext);
    expect(pod.containers[0].securityContext).toEqual(stateless.containers[0].securityContext);
    // A StatefulSet has no pod-template-hash: its pods are counted across revisions.
    const { matchLabelKeys, ...spread } = stateless.topologySpreadConstraints[0];
    expect(matchLabelKeys).toEqual(['pod-template-hash']);
    expect(pod.topologySpreadConstraints).toEqual([spread]);
    expect(pod.affinity).toEqual(stateless.affinity);
    expect(pod.containers[0].readinessProbe.exec.command).toEqual(['redis-cli', 'ping']);
    expect(statefulSet.spec.replicas).toBe(3);
    expect(pod.priorityClassName).toBe('online-standard');
    expect(pod.automountServiceAccountToken).toBe(false);
  });

  test('mounts the ExternalSecret as read-only files', () => {
    expect(pod.volumes).toContainEqual({
      name: 'secret-redis-auth',
      secret: { secretName: 'redis-auth', defaultMode: 0o440 },
    });
    expect(pod.containers[0].volumeMounts).toContainEqual({
      name: 'secret-redis-auth',
      mountPath: '/var/run/secrets/redis-auth',
      readOnly: true,
    });
  });

  test('admits the declared peers on its port and allows DNS', () => {
    const policy = findObject(objects, 'NetworkPolicy', 'redis');
    expect(policy.spec.ingress).toEqual([
      {
        from: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'production' } },
            podSelector: { matchLabels: { 'app.kubernetes.io/name': 'order-api' } },
          },
        ],
        ports: [{ protocol: 'TCP', port: 6379 }],
      },
    ]);
    expect(policy.spec.egress).toHaveLength(1);
  });

  test('fails without a storage size', () => {
    expect(() => build({ storage: undefined as any })).toThrow(
      "[infra/test/redis] storage.size is required: each replica keeps its data on its own volume and there is no safe default; add storage: { size: '10Gi', storageClass } sized for the data plus growth",
    );
  });

  test('fails on a storage size that is not a quantity', () => {
    expect(() => build({ storage: { size: 'lots', storageClass: undefined as any } })).toThrow(
      '[infra/test/redis] storage.size "lots" is not a Kubernetes quantity; use e.g. "10Gi"',
    );
  });
});
