import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  applySyncWaves,
  DeliveryAccess,
  collectManifests,
  Environment,
  EnvironmentDelivery,
  FLEET_CLUSTER_LABEL,
  footprintOf,
  PolicyMode,
  RootApplication,
  APPLICATION_HEALTH_KEY,
  APPLICATION_HEALTH_LUA,
  ZoneSpread,
} from '../../lib';
import { findObject, validateObjects } from '../support/manifests';

const source = { repoURL: 'https://git.example.com/shop/deploy.git', targetRevision: 'main' };
const knownPaths = ['dist/shop', 'dist/argocd'];
const environment = new Environment({
  name: 'shop',
  namespace: 'shop',
  clusters: [
    { name: 'eu-1', server: 'https://eu-1.example.com' },
    { name: 'eu-2', server: 'https://eu-2.example.com' },
  ],
  images: { web: 'registry.example.com/web:v1.0.0' },
  capacity: {},
  nodePool: 'general',
  zoneSpread: ZoneSpread.BEST_EFFORT,
  policyMode: PolicyMode.ENFORCE,
});
const footprint = footprintOf([
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web', namespace: 'shop' } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cache', namespace: 'infra' } },
  { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'retained' } },
]);

/** The delivery objects of the `shop` environment and the root application, sync waves applied. */
function delivery() {
  const app = new App();
  const argocd = new Chart(new Construct(app, 'argocd'), 'applications', { disableResourceNameHashes: true });
  new EnvironmentDelivery(argocd, 'shop', { environment, source, path: 'dist/shop', knownPaths, footprint });
  applySyncWaves(argocd);
  const bootstrap = new Chart(new Construct(app, 'bootstrap'), 'root', { disableResourceNameHashes: true });
  new RootApplication(bootstrap, 'root', { source, path: 'dist/argocd', knownPaths });
  return collectManifests(app);
}

