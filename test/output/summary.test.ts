import { renderSummary } from '../../lib';
import { buildOutput } from '../../apps/synth';

const production = buildOutput()
  .manifests.filter((f) => f.path.startsWith('production/'))
  .flatMap((f) => f.objects);
const summary = renderSummary('production', production);

test('tabulates each workload with replicas, resources, budget, priority, placement, ports and peers', () => {
  expect(summary).toContain(
    '| Deployment production/order-api | 8..50 (HPA) | 1 / 2 | 2Gi / 3Gi | minAvailable 6 | online-critical | ' +
      'node-pool In online-general; apart across hosts; spread over zone (skew 1, DoNotSchedule) | order-api:80 (http) -> http | ' +
      'namespace monitoring (TCP/8080)<br>pods gateway.networking.k8s.io/gateway-name=shop in namespace gateway (TCP/8080) | ' +
      'namespace kube-system (UDP/53, TCP/53)<br>infra/redis (TCP/6379)<br>cidr 10.30.40.0/24 (TCP/3306)<br>' +
      'cidr 10.30.50.0/24 (TCP/9092)<br>namespace monitoring (TCP/4317)<br>cidr 10.30.0.0/28 (TCP/443) |',
  );
});

test('draws who may talk to whom from the NetworkPolicies', () => {
  expect(summary).toContain('```mermaid\nflowchart LR\n');
  expect(summary).toMatch(
    /\["pods gateway.networking.k8s.io\/gateway-name=shop in namespace gateway"\] -->\|"TCP\/8080"\| n\d+\["production\/order-api"\]/,
  );
  expect(summary).toMatch(/\["production\/order-api"\] -->\|"TCP\/6379"\| n\d+\["infra\/redis"\]/);
  expect(summary).toMatch(/\["production\/order-api"\] -->\|"UDP\/53, TCP\/53"\| n\d+\["namespace kube-system"\]/);
});

test('lists the external dependencies with their reasons', () => {
  expect(summary).toContain(
    '| Deployment production/order-api | mysql (orders-db.10-30.db.example.com) | 10.30.40.0/24 TCP/3306 | the managed MySQL of the order data, run by the database team |',
  );
});

test('names a workload peer when a policy selects pods of another workload', () => {
  const objects = [
    deployment('web', { app: 'web' }),
    deployment('api', { app: 'api' }),
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'api', namespace: 'shop' },
      spec: {
        podSelector: { matchLabels: { app: 'api' } },
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }] }],
      },
    },
  ];
  const text = renderSummary('shop', objects);
  expect(text).toContain('["shop/web"] -->|"any port"| n1["shop/api"]');
  expect(text).toContain('| Deployment shop/web | 1 |');
  expect(text).toMatch(/\| Deployment shop\/web \|.*\| unrestricted \| unrestricted \|/);
});

test('lists every kind that runs pods, as the readiness rules read them', () => {
  const labels = { app: 'debug' };
  const template = { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'x:1' }] } };
  const text = renderSummary('shop', [
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'debug', namespace: 'shop', labels }, spec: template.spec },
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'legacy', namespace: 'shop' },
      spec: { replicas: 2, template },
    },
    { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate', namespace: 'shop' }, spec: { template } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'shop' } },
  ]);
  expect(text).toContain('| Job shop/migrate | 1 |');
  expect(text).toContain('| ReplicaSet shop/legacy | 2 |');
  expect(text).toContain('| Pod shop/debug | 1 |');
  expect(text).not.toContain('ConfigMap');
});

function deployment(name: string, labels: Record<string, string>) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'shop' },
    spec: {
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'c', image: 'x:1' }] } },
    },
  };
}
