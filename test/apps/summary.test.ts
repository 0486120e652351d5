import { renderSummary } from '../../lib';
import { findIn, objectsIn, platformOutput } from './support/output';

describe('the production summary', () => {
  const summary = renderSummary('production', objectsIn('production'));

  test('tabulates order-api with the guide values and every peer the platform wires to it', () => {
    expect(summary).toContain(
      '| Deployment production/order-api | 8..50 (HPA) | 1 / 2 | 2Gi / 3Gi | maxUnavailable 10% | online-critical | ' +
        'node-pool In online-general; apart across hosts; spread over zone (skew 1, DoNotSchedule) | order-api:80 (http) -> http | ' +
        'namespace monitoring (TCP/8080)<br>pods gateway.networking.k8s.io/gateway-name=shop in namespace gateway (TCP/8080) | ' +
        'namespace kube-system (UDP/53, TCP/53)<br>infra/redis (TCP/6379, TCP/26379)<br>cidr 10.30.40.0/24 (TCP/3306)<br>' +
        'cidr 10.30.50.0/24 (TCP/9092)<br>namespace monitoring (TCP/4317)<br>cidr 10.30.0.0/28 (TCP/6443) |',
    );
  });

  test('lists the external dependencies with their reasons', () => {
    expect(summary).toContain(
      '| Deployment production/order-api | mysql (orders-db.10-30.db.example.com) | 10.30.40.0/24 TCP/3306 | the managed MySQL of the order data, run by the database team |',
    );
  });

  test('draws order-api between the gateway, Redis and DNS', () => {
    expect(summary).toMatch(
      /\["pods gateway.networking.k8s.io\/gateway-name=shop in namespace gateway"\] -->\|"TCP\/8080"\| n\d+\["production\/order-api"\]/,
    );
    expect(summary).toMatch(/\["production\/order-api"\] -->\|"TCP\/6379"\| n\d+\["infra\/redis"\]/);
    expect(summary).toMatch(/\["production\/order-api"\] -->\|"UDP\/53, TCP\/53"\| n\d+\["namespace kube-system"\]/);
  });
});

test('the staging environment runs order-api with a canary at 10%', () => {
  const summary = platformOutput().texts.find((t) => t.path === 'staging/SUMMARY.md')!.content;
  // Redis admits both tracks: the canary's egress to infra:6379 would be useless otherwise.
  expect(summary).toMatch(
    /\| StatefulSet infra\/redis \|.*staging\/order-api-canary \(TCP\/6379\)<br>staging\/order-api \(TCP\/6379\)/,
  );
  expect(findIn('staging', 'HTTPRoute', 'order-api').spec.rules[0].backendRefs).toEqual([
    { name: 'order-api', port: 80, weight: 90 },
    { name: 'order-api-canary', port: 80, weight: 10 },
  ]);
  expect(findIn('staging', 'Deployment', 'order-api-canary').spec.template.spec.containers[0].image).toBe(
    'registry.example.com/order-api:v4.3.0-rc.2',
  );
});