describe('Argo CD delivery', () => {
  const files = delivery();
  const objects = files.flatMap((f) => f.objects);
  const find = (kind: string, name: string) => findObject(objects, kind, name);

  test('matches its snapshot', () => {
    expect(files).toMatchSnapshot();
  });

  test('limits each project to the repository, the clusters, the namespaces and the cluster kinds of its footprint', () => {
    const project = find('AppProject', 'shop');
    expect(project.spec.sourceRepos).toEqual([source.repoURL]);
    expect(project.spec.destinations).toEqual(
      ['eu-1', 'eu-2'].flatMap((c) =>
        ['infra', 'shop'].map((namespace) => ({ server: `https://${c}.example.com`, namespace })),
      ),
    );
    expect(project.spec.clusterResourceWhitelist).toEqual([
      { group: '', kind: 'Namespace' },
      { group: 'storage.k8s.io', kind: 'StorageClass' },
    ]);
  });

  test('fans the environment out to one automated Application per cluster', () => {
    for (const cluster of ['eu-1', 'eu-2']) {
      const app = find('Application', `shop-${cluster}`);
      expect(app.spec.source).toEqual({ repoURL: source.repoURL, targetRevision: 'main', path: 'dist/shop' });
      expect(app.spec.destination).toEqual({ server: `https://${cluster}.example.com`, namespace: 'shop' });
      expect(app.spec.project).toBe('shop');
      expect(app.spec.syncPolicy.automated).toEqual({ prune: true, selfHeal: true });
      expect(app.spec.syncPolicy.syncOptions).toContain('CreateNamespace=false');
      // Compared on the server, with mutating webhooks, as Kyverno's notes for Argo CD recommend.
      expect(app.metadata.annotations['argocd.argoproj.io/compare-options']).toBe(
        'ServerSideDiff=true,IncludeMutationWebhook=true',
      );
      expect(app.spec.syncPolicy.retry).toEqual({
        limit: 5,
        backoff: { duration: '10s', factor: 2, maxDuration: '3m' },
      });
    }
    expect(objects.filter((o) => o.kind === 'Application' && (o.metadata as any)?.name !== 'root')).toHaveLength(2);
  });

  test('creates projects before applications', () => {
    expect(find('AppProject', 'shop').metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('-2');
    expect(find('Application', 'shop-eu-1').metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('0');
  });

  test('bootstraps with a root app-of-apps pointing at the folder of the Applications', () => {
    const root = files.find((f) => f.path === 'bootstrap/root.yaml')!.objects as any[];
    const app = root.find((o) => o.kind === 'Application');
    expect(app.metadata.name).toBe('root');
    expect(app.spec.source.path).toBe('dist/argocd');
    expect(app.spec.project).toBe('platform');
    // Neither a change in Git nor deleting the root app removes an Application unconfirmed.
    expect(app.spec.syncPolicy.automated).toEqual({ prune: false, selfHeal: true });
    expect(app.metadata.finalizers).toBeUndefined();
    expect(root.find((o) => o.kind === 'AppProject').spec.namespaceResourceWhitelist).toEqual([
      { group: 'argoproj.io', kind: 'Application' },
      { group: 'argoproj.io', kind: 'ApplicationSet' },
      { group: 'argoproj.io', kind: 'AppProject' },
    ]);
  });

  test('bootstraps the Application health check, so the root app waits for each wave', () => {
    const root = files.find((f) => f.path === 'bootstrap/root.yaml')!.objects as any[];
    const settings = root.find((o) => o.kind === 'ConfigMap');
    expect(settings.metadata).toMatchObject({
      name: 'argocd-cm',
      namespace: 'argocd',
      labels: { 'app.kubernetes.io/part-of': 'argocd' },
    });
    expect(settings.data).toEqual({ [APPLICATION_HEALTH_KEY]: APPLICATION_HEALTH_LUA });
  });

  test('refuses an Application path that synthesis does not write', () => {
    const chart = new Chart(new App(), 'argocd');
    expect(
      () =>
        new EnvironmentDelivery(chart, 'production', {
          environment,
          source,
          path: 'dist/prod',
          knownPaths: ['dist/production'],
          footprint: footprintOf([]),
        }),
    ).toThrow(
      '[argocd/production] path "dist/prod" does not exist in the synthesized output; use one of: dist/production',
    );
    expect(
      () => new RootApplication(chart, 'root', { source, path: 'dist/apps', knownPaths: ['dist/argocd'] }),
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

describe('Argo CD project roles and sync windows', () => {
  const project = (delivery: DeliveryAccess) => {
    const app = new App();
    const chart = new Chart(new Construct(app, 'argocd'), 'applications', { disableResourceNameHashes: true });
    const env = new Environment({ ...environment.props, delivery });
    new EnvironmentDelivery(chart, 'shop', { environment: env, source, path: 'dist/shop', knownPaths, footprint });
    return findObject(
      collectManifests(app).flatMap((f) => f.objects),
      'AppProject',
      'shop',
    );
  };

  test('lets the deployers sync and override, and denies Argo CD exec when asked', () => {
    const spec = project({ deployers: ['sre'], denyExec: true }).spec;
    expect(spec.roles).toEqual([
      {
        name: 'deployers',
        description: 'May sync and override the shop Applications; never exec into their pods',
        groups: ['sre'],
        policies: [
          'p, proj:shop:deployers, applications, get, shop/*, allow',
          'p, proj:shop:deployers, applications, sync, shop/*, allow',
          'p, proj:shop:deployers, applications, override, shop/*, allow',
          'p, proj:shop:deployers, exec, create, shop/*, deny',
        ],
      },
    ]);
    expect(spec.syncWindows).toBeUndefined();
  });

  test('writes the sync windows for every Application of the project', () => {
    const spec = project({
      deployers: ['sre'],
      syncWindows: [{ kind: 'allow', schedule: '0 8 * * 1-4', duration: '8h', manualSync: true }],
    }).spec;
    expect(spec.syncWindows).toEqual([
      {
        kind: 'allow',
        schedule: '0 8 * * 1-4',
        duration: '8h',
        timeZone: 'UTC',
        manualSync: true,
        applications: ['*'],
      },
    ]);
    expect(spec.roles[0].policies).not.toContain('p, proj:shop:deployers, exec, create, shop/*, deny');
  });

  test('refuses a delivery without deployers', () => {
    expect(() => project({ deployers: [] })).toThrow(
      "[environments/shop] delivery.deployers is empty; name the Argo CD groups that may sync shop, e.g. ['sre']",
    );
  });

  test('writes no roles when the environment declares no delivery access', () => {
    expect(project(undefined as unknown as DeliveryAccess).spec.roles).toBeUndefined();
  });
});

describe('target revisions', () => {
  test("each Application deploys its cluster's revision, else its environment's, else the source's", () => {
    const staged = new Environment({
      ...environment.props,
      targetRevision: 'release-7',
      clusters: [
        { name: 'eu-1', server: 'https://eu-1.example.com', targetRevision: 'release-8' },
        { name: 'eu-2', server: 'https://eu-2.example.com' },
      ],
    });
    const app = new App();
    const argocd = new Chart(new Construct(app, 'argocd'), 'applications', { disableResourceNameHashes: true });
    new EnvironmentDelivery(argocd, 'shop', { environment: staged, source, path: 'dist/shop', knownPaths, footprint });
    const objects = collectManifests(app).flatMap((f) => f.objects);
    expect(findObject(objects, 'Application', 'shop-eu-1').spec.source.targetRevision).toBe('release-8');
    expect(findObject(objects, 'Application', 'shop-eu-2').spec.source.targetRevision).toBe('release-7');
    const unstaged = delivery().flatMap((f) => f.objects);
    expect(findObject(unstaged, 'Application', 'shop-eu-1').spec.source.targetRevision).toBe('main');
  });
});

describe('a fleet delivered by one ApplicationSet', () => {
  const fleet = new Environment({ ...environment.props, applicationSet: true, targetRevision: 'release-2026.11' });
  const objects = (() => {
    const app = new App();
    const argocd = new Chart(new Construct(app, 'argocd'), 'applications', { disableResourceNameHashes: true });
    new EnvironmentDelivery(argocd, 'shop', { environment: fleet, source, path: 'dist/shop', knownPaths, footprint });
    return collectManifests(app).flatMap((f) => f.objects) as any[];
  })();
  const set = findObject(objects, 'ApplicationSet', 'shop');

  test('generates an Application per cluster registered with the environment label, instead of listing them', () => {
    expect(objects.filter((o) => o.kind === 'Application')).toEqual([]);
    expect(set.spec.generators).toEqual([
      { clusters: { selector: { matchLabels: { [FLEET_CLUSTER_LABEL]: 'shop' } } } },
    ]);
    expect(set.spec.goTemplate).toBe(true);
    expect(set.spec.template.metadata.name).toBe('shop-{{ .nameNormalized }}');
    expect(set.spec.template.spec.destination).toEqual({ server: '{{ .server }}', namespace: 'shop' });
  });

  test('gives each Application the source, sync policy and comparison of the per-cluster form', () => {
    const perCluster = findObject(
      delivery().flatMap((f) => f.objects),
      'Application',
      'shop-eu-1',
    );
    expect(set.spec.template.spec.source).toEqual({ ...perCluster.spec.source, targetRevision: 'release-2026.11' });
    expect(set.spec.template.spec.syncPolicy).toEqual(perCluster.spec.syncPolicy);
    const compare = 'argocd.argoproj.io/compare-options';
    expect(set.spec.template.metadata.annotations).toEqual({ [compare]: perCluster.metadata.annotations[compare] });
  });

  test('never deletes what its Applications deployed, nor the Applications themselves', () => {
    // No resources finalizer: deleting a generated Application (or the ApplicationSet, or a cluster
    // losing its label) leaves the cluster's objects in place; create-update never deletes Applications.
    expect(set.spec.template.metadata.finalizers).toBeUndefined();
    expect(set.spec.syncPolicy).toEqual({ preserveResourcesOnDeletion: true, applicationsSync: 'create-update' });
  });

  test('still admits only the listed clusters in the project, so a cluster labelled by mistake is refused', () => {
    const project = findObject(objects, 'AppProject', 'shop');
    expect([...new Set(project.spec.destinations.map((d: any) => d.server))]).toEqual([
      'https://eu-1.example.com',
      'https://eu-2.example.com',
    ]);
  });

  test('refuses a cluster pinned to its own revision: a fleet follows one', () => {
    expect(
      () =>
        new Environment({
          ...environment.props,
          applicationSet: true,
          clusters: [{ name: 'eu-1', server: 'https://eu-1.example.com', targetRevision: 'release-1' }],
        }),
    ).toThrow(
      '[environments/shop] clusters[0].targetRevision is set, but an ApplicationSet delivers one revision to every ' +
        'cluster of the fleet; drop applicationSet to promote cluster by cluster, or set targetRevision for the environment',
    );
  });

  test('is valid against the vendored ApplicationSet CRD schema', () => {
    const report = validateObjects([set]);
    expect(report.errors).toEqual([]);
  });
});
