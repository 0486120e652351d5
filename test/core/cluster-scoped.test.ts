import { Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import {
  clusterScoped,
  EtcdBackup,
  KyvernoClusterPolicy,
  PolicyMode,
  PolicyPack,
  PriorityClasses,
  RetainedStorageClass,
  Tenant,
} from '../../lib';
import { synthChart } from '../support/manifests';

/** The kinds Kubernetes does not namespace, among those this library writes. */
const CLUSTER_SCOPED_KINDS = ['Namespace', 'StorageClass', 'PriorityClass', 'ClusterPolicy'];

describe('cluster-scoped objects', () => {
  test('carry no namespace even in a chart that has one', () => {
    const objects = synthChart((chart) => {
      clusterScoped(new k8s.KubeNamespace(chart, 'Namespace', { metadata: { name: 'gateway' } }));
      new k8s.KubeConfigMap(chart, 'Settings', { metadata: { name: 'settings' } });
    });
    expect(objects.map((o: any) => [o.kind, o.metadata.namespace])).toEqual([
      ['Namespace', undefined],
      ['ConfigMap', 'production'],
    ]);
  });

  test.each<[string, (chart: Chart) => void]>([
    [
      'Tenant',
      (chart) =>
        new Tenant(chart, 'shop', {
          quota: { cpu: { request: '1', limit: '2' }, memory: { request: '1Gi', limit: '2Gi' } },
        }),
    ],
    ['RetainedStorageClass', (chart) => new RetainedStorageClass(chart, 'gp3-retain')],
    ['PriorityClasses', (chart) => new PriorityClasses(chart, 'priority-classes')],
    ['PolicyPack', (chart) => new PolicyPack(chart, 'policies', { mode: PolicyMode.ENFORCE })],
    [
      'KyvernoClusterPolicy',
      (chart) => new KyvernoClusterPolicy(chart, 'policy', { name: 'p', description: 'd', rules: [] }),
    ],
    [
      'EtcdBackup',
      (chart) =>
        new EtcdBackup(chart, 'etcd-backup', { image: 'registry.example.com/etcd-tools:v3.5.16-1', nodeName: 'cp-1' }),
    ],
  ])('%s makes them so in whatever chart it is created', (_, build) => {
    const objects = synthChart(build) as any[];
    const clusterScopedObjects = objects.filter((o) => CLUSTER_SCOPED_KINDS.includes(o.kind));
    expect(clusterScopedObjects.length).toBeGreaterThan(0);
    expect(
      clusterScopedObjects.filter((o) => 'namespace' in o.metadata).map((o) => `${o.kind}/${o.metadata.name}`),
    ).toEqual([]);
  });
});
