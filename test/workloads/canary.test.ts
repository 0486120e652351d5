import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  collectManifests,
  Environment,
  EnvironmentProps,
  Peer,
  PolicyMode,
  ProductionService,
  ProductionServiceProps,
  ServiceRoute,
  SharedGateway,
  ZoneSpread,
} from '../../lib';
import { selectorMatches } from '../../lib/core/label-selector';
import { findObject } from '../support/manifests';

const base: ProductionServiceProps = {
  image: 'registry.example.com/order-api:v4.2.1',
  resources: { cpu: { request: '1', limit: '2' }, memory: { request: '2Gi', limit: '3Gi' } },
  config: { LOG_LEVEL: 'INFO' },
  permissions: [{ resources: ['configmaps'], verbs: ['get'] }],
  autoscaling: { minReplicas: 4, maxReplicas: 10, cpuUtilization: 65 },
  network: { ingress: [{ from: Peer.pods({ app: 'gateway' }) }], apiServer: { cidr: '10.0.0.0/28' } },
  canary: { image: 'registry.example.com/order-api:v4.3.0', replicas: 2 },
};

function build(props: ProductionServiceProps = base) {
  const app = new App();
  const stage = new Construct(app, 'staging');
  const edge = new Chart(stage, 'gateway', { namespace: 'gateway', disableResourceNameHashes: true });
  const gateway = new SharedGateway(edge, 'shop', {
    gatewayClassName: 'istio',
    listeners: [{ name: 'shop', hostname: 'shop.example.com', certificateSecret: 'shop-tls' }],
  });
  const chart = new Chart(stage, 'order-api', { namespace: 'staging', disableResourceNameHashes: true });
  const service = new ProductionService(chart, 'order-api', props);
  return { service, gateway, chart, objects: () => collectManifests(app).flatMap((f) => f.objects) };
}

describe('a ProductionService with a canary track', () => {
  const { service, gateway, chart, objects } = build();
  new ServiceRoute(chart, 'route', {
    gateway,
    hostnames: ['shop.example.com'],
    backends: [
      { service, weight: 90 },
      { service: service.canary!, weight: 10 },
    ],
  });
  const all = objects();
  const stablePod = findObject(all, 'Deployment', 'order-api').spec.template;
  const canaryPod = findObject(all, 'Deployment', 'order-api-canary').spec.template;

  test('adds a Deployment, Service, budget, policy and monitor named <name>-canary', () => {
    expect(all.filter((o: any) => o.metadata.name === 'order-api-canary').map((o: any) => o.kind)).toEqual([
      'Deployment',
      'Service',
      'PodDisruptionBudget',
      'NetworkPolicy',
      'ServiceMonitor',
    ]);
  });

  test('runs its own image, version label and replica count', () => {
    expect(canaryPod.spec.containers[0].image).toBe('registry.example.com/order-api:v4.3.0');
    expect(canaryPod.metadata.labels['app.kubernetes.io/version']).toBe('v4.3.0');
    expect(canaryPod.metadata.labels['app.kubernetes.io/instance']).toBe('order-api-canary');
    expect(findObject(all, 'Deployment', 'order-api-canary').spec.replicas).toBe(2);
  });

  test('reports its own version in telemetry, keeping the service name and the variables set in env', () => {
    const env = (pod: any) =>
      Object.fromEntries(pod.spec.containers[0].env.map((e: any) => [e.name, e.value])) as Record<string, string>;
    expect(env(canaryPod).OTEL_RESOURCE_ATTRIBUTES).toBe(
      'k8s.namespace.name=staging,service.namespace=order-api,service.version=v4.3.0',
    );
    expect(env(stablePod).OTEL_RESOURCE_ATTRIBUTES).toContain('service.version=v4.2.1');
    expect(env(canaryPod).OTEL_SERVICE_NAME).toBe(env(stablePod).OTEL_SERVICE_NAME);
    const overridden = findObject(
      build({ ...base, env: { OTEL_TRACES_SAMPLER_ARG: '1' } }).objects(),
      'Deployment',
      'order-api-canary',
    ).spec.template;
    expect(env(overridden).OTEL_TRACES_SAMPLER_ARG).toBe('1');
    expect(env(overridden).OTEL_RESOURCE_ATTRIBUTES).toContain('service.version=v4.3.0');
  });

  test('shares the ServiceAccount, ConfigMap and probes of the stable track', () => {
    expect(canaryPod.spec.serviceAccountName).toBe('order-api');
    expect(canaryPod.spec.containers[0].envFrom).toEqual(stablePod.spec.containers[0].envFrom);
    expect(canaryPod.spec.containers[0].readinessProbe).toEqual(stablePod.spec.containers[0].readinessProbe);
    expect(canaryPod.metadata.annotations).toEqual(stablePod.metadata.annotations);
  });

  test('never lets a stable selector pick canary pods or the other way round', () => {
    const selectors = (name: string) => [
      { matchLabels: findObject(all, 'Service', name).spec.selector },
      findObject(all, 'PodDisruptionBudget', name).spec.selector,
      findObject(all, 'NetworkPolicy', name).spec.podSelector,
      findObject(all, 'Deployment', name).spec.selector,
    ];
    for (const selector of selectors('order-api')) {
      expect(selectorMatches(selector, stablePod.metadata.labels)).toBe(true);
      expect(selectorMatches(selector, canaryPod.metadata.labels)).toBe(false);
    }
    for (const selector of selectors('order-api-canary')) {
      expect(selectorMatches(selector, canaryPod.metadata.labels)).toBe(true);
      expect(selectorMatches(selector, stablePod.metadata.labels)).toBe(false);
    }
  });

  test('applies the stable network rules to the canary, including the gateway admitted by the route', () => {
    const stable = findObject(all, 'NetworkPolicy', 'order-api').spec;
    const canary = findObject(all, 'NetworkPolicy', 'order-api-canary').spec;
    expect(canary.ingress).toEqual(stable.ingress);
    expect(canary.egress).toEqual(stable.egress);
    expect(canary.ingress).toContainEqual(
      expect.objectContaining({
        from: [
          expect.objectContaining({
            podSelector: { matchLabels: { 'gateway.networking.k8s.io/gateway-name': 'shop' } },
          }),
        ],
      }),
    );
  });

  test('keeps a budget that always allows a drain and leaves the HPA on the stable track', () => {
    expect(findObject(all, 'PodDisruptionBudget', 'order-api-canary').spec.maxUnavailable).toBe(1);
    expect(findObject(all, 'HorizontalPodAutoscaler', 'order-api').spec.scaleTargetRef.name).toBe('order-api');
  });

  test('splits the route 90/10 between the two Services', () => {
    expect(findObject(all, 'HTTPRoute', 'order-api').spec.rules[0].backendRefs).toEqual([
      { name: 'order-api', port: 80, weight: 90 },
      { name: 'order-api-canary', port: 80, weight: 10 },
    ]);
  });

  test('names every track for alerts and quota', () => {
    expect(service.trackNames).toEqual(['order-api', 'order-api-canary']);
    expect(service.canary!.maxReplicas).toBe(2);
  });
});

