import { diffValues } from '../../lib';
import { environments } from '../../apps/config';
import { findIn as find, platformOutput } from './support/output';

// The whole output is pinned byte for byte by the drift test (synth.test.ts); these tests name what matters.
describe.each(['dev', 'staging', 'production'])('the %s environment', (env) => {
  test('writes its namespace with the restricted Pod Security labels', () => {
    const ns = find(env, 'Namespace', env);
    expect(ns.metadata.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/warn': 'restricted',
    });
  });

  test('runs order-api with the pinned image of the environment', () => {
    const image = find(env, 'Deployment', 'order-api').spec.template.spec.containers[0].image;
    expect(image).toBe(environments.get(env).imageOf('order-api'));
  });

  test('orders the sync: namespace, then identities and config, then workloads', () => {
    const wave = (kind: string, name: string) =>
      find(env, kind, name).metadata.annotations['argocd.argoproj.io/sync-wave'];
    expect(wave('Namespace', env)).toBe('-2');
    expect(wave('ServiceAccount', 'order-api')).toBe('-1');
    expect(wave('ConfigMap', 'order-api-config')).toBe('-1');
    expect(wave('Deployment', 'order-api')).toBe('0');
  });
});

test('production runs the guide values', () => {
  const hpa = find('production', 'HorizontalPodAutoscaler', 'order-api');
  expect([hpa.spec.minReplicas, hpa.spec.maxReplicas]).toEqual([8, 50]);
  expect(find('production', 'PodDisruptionBudget', 'order-api').spec.minAvailable).toBe(6);
});

test('dev and production differ exactly where the environment model says', () => {
  const strip = (o: any, env: string) => JSON.parse(JSON.stringify(o).split(`"${env}"`).join('"<env>"'));
  const changed = (kind: string, name: string) =>
    diffValues(strip(find('production', kind, name), 'production'), strip(find('dev', kind, name), 'dev')).map(
      (c) => c.path,
    );
  const version = 'metadata.labels.app.kubernetes.io/version';
  const podVersion = 'spec.template.metadata.labels.app.kubernetes.io/version';
  expect(changed('Deployment', 'order-api').sort()).toEqual(
    [
      version,
      podVersion,
      'spec.template.metadata.annotations.checksum/config',
      'spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values[0]',
      'spec.template.spec.containers[app].env[OTEL_RESOURCE_ATTRIBUTES].value',
      'spec.template.spec.containers[app].image',
      'spec.template.spec.containers[app].resources.limits.cpu',
      'spec.template.spec.containers[app].resources.limits.memory',
      'spec.template.spec.containers[app].resources.requests.cpu',
      'spec.template.spec.containers[app].resources.requests.memory',
      'spec.template.spec.topologySpreadConstraints[0].whenUnsatisfiable',
    ].sort(),
  );
  expect(changed('HorizontalPodAutoscaler', 'order-api').sort()).toEqual(
    [
      version,
      'spec.maxReplicas',
      'spec.metrics[0].resource.target.averageUtilization',
      'spec.metrics[1]',
      'spec.minReplicas',
    ].sort(),
  );
  expect(changed('ConfigMap', 'order-api-config').sort()).toEqual(
    [version, 'data.LOG_LEVEL', 'data.SPRING_PROFILES_ACTIVE'].sort(),
  );
  expect(changed('Service', 'order-api')).toEqual([version]);
  expect(changed('NetworkPolicy', 'order-api')).toEqual([version]);
});

test('writes a summary per environment next to its manifests', () => {
  expect(platformOutput().texts.map((t) => t.path)).toEqual([
    'dev/SUMMARY.md',
    'staging/SUMMARY.md',
    'production/SUMMARY.md',
  ]);
});

test('runs the etcd backup in staging and production, whose clusters keep their state, and not in dev', () => {
  const files = platformOutput().manifests.map((f) => f.path);
  expect(['dev', 'staging', 'production'].filter((env) => files.includes(`${env}/etcd-backup.yaml`))).toEqual([
    'staging',
    'production',
  ]);
});
