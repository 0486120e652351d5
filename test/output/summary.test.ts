import { Peer, PriorityTier, ProductionService, Protocol, renderSummary, ZoneSpread } from '../../lib';
import { synthChart } from '../support/manifests';

const objects = synthChart((chart) => {
  new ProductionService(chart, 'api', {
    image: 'registry.example.com/api:v1.2.0',
    resources: { cpu: { request: '1', limit: '2' }, memory: { request: '2Gi', limit: '3Gi' } },
    autoscaling: { minReplicas: 8, maxReplicas: 50, cpuUtilization: 65 },
    placement: { nodePool: 'online-general', zoneSpread: ZoneSpread.STRICT },
    priority: PriorityTier.ONLINE_CRITICAL,
    network: {
      ingress: [{ from: Peer.pods({ app: 'gateway' }) }],
      egress: [{ to: Peer.namespace('infra'), ports: [{ port: 6379, protocol: Protocol.TCP }] }],
    },
  });
}, 'shop');
const summary = renderSummary('shop', objects);

test('tabulates each workload with replicas, resources, budget, priority, placement, ports and peers', () => {
  expect(summary).toContain(
    '| Deployment shop/api | 8..50 (HPA) | 1 / 2 | 2Gi / 3Gi | maxUnavailable 10% | online-critical | ' +
      'node-pool In online-general; apart across hosts; spread over zone (skew 1, DoNotSchedule) | api:80 (http) -> http | ' +
      'pods app=gateway (TCP/8080)<br>namespace monitoring (TCP/8080) | namespace infra (TCP/6379)<br>namespace monitoring (TCP/4317)<br>namespace kube-system (UDP/53, TCP/53) |',
  );
});

test('draws who may talk to whom from the NetworkPolicies', () => {
  expect(summary).toContain('```mermaid\nflowchart LR\n');
  expect(summary).toMatch(/\["pods app=gateway"\] -->\|"TCP\/8080"\| n\d+\["shop\/api"\]/);
  expect(summary).toMatch(/\["shop\/api"\] -->\|"TCP\/6379"\| n\d+\["namespace infra"\]/);
  expect(summary).toMatch(/\["shop\/api"\] -->\|"UDP\/53, TCP\/53"\| n\d+\["namespace kube-system"\]/);
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