test('blue-green is the same code: weight 100 to a full-size second track', () => {
  const { service, gateway, chart, objects } = build({ ...base, canary: { image: base.canary!.image, replicas: 4 } });
  new ServiceRoute(chart, 'route', {
    gateway,
    hostnames: ['shop.example.com'],
    backends: [
      { service, weight: 0 },
      { service: service.canary!, weight: 100 },
    ],
  });
  expect(findObject(objects(), 'HTTPRoute', 'order-api').spec.rules[0].backendRefs.map((b: any) => b.weight)).toEqual([
    0, 100,
  ]);
});

describe('canary bad input', () => {
  test('a canary running the stable image', () => {
    expect(() => build({ ...base, canary: { image: base.image } })).toThrow(
      '[staging/order-api/order-api/Canary] canary.image "registry.example.com/order-api:v4.2.1" is the stable image; a canary must run the release under test, e.g. registry.example.com/order-api:<next version>',
    );
  });

  test('a canary on the latest tag', () => {
    expect(() => build({ ...base, canary: { image: 'registry.example.com/order-api:latest' } })).toThrow(
      'canary.image "registry.example.com/order-api:latest" uses the mutable tag "latest"',
    );
  });

  const env: EnvironmentProps = {
    name: 'staging',
    namespace: 'staging',
    clusters: [{ name: 'staging-eu-1', server: 'https://staging.example.com' }],
    images: { 'order-api': 'registry.example.com/order-api:v4.2.1' },
    capacity: {},
    nodePool: 'online-general',
    zoneSpread: ZoneSpread.BEST_EFFORT,
    policyMode: PolicyMode.ENFORCE,
  };

  test('a canary weight outside 0..100 in the environment data', () => {
    expect(
      () =>
        new Environment({
          ...env,
          canaries: { 'order-api': { image: 'registry.example.com/order-api:v4.3.0', weight: 120 } },
        }),
    ).toThrow(
      '[environments/staging] canaries.order-api.weight 120 is outside 0..100; use a whole percentage such as 10',
    );
  });

  test('a canary left behind after promotion', () => {
    expect(
      () => new Environment({ ...env, canaries: { 'order-api': { image: env.images['order-api'], weight: 10 } } }),
    ).toThrow(
      '[environments/staging] canaries.order-api.image "registry.example.com/order-api:v4.2.1" is already the stable image; promotion is done: remove canaries.order-api',
    );
  });
});
