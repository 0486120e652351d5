import { environments, gitSource } from '../../apps/config';
import { findIn, objectsIn } from './support/output';

const find = (kind: string, name: string) => findIn('argocd', kind, name);

describe('the Argo CD delivery of the example platform', () => {
  test('limits the production project to this repository, its clusters, its namespaces and the cluster kinds it writes', () => {
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
      { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' },
      { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding' },
      { group: 'scheduling.k8s.io', kind: 'PriorityClass' },
      { group: 'storage.k8s.io', kind: 'StorageClass' },
    ]);
  });

  test('fans production out to one automated Application per cluster', () => {
    for (const cluster of ['prod-eu-1', 'prod-eu-2']) {
      const app = find('Application', `production-${cluster}`);
      expect(app.spec.source).toEqual({
        repoURL: gitSource.repoURL,
        targetRevision: environments.get('production').props.targetRevision,
        path: 'dist/production',
      });
      expect(app.spec.destination).toEqual({ server: `https://${cluster}.k8s.example.com`, namespace: 'production' });
      expect(app.spec.project).toBe('production');
    }
    // One per cluster of dev (1), staging (1) and production (2); the add-on Applications come on top.
    const environmentApps = objectsIn('argocd').filter(
      (o: any) => o.kind === 'Application' && ['dev', 'staging', 'production'].includes(o.spec.project),
    );
    expect(environmentApps).toHaveLength(4);
  });

  test('creates projects before applications', () => {
    expect(find('AppProject', 'dev').metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('-2');
    expect(find('Application', 'dev-dev-eu-1').metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('0');
  });

  test('bootstraps with a root app-of-apps pointing at dist/argocd', () => {
    expect(findIn('bootstrap', 'Application', 'root').spec.source.path).toBe('dist/argocd');
  });
});
