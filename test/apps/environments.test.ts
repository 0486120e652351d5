import { diffValues } from '../../lib/output/diff';
import { environments } from '../../apps/config';
import * as fs from 'fs';
import * as path from 'path';
import { renderOutput } from '../../lib';
import { listFiles } from '../support/manifests';
import { DIST, findIn as find, platformOutput } from './support/output';

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
  expect(find('production', 'PodDisruptionBudget', 'order-api').spec.maxUnavailable).toBe('10%');
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
      // the external endpoints (MySQL, Kafka) are environment data: each environment has its own network
      'metadata.annotations.cdk8s-production.io/external-dependencies',
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
    [
      version,
      'data.LOG_LEVEL',
      'data.SPRING_DATASOURCE_URL',
      'data.SPRING_KAFKA_BOOTSTRAPSERVERS',
      'data.SPRING_PROFILES_ACTIVE',
    ].sort(),
  );
  expect(changed('Service', 'order-api')).toEqual([version]);
  // MySQL, Kafka and the API server live in each environment's own network
  expect(changed('NetworkPolicy', 'order-api')).toEqual([
    version,
    'spec.egress[1].to[0].ipBlock.cidr',
    'spec.egress[2].to[0].ipBlock.cidr',
    'spec.egress[4].to[0].ipBlock.cidr',
  ]);
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

test('the shared build is what synth writes: the committed dist/, byte for byte', () => {
  const output = platformOutput();
  const dist = DIST;
  const files = renderOutput(output.manifests, output.texts);
  expect([...files.keys()].sort()).toEqual(listFiles(dist).sort());
  for (const [file, content] of files) expect(fs.readFileSync(path.join(dist, file), 'utf8')).toBe(content);
});

test('the shared build checks each output folder on its own and says what it holds', () => {
  const output = platformOutput();
  expect(output.folders.map((f) => f.folder)).toEqual(['dev', 'staging', 'production', 'argocd', 'bootstrap']);
  for (const summary of output.folders) {
    const files = output.manifests.filter((f) => f.path.startsWith(`${summary.folder}/`));
    expect(summary).toEqual({
      folder: summary.folder,
      files: files.length,
      objects: files.reduce((n, f) => n + f.objects.length, 0),
      exemptions: expect.any(Number),
    });
  }
  // The node agents and the etcd backup carry reasoned Pod Security exemptions.
  expect(output.folders.find((f) => f.folder === 'production')!.exemptions).toBeGreaterThan(0);
});
