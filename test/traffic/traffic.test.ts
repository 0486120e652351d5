import { App, Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import {
  collectManifests,
  Peer,
  ProductionService,
  ProductionServiceProps,
  ServiceIngress,
  ServiceRoute,
  ServiceRouteProps,
  SharedGateway,
  SharedGatewayProps,
} from '../../lib';
import { findObject } from '../support/manifests';

const serviceProps: ProductionServiceProps = {
  image: 'registry.example.com/order-api:v4.2.1',
  resources: { cpu: { request: '1', limit: '2' }, memory: { request: '2Gi', limit: '3Gi' } },
};
const gatewayProps: SharedGatewayProps = {
  gatewayClassName: 'envoy-gateway',
  listeners: [{ name: 'https-shop', hostname: 'shop.example.com', certificateSecret: 'shop-tls' }],
};

function setup() {
  const app = new App();
  const stage = new Construct(app, 'production');
  const edge = new Chart(stage, 'gateway', { namespace: 'gateway', disableResourceNameHashes: true });
  const apps = new Chart(stage, 'order-api', { namespace: 'production', disableResourceNameHashes: true });
  const gateway = new SharedGateway(edge, 'shared', gatewayProps);
  const service = new ProductionService(apps, 'order-api', serviceProps);
  const objects = () => collectManifests(app).flatMap((f) => f.objects);
  return { app, edge, apps, gateway, service, objects };
}

describe('SharedGateway and ServiceRoute', () => {
  const { apps, gateway, service, objects } = setup();
  new ServiceRoute(apps, 'route', {
    gateway,
    listener: 'https-shop',
    hostnames: ['shop.example.com'],
    pathPrefixes: ['/orders'],
    backends: [{ service, weight: 100 }],
    requestTimeout: Duration.seconds(10),
    backendTimeout: Duration.seconds(4),
  });
  const all = objects();

  test('match their snapshot', () => {
    expect(all.filter((o: any) => ['Gateway', 'HTTPRoute'].includes(o.kind))).toMatchSnapshot();
  });

  test('terminate TLS on the listener and admit routes only from labelled namespaces', () => {
    const listener = findObject(all, 'Gateway', 'shared').spec.listeners[0];
    expect(listener).toMatchObject({
      name: 'https-shop',
      protocol: 'HTTPS',
      port: 443,
      tls: { certificateRefs: [{ kind: 'Secret', name: 'shop-tls' }] },
      allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { 'gateway-access': 'shared' } } } },
    });
  });

  test('route the hostname and path to the service port with timeouts', () => {
    const route = findObject(all, 'HTTPRoute', 'order-api');
    expect(route.metadata.namespace).toBe('production');
    expect(route.spec.parentRefs).toEqual([{ name: 'shared', namespace: 'gateway', sectionName: 'https-shop' }]);
    expect(route.spec.rules[0]).toEqual({
      matches: [{ path: { type: 'PathPrefix', value: '/orders' } }],
      backendRefs: [{ name: 'order-api', port: 80, weight: 100 }],
      timeouts: { request: '10s', backendRequest: '4s' },
    });
  });

  test('make Prometheus scrape the proxy pods, where Istio serves the edge request metrics', () => {
    expect(findObject(all, 'PodMonitor', 'shared-proxy')).toMatchObject({
      metadata: { namespace: 'gateway', labels: { release: 'kube-prometheus-stack' } },
      spec: {
        selector: { matchLabels: { 'gateway.networking.k8s.io/gateway-name': 'shared' } },
        podMetricsEndpoints: [{ port: 'http-envoy-prom', path: '/stats/prometheus' }],
      },
    });
  });

  test('admit the gateway proxy pods in the service NetworkPolicy', () => {
    const policy = findObject(all, 'NetworkPolicy', 'order-api');
    expect(policy.spec.ingress).toContainEqual({
      from: [
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'gateway' } },
          podSelector: { matchLabels: { 'gateway.networking.k8s.io/gateway-name': 'shared' } },
        },
      ],
      ports: [{ protocol: 'TCP', port: 8080 }],
    });
  });
});

