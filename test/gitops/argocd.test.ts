import { App, Chart } from 'cdk8s';
import { EnvironmentDelivery, footprintOf, RootApplication } from '../../lib';
import { environments, gitSource } from '../../apps/config';
import { buildOutput } from '../../apps/synth';

const output = buildOutput();
const argocd = output.manifests.find((f) => f.path === 'argocd/applications.yaml')!.objects as any[];
const find = (kind: string, name: string) => argocd.find((o) => o.kind === kind && o.metadata.name === name);

describe('Argo CD delivery', () => {
  test('matches its snapshot', () => {
    expect(
      output.manifests.filter((f) => f.path.startsWith('argocd/') || f.path.startsWith('bootstrap/')),
    ).toMatchSnapshot();
  });

  test('limits each project to this repository, its clusters, its namespaces and the cluster kinds it writes', () => {
    const project = find('AppProject', 'production');
    expect(project.spec.sourceRepos).toEqual([gitSource.repoURL]);
    const namespaces = ['batch', 'etcd-backup', 'gateway', 'infra', 'monitoring', 'node-agents', 'production'];
    expect(project.spec.destinations).toEqual(
      ['prod-eu-1', 'prod-eu-2'].flatMap((c) =>
        namespaces.map((namespace) => ({ server: `https://${c}.k8s.example.com`, namespace })),
      ),
    );
    expect(project.spec.clusterResourceWhitelist).toEqual([
      { group: '', kind: 'Namespace' },
      { group: 'cert-manager.io', kind: 'ClusterIssuer' },
      { group: 'external-secrets.io', kind: 'ClusterSecretStore' },
      { group: 'kyverno.io', kind: 'ClusterPolicy' },
      { group: 'scheduling.k8s.io', kind: 'PriorityClass' },
      { group: 'storage.k8s.io', kind: 'StorageClass' },
    ]);
  });

  test('fans production out to one automated Application per cluster', () => {
    for (const cluster of ['prod-eu-1', 'prod-eu-2']) {
      const app = find('Application', `production-${cluster}`);
      expect(app.spec.source).toEqual({ repoURL: gitSource.repoURL, targetRevision: 'main', path: 'dist/production' });
      expect(app.spec.destination).toEqual({ server: `https://${cluster}.k8s.example.com`, namespace: 'production' });
      expect(app.spec.project).toBe('production');
      expect(app.spec.syncPolicy.automated).toEqual({ prune: true, selfHeal: true });
      expect(app.spec.syncPolicy.syncOptions).toContain('CreateNamespace=false');
      expect(app.spec.syncPolicy.retry).toEqual({
        limit: 5,
        backoff: { duration: '10s', factor: 2, maxDuration: '3m' },
      });
    }
    expect(argocd.filter((o) => o.kind === 'Application')).toHaveLength(4);
  });

  test('creates projects before applications', () => {
    expect(find('AppProject', 'dev').metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('-2');
    expect(find('Application', 'dev-dev-eu-1').metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('0');
  });

  test('bootstraps with a root app-of-apps pointing at dist/argocd', () => {
    const root = output.manifests.find((f) => f.path === 'bootstrap/root.yaml')!.objects as any[];
    const app = root.find((o) => o.kind === 'Application');
    expect(app.metadata.name).toBe('root');
    expect(app.spec.source.path).toBe('dist/argocd');
    expect(app.spec.project).toBe('platform');
    expect(root.find((o) => o.kind === 'AppProject').spec.namespaceResourceWhitelist).toEqual([
      { group: 'argoproj.io', kind: 'Application' },
      { group: 'argoproj.io', kind: 'AppProject' },
    ]);
  });

  test('refuses an Application path that synthesis does not write', () => {
    const chart = new Chart(new App(), 'argocd');
    expect(
      () =>
        new EnvironmentDelivery(chart, 'production', {
          environment: environments.get('production'),
          source: gitSource,
          path: 'dist/prod',
          knownPaths: ['dist/production'],
          footprint: footprintOf([]),
        }),
    ).toThrow(
      '[argocd/production] path "dist/prod" does not exist in the synthesized output; use one of: dist/production',
    );
    expect(
      () => new RootApplication(chart, 'root', { source: gitSource, path: 'dist/apps', knownPaths: ['dist/argocd'] }),
    ).toThrow('[argocd/root] path "dist/apps" does not exist in the synthesized output; use one of: dist/argocd');
  });
});

test('footprintOf lists namespaces and cluster-scoped kinds', () => {
  expect(
    footprintOf([
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
      { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'batch' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'infra' } },
    ]),
  ).toEqual({
    namespaces: ['infra', 'shop'],
    clusterResources: [
      { group: '', kind: 'Namespace' },
      { group: 'scheduling.k8s.io', kind: 'PriorityClass' },
    ],
  });
});
