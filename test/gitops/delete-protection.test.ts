import { App, ApiObject, Chart } from 'cdk8s';
import { applyDeleteProtection, collectManifests, isDeleteProtected, SYNC_OPTIONS_ANNOTATION } from '../../lib';
import { findObject } from '../support/manifests';

function objects() {
  const app = new App();
  const chart = new Chart(app, 'shop', { disableResourceNameHashes: true });
  const object = (kind: string, apiVersion: string, name: string, annotations?: Record<string, string>) =>
    new ApiObject(chart, `${kind}-${name}`, { apiVersion, kind, metadata: { name, annotations } });
  object('Namespace', 'v1', 'shop');
  object('StatefulSet', 'apps/v1', 'redis', { [SYNC_OPTIONS_ANNOTATION]: 'ServerSideApply=true, Prune=true' });
  object('PersistentVolumeClaim', 'v1', 'data');
  object('StorageClass', 'storage.k8s.io/v1', 'gp3-retain');
  object('PriorityClass', 'scheduling.k8s.io/v1', 'online-critical');
  object('ClusterSecretStore', 'external-secrets.io/v1', 'platform-secrets');
  object('ClusterIssuer', 'cert-manager.io/v1', 'letsencrypt');
  object('Deployment', 'apps/v1', 'web');
  object('ConfigMap', 'v1', 'web');
  applyDeleteProtection(app);
  return collectManifests(app).flatMap((f) => f.objects);
}

describe('applyDeleteProtection', () => {
  const all = objects();

  test('marks the kinds whose loss loses data or takes the platform down Prune=false,Delete=false', () => {
    const marked = all.filter((o) => isDeleteProtected(o)).map((o) => `${o.kind}/${(o.metadata as any).name}`);
    expect(marked.sort()).toEqual([
      'ClusterIssuer/letsencrypt',
      'ClusterSecretStore/platform-secrets',
      'Namespace/shop',
      'PersistentVolumeClaim/data',
      'PriorityClass/online-critical',
      'StatefulSet/redis',
      'StorageClass/gp3-retain',
    ]);
    expect(findObject(all, 'Namespace', 'shop').metadata.annotations[SYNC_OPTIONS_ANNOTATION]).toBe(
      'Prune=false,Delete=false',
    );
  });

  test('keeps other sync options and replaces a Prune option already given', () => {
    expect(findObject(all, 'StatefulSet', 'redis').metadata.annotations[SYNC_OPTIONS_ANNOTATION]).toBe(
      'ServerSideApply=true,Prune=false,Delete=false',
    );
  });

  test('leaves workloads and configuration to prune normally', () => {
    expect(findObject(all, 'Deployment', 'web').metadata.annotations).toBeUndefined();
    expect(findObject(all, 'ConfigMap', 'web').metadata.annotations).toBeUndefined();
  });
});

test('isDeleteProtected reads either option, with spaces, and nothing else', () => {
  const withOptions = (value: unknown) => ({ metadata: { annotations: { [SYNC_OPTIONS_ANNOTATION]: value } } });
  expect(isDeleteProtected(withOptions('Delete=false'))).toBe(true);
  expect(isDeleteProtected(withOptions('ServerSideApply=true, Prune=false'))).toBe(true);
  expect(isDeleteProtected(withOptions('Prune=confirm'))).toBe(false);
  expect(isDeleteProtected(withOptions(3))).toBe(false);
  expect(isDeleteProtected({})).toBe(false);
});