describe('traffic bad input', () => {
  const route = (overrides: Partial<ServiceRouteProps>) => () => {
    const { apps, gateway, service } = setup();
    new ServiceRoute(apps, 'route', {
      gateway,
      hostnames: ['shop.example.com'],
      backends: [{ service, weight: 100 }],
      ...overrides,
    });
  };

  test('weights outside 0..100', () => {
    const { apps, gateway, service } = setup();
    expect(
      () =>
        new ServiceRoute(apps, 'r', { gateway, hostnames: ['shop.example.com'], backends: [{ service, weight: 120 }] }),
    ).toThrow('[production/order-api/r] backends[0].weight 120 is outside 0..100; use a whole percentage');
  });

  test('weights that do not add up to 100', () => {
    expect(route({ backends: [{ service: setup().service, weight: 90 }] })).toThrow(
      'backend weights add up to 90, not 100; adjust them, e.g. stable 90 and canary 10',
    );
  });

  test('a route to a port the service does not expose', () => {
    const { apps, gateway, service } = setup();
    expect(
      () =>
        new ServiceRoute(apps, 'r', {
          gateway,
          hostnames: ['shop.example.com'],
          backends: [{ service, weight: 100, port: 8080 }],
        }),
    ).toThrow(
      '[production/order-api/r] backends[0].port 8080 is not exposed by service order-api (it exposes 80); route to port 80',
    );
  });

  test('a hostname that is not a DNS name', () => {
    expect(route({ hostnames: ['Shop_Example'] })).toThrow(
      'hostnames[0] "Shop_Example" is not a valid DNS name; use lower-case labels separated by dots, such as "shop.example.com" or "*.example.com"',
    );
  });

  test('a listener the gateway does not have', () => {
    expect(route({ listener: 'http' })).toThrow(
      'listener "http" does not exist on gateway shared; use one of: https-shop',
    );
  });

  test('a production listener without TLS', () => {
    const chart = new Chart(new App(), 'gateway', { namespace: 'gateway' });
    expect(
      () =>
        new SharedGateway(chart, 'shared', {
          gatewayClassName: 'eg',
          listeners: [{ name: 'web', hostname: 'shop.example.com' }],
        }),
    ).toThrow(
      '[gateway/shared] listeners[0] "web" has no certificateSecret, so it would serve plain HTTP; set certificateSecret to the TLS Secret of shop.example.com, or requireTls: false outside staging and production',
    );
  });

  test('an Ingress without TLS', () => {
    const { apps, service } = setup();
    expect(
      () =>
        new ServiceIngress(apps, 'ing', {
          service,
          hostnames: ['shop.example.com'],
          ingressClassName: 'nginx',
          controllerPeer: Peer.namespace('ingress-nginx'),
        }),
    ).toThrow('[production/order-api/ing] tlsSecret is not set, so the Ingress would serve plain HTTP');
  });
});

test('ServiceIngress routes the hostname to the service with TLS and admits the controller', () => {
  const { apps, service, objects } = setup();
  new ServiceIngress(apps, 'ing', {
    service,
    hostnames: ['shop.example.com'],
    ingressClassName: 'nginx',
    tlsSecret: 'shop-tls',
    controllerPeer: Peer.namespace('ingress-nginx'),
  });
  const all = objects();
  const ingress = findObject(all, 'Ingress', 'order-api');
  expect(ingress.spec.tls).toEqual([{ hosts: ['shop.example.com'], secretName: 'shop-tls' }]);
  expect(ingress.spec.rules[0].http.paths[0].backend).toEqual({ service: { name: 'order-api', port: { number: 80 } } });
  expect(findObject(all, 'NetworkPolicy', 'order-api').spec.ingress).toHaveLength(2);
});
