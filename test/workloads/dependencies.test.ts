import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  checkManifests,
  collectManifests,
  Dependency,
  ProductionService,
  ProductionServiceProps,
  StatefulService,
} from '../../lib';
import { findObject } from '../support/manifests';

const image = 'registry.example.com/catalog:v2.0.1';
const resources = { cpu: { request: '250m', limit: '500m' }, memory: { request: '256Mi', limit: '256Mi' } };
const mysql = {
  name: 'mysql',
  host: 'orders-db.example.com',
  cidr: '10.30.40.0/24',
  port: 3306,
  reason: 'the managed MySQL of the order data',
};

/** An environment with a Redis in `infra` and a catalog service in `shop` that depends on it and on MySQL. */
function platform(props: Partial<ProductionServiceProps> = {}, stage = 'production') {
  const app = new App();
  const env = new Construct(app, stage);
  const redis = new StatefulService(new Chart(env, 'infra', { namespace: 'infra' }), 'redis', {
    image: 'docker.io/library/redis:7.4.2',
    resources,
    containerPort: 6379,
    storage: { size: '10Gi', storageClass: { name: 'gp3-retain' } },
  });
  const services = new Chart(env, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
  const catalog = new ProductionService(services, 'catalog', {
    image,
    resources,
    dependsOn: [Dependency.on(redis), Dependency.external(mysql)],
    ...props,
  });
  return { app, env, redis, catalog, objects: () => collectManifests(app).flatMap((f) => f.objects) };
}

describe('declared dependencies', () => {
  const { objects } = platform();
  const all = objects();
  const clientPolicy = findObject(all, 'NetworkPolicy', 'catalog');
  const serverPolicy = findObject(all, 'NetworkPolicy', 'redis');

  test("one declaration opens the client's egress and the server's ingress", () => {
    expect(clientPolicy.spec.egress).toContainEqual({
      to: [
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'infra' } },
          podSelector: { matchLabels: { 'app.kubernetes.io/name': 'redis' } },
        },
      ],
      ports: [{ port: 6379, protocol: 'TCP' }],
    });
    expect(serverPolicy.spec.ingress).toContainEqual({
      from: [
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } },
          podSelector: { matchLabels: { 'app.kubernetes.io/name': 'catalog' } },
        },
      ],
      ports: [{ port: 6379, protocol: 'TCP' }],
    });
  });

  test('an external endpoint opens the egress to its block and is recorded with its reason', () => {
    expect(clientPolicy.spec.egress).toContainEqual({
      to: [{ ipBlock: { cidr: '10.30.40.0/24' } }],
      ports: [{ port: 3306, protocol: 'TCP' }],
    });
    const annotation = findObject(all, 'Deployment', 'catalog').metadata.annotations[
      'cdk8s-production.io/external-dependencies'
    ];
    expect(JSON.parse(annotation)).toEqual([{ ...mysql, protocol: 'TCP' }]);
  });

  test('the telemetry endpoint the env points at is let out automatically', () => {
    expect(clientPolicy.spec.egress).toContainEqual({
      to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
      ports: [{ port: 4317, protocol: 'TCP' }],
    });
  });

  test('the readiness rules find both sides of every path', () => {
    const ids = checkManifests(all, { pack: 'production' }).findings.map((f) => f.ruleId);
    expect(ids.filter((id) => ['network-path-admitted', 'env-endpoint-egress'].includes(id))).toEqual([]);
  });

  test('with permissions, the API server is let out', () => {
    const withApi = platform({
      permissions: [{ resources: ['configmaps'], verbs: ['get'] }],
      network: { apiServer: { cidr: '10.30.0.0/28' } },
    }).objects();
    expect(findObject(withApi, 'NetworkPolicy', 'catalog').spec.egress).toContainEqual({
      to: [{ ipBlock: { cidr: '10.30.0.0/28' } }],
      ports: [{ port: 443, protocol: 'TCP' }],
    });
  });
});

describe('declared dependencies refuse', () => {
  test('a dependency on a workload of another environment', () => {
    const staging = platform({}, 'staging');
    const services = new Chart(new Construct(staging.app, 'production'), 'shop', { namespace: 'shop' });
    expect(
      () => new ProductionService(services, 'cart', { image, resources, dependsOn: [Dependency.on(staging.redis)] }),
    ).toThrow(
      "[production/shop/cart] dependsOn[0] is infra/redis of [staging/infra/redis], another environment; a workload depends only on workloads of its own environment: depend on that environment's own redis",
    );
  });

  test('nothing when both workloads sit in charts directly under the App, one output', () => {
    const app = new App();
    const redis = new StatefulService(new Chart(app, 'infra', { namespace: 'infra' }), 'redis', {
      image: 'docker.io/library/redis:7.4.2',
      resources,
      containerPort: 6379,
      storage: { size: '10Gi', storageClass: { name: 'gp3-retain' } },
    });
    const shop = new Chart(app, 'shop', { namespace: 'shop' });
    expect(
      () => new ProductionService(shop, 'cart', { image, resources, dependsOn: [Dependency.on(redis)] }),
    ).not.toThrow();
  });

  test('an external dependency without a sentence of reason', () => {
    expect(() => platform({ dependsOn: [Dependency.external({ ...mysql, reason: 'database' })] })).toThrow(
      `[production/shop/catalog] dependsOn[0] (mysql) needs a reason in a sentence (at least four words, got "database") saying why it lives outside this repository, e.g. reason: 'the managed MySQL of the data team'`,
    );
  });

  test('permissions without the API server endpoint', () => {
    expect(() => platform({ permissions: [{ resources: ['configmaps'], verbs: ['get'] }] })).toThrow(
      "[production/shop/catalog] permissions give the pods an API token, but their NetworkPolicy would block the API server; set network.apiServer to its endpoints (kubectl get endpoints kubernetes), e.g. { cidr: '10.0.0.1/32', port: 443 }",
    );
  });

  test('a telemetry endpoint outside the cluster', () => {
    expect(() => platform({ telemetry: { otlpEndpoint: 'https://otlp.vendor.example.com:4317' } })).toThrow(
      '[production/shop/catalog] telemetry.otlpEndpoint "https://otlp.vendor.example.com:4317" is not an in-cluster Service URL',
    );
  });
});

describe('the readiness rule env-endpoint-egress', () => {
  test('reports an in-cluster URL in the env that the egress policy blocks', () => {
    const { objects } = platform({ env: { SEARCH_URL: 'http://search.catalog-search.svc:9200' } });
    const findings = checkManifests(objects(), { pack: 'production' }).findings.filter(
      (f) => f.ruleId === 'env-endpoint-egress',
    );
    expect(findings.map((f) => f.message)).toEqual([
      'container "app" variable SEARCH_URL points at search.catalog-search.svc:9200 (namespace catalog-search, port 9200), which NetworkPolicy catalog does not let these pods reach',
    ]);
  });
});
