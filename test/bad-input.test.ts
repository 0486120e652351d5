import { App, Chart, Duration } from 'cdk8s';
import { ConfigMap } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  collectManifests,
  LiteralSecret,
  NodeAgent,
  NodeAgentProps,
  Peer,
  Probe,
  ProductionService,
  ProductionServiceProps,
  StatefulService,
  StatefulServiceProps,
  ScheduledJob,
  ScheduledJobProps,
  GatewayListener,
  ServiceIngress,
  ServiceIngressProps,
  ServiceRoute,
  ServiceRouteProps,
  SharedGateway,
  Tenant,
  TenantProps,
} from '../lib';
import { validateObjects } from './support/manifests';

// Every case goes through the public API as a consumer would. A refused case names the construct
// path, the prop, the value and the fix; an accepted case synthesizes without an error.

const image = 'registry.example.com/catalog:v2.0.1';
const resources = { cpu: { request: '250m', limit: '500m' }, memory: { request: '256Mi', limit: '256Mi' } };

function chart(): Chart {
  return new Chart(new Construct(new App(), 'shop'), 'services', {
    namespace: 'shop',
    disableResourceNameHashes: true,
  });
}

const service = (props: Partial<ProductionServiceProps>) => () =>
  new ProductionService(chart(), 'catalog', { image, resources, ...props });
const database = (props: Partial<StatefulServiceProps>) => () =>
  new StatefulService(chart(), 'redis', {
    image: 'docker.io/library/redis:7.4.2',
    resources,
    containerPort: 6379,
    storage: { size: '10Gi', storageClass: { name: 'gp3-retain' } },
    ...props,
  });
const tenant = (props: Partial<TenantProps>) => () =>
  new Tenant(chart(), 'team', {
    name: 'shop',
    quota: { cpu: { request: '4', limit: '8' }, memory: { request: '8Gi', limit: '16Gi' } },
    ...props,
  });
const cpu = (request: string, limit = '2') => ({ ...resources, cpu: { request, limit } });
const memory = (request: string, limit = '4Gi') => ({ ...resources, memory: { request, limit } });

type Case = [description: string, build: () => unknown, refusal?: string];

/** Quantities: Kubernetes' grammar, and units that make sense for the resource. */
const quantities: Case[] = [
  [
    'memory "512m" (half a byte)',
    service({ resources: memory('512m') }),
    '[shop/services/catalog] resources.memory.request "512m" is 0.512 bytes (m means milli); did you mean "512Mi"?',
  ],
  [
    'memory "512" (bytes)',
    service({ resources: memory('512') }),
    '[shop/services/catalog] resources.memory.request "512" is 512 bytes; did you mean "512Mi"?',
  ],
  [
    'storage "10" (bytes)',
    database({ storage: { size: '10', storageClass: { name: 'gp3-retain' } } }),
    '[shop/services/redis] storage.size "10" is 10 bytes; did you mean "10Gi"?',
  ],
  [
    'storage "10m"',
    database({ storage: { size: '10m', storageClass: { name: 'gp3-retain' } } }),
    '[shop/services/redis] storage.size "10m" is 0.01 bytes (m means milli); did you mean "10Gi"?',
  ],
  [
    'cpu "0" request and limit',
    service({ resources: cpu('0', '0'), autoscaling: { minReplicas: 2, maxReplicas: 4, cpuUtilization: 70 } }),
    '[shop/services/catalog] resources.cpu.request "0" must be more than 0; use e.g. "500m" or "2"',
  ],
  [
    'cpu "-1"',
    service({ resources: cpu('-1') }),
    '[shop/services/catalog] resources.cpu.request "-1" must be more than 0; use e.g. "500m" or "2"',
  ],
  [
    'cpu "1Gi"',
    service({ resources: cpu('1Gi') }),
    '[shop/services/catalog] resources.cpu.request "1Gi" has a binary suffix, which means nothing for CPU; use cores ("2") or millicores ("500m")',
  ],
  [
    'cpu "0.0001"',
    service({ resources: cpu('0.0001') }),
    '[shop/services/catalog] resources.cpu.request "0.0001" is below 1m, the smallest CPU amount Kubernetes schedules; use at least "1m"',
  ],
  [
    'cpu "two"',
    service({ resources: cpu('two') }),
    '[shop/services/catalog] resources.cpu.request "two" is not a Kubernetes quantity; use e.g. "500m" or "2"',
  ],
  [
    'cpu "1.5.0"',
    service({ resources: cpu('1.5.0') }),
    '[shop/services/catalog] resources.cpu.request "1.5.0" is not a Kubernetes quantity',
  ],
  [
    'memory "1.5" (a fraction of a byte)',
    service({ resources: memory('1.5') }),
    '[shop/services/catalog] resources.memory.request "1.5" is not a whole number of bytes; use e.g. "512Mi" or "2Gi"',
  ],
  [
    'memory "2GB"',
    service({ resources: memory('2GB') }),
    '[shop/services/catalog] resources.memory.request "2GB" is not a Kubernetes quantity; use e.g. "512Mi" or "2Gi"',
  ],
  [
    'quota storage "500"',
    tenant({ quota: { cpu: { request: '4', limit: '8' }, memory: { request: '8Gi', limit: '16Gi' }, storage: '500' } }),
    '[shop/services/team] quota.storage "500" is 500 bytes; did you mean "500Gi"?',
  ],
  [
    'quota cpu "0"',
    tenant({ quota: { cpu: { request: '0', limit: '8' }, memory: { request: '8Gi', limit: '16Gi' } } }),
    '[shop/services/team] quota.cpu.request "0" must be more than 0',
  ],
  ['cpu "1500m"', service({ resources: cpu('1500m') })],
  ['cpu "1.5"', service({ resources: cpu('1.5') })],
  ['cpu "+1"', service({ resources: cpu('+1') })],
  ['cpu "1e0" (decimal exponent)', service({ resources: cpu('1e0') })],
  ['cpu ".5"', service({ resources: cpu('.5') })],
  ['memory "1G" (decimal SI)', service({ resources: memory('1G') })],
  ['memory "1e9" (decimal exponent)', service({ resources: memory('1e9') })],
  ['memory "1073741824" (bytes, 1Gi)', service({ resources: memory('1073741824') })],
  ['memory "1.5Gi"', service({ resources: memory('1.5Gi') })],
  ['memory "512Ki"', service({ resources: memory('512Ki', '1Gi') })],
  ['storage "1Ti"', database({ storage: { size: '1Ti', storageClass: { name: 'gp3-retain' } } })],
];

/** Props that would silently do nothing. */
const silent: Case[] = [
  [
    'replicas together with autoscaling',
    service({ replicas: 3, autoscaling: { minReplicas: 2, maxReplicas: 4, cpuUtilization: 70 } }),
    '[shop/services/catalog] replicas (3) and autoscaling are both set, and the HPA owns the replica count; remove replicas and set autoscaling.minReplicas and maxReplicas',
  ],
  [
    'an autoscaled minimum of 1 (a PDB that protects no pod)',
    service({ autoscaling: { minReplicas: 1, maxReplicas: 4, cpuUtilization: 70 } }),
    '[shop/services/catalog] autoscaling.minReplicas (1) lets the autoscaler run a single pod, which any drain evicts with nothing left to serve; raise autoscaling.minReplicas to 2 or more',
  ],
  [
    'an autoscaled service with a fixed minAvailable',
    service({ minAvailable: 0, autoscaling: { minReplicas: 3, maxReplicas: 6, cpuUtilization: 70 } }),
    '[shop/services/catalog] minAvailable (0) is a fixed floor, but the autoscaler runs 3..6 pods, so at 6 a drain could evict 6 at once; remove minAvailable and set disruptionBudgetPercent (e.g. 10)',
  ],
  [
    'cpuUtilization 150 (above the request, as Kubernetes allows)',
    service({ autoscaling: { minReplicas: 2, maxReplicas: 4, cpuUtilization: 150 } }),
  ],
  [
    'cpuUtilization 0',
    service({ autoscaling: { minReplicas: 2, maxReplicas: 4, cpuUtilization: 0 } }),
    '[shop/services/catalog] autoscaling.cpuUtilization 0 must be a whole percentage of the CPU request, at least 1 (above 100 is allowed: 150 targets 1.5 times the request)',
  ],
  [
    'cpuUtilization 65.5',
    service({ autoscaling: { minReplicas: 2, maxReplicas: 4, cpuUtilization: 65.5 } }),
    'autoscaling.cpuUtilization 65.5 must be a whole percentage',
  ],
];

const hex = (n: number) => 'ab12'.repeat(32).slice(0, n);

/** Image references by the OCI distribution grammar. */
const images: Case[] = [
  [
    'an upper-case repository',
    service({ image: 'registry.example.com/Shop/Catalog:v2.0.1' }),
    '[shop/services/catalog] image "registry.example.com/Shop/Catalog:v2.0.1" has an upper-case repository path "Shop"; repository paths are lower case: registry.example.com/shop/catalog:v2.0.1',
  ],
  [
    'a sha256 digest of 63 hex digits',
    service({ image: `registry.example.com/catalog@sha256:${hex(63)}` }),
    '[shop/services/catalog] image "registry.example.com/catalog@sha256:' +
      hex(63) +
      '" has a sha256 digest of 63 hex digits; a sha256 digest has exactly 64',
  ],
  [
    'a digest in upper case',
    service({ image: `registry.example.com/catalog@sha256:${hex(64).toUpperCase()}` }),
    'has upper-case hex digits in its sha256 digest; registries write them in lower case',
  ],
  [
    'a digest without an algorithm',
    service({ image: `registry.example.com/catalog@${hex(64)}` }),
    'has a malformed digest; use @sha256:<64 hex digits>',
  ],
  [
    'no tag',
    service({ image: 'registry.example.com/catalog' }),
    '[shop/services/catalog] image "registry.example.com/catalog" has no tag, so it means "latest"; pin a version such as registry.example.com/catalog:v1.2.3 or a digest',
  ],
  ['the latest tag', service({ image: 'registry.example.com/catalog:latest' }), 'uses the mutable tag "latest"'],
  ['a tag starting with a dot', service({ image: 'registry.example.com/catalog:.v1' }), 'has a malformed tag'],
  [
    'a tag of 129 characters',
    service({ image: `registry.example.com/catalog:v${'1'.repeat(128)}` }),
    'has a malformed tag',
  ],
  [
    'a path with a double dash and dot',
    service({ image: 'registry.example.com/shop/catalog..api:v1' }),
    'has a malformed repository path "catalog..api"',
  ],
  [
    'a registry port that is not a number',
    service({ image: 'registry.example.com:http/catalog:v1' }),
    'has a malformed registry host "registry.example.com:http"',
  ],
  ['spaces', service({ image: 'registry.example.com/catalog :v1' }), 'is not an image reference'],
  ['a sha256 digest of 64 hex digits', service({ image: `registry.example.com/catalog@sha256:${hex(64)}` })],
  ['a tag and a digest', service({ image: `registry.example.com/catalog:v2.0.1@sha256:${hex(64)}` })],
  ['a sha512 digest', service({ image: `registry.example.com/catalog@sha512:${hex(128)}` })],
  ['a registry with a port', service({ image: 'localhost:5000/catalog:v2.0.1' })],
  ['a registry at an IPv6 address', service({ image: '[fd00::1]:5000/catalog:v2.0.1' })],
  [
    'a registry at a bracketed host that is no IPv6 address',
    service({ image: '[fd00::zz]:5000/catalog:v2.0.1' }),
    'has a malformed registry host "[fd00::zz]:5000"',
  ],
  ['an upper-case registry host', service({ image: 'Registry.Example.com/catalog:v2.0.1' })],
  ['a Docker Hub library image', service({ image: 'redis:7.4.2' })],
  ['separators __, . and - in a path', service({ image: 'registry.example.com/shop__team/catalog.api-v2:2025_01' })],
];

const job = (props: Partial<ScheduledJobProps>) => () =>
  new ScheduledJob(chart(), 'nightly', { image, resources, schedule: '0 3 * * *', ...props });
const agent = (props: Partial<NodeAgentProps>) => () => new NodeAgent(chart(), 'agent', { image, resources, ...props });
const logs = { path: '/var/log', reason: 'reads the container logs the kubelet writes' };

/** Names and keys by the rules the API server applies. */
const names: Case[] = [
  [
    'an env var name with a space',
    service({ env: { 'LOG LEVEL': 'INFO' } }),
    "[shop/services/catalog] env has the variable name \"LOG LEVEL\", which Kubernetes refuses; use letters, digits, '_', '-' and '.', not starting with a digit, such as \"LOG_LEVEL\"",
  ],
  [
    'an env var name starting with a digit',
    service({ env: { '1PASSWORD': 'x' } }),
    'env has the variable name "1PASSWORD", which Kubernetes refuses',
  ],
  ['an env var name with "="', service({ env: { 'A=B': 'x' } }), 'env has the variable name "A=B"'],
  [
    'a ConfigMap key with a slash',
    service({ config: { 'conf/app.yaml': 'x' } }),
    '[shop/services/catalog] config has the key "conf/app.yaml", which Kubernetes refuses; use at most 253 letters, digits, \'-\', \'_\' and \'.\', not "." or "..", such as "application.yaml"',
  ],
  ['a ConfigMap key ".."', service({ config: { '..': 'x' } }), 'config has the key "..", which Kubernetes refuses'],
  [
    'a Secret key with a space',
    () => new LiteralSecret(chart(), 'creds', { allowLiteralSecrets: true, data: { 'pass word': 'x' } }),
    '[shop/services/creds] data has the key "pass word", which Kubernetes refuses',
  ],
  [
    'a secret file name with a colon',
    service({ secrets: [{ name: 'db', store: 'platform-secrets', files: { 'db:password': { key: 'db' } } }] }),
    'secrets[0].files has the key "db:password", which Kubernetes refuses',
  ],
  [
    'a service name with upper case',
    () => new ProductionService(chart(), 'Catalog', { image, resources }),
    '[shop/services/Catalog] name "Catalog" is not a DNS-1123 label',
  ],
  ['a name of 64 characters', service({ name: 'a'.repeat(64) }), 'is not a DNS-1123 label'],
  [
    'a tenant label key with two slashes',
    tenant({ labels: { 'a/b/c': 'x' } }),
    '[shop/services/team] labels has the label key "a/b/c", which Kubernetes refuses',
  ],
  [
    'a tenant label value with a space',
    tenant({ labels: { team: 'web shop' } }),
    'labels["team"] "web shop" is not a valid label value',
  ],
  ['a pod selector with an empty key', () => Peer.pods({ '': 'x' }), '[Peer.pods] labels has the label key ""'],
  [
    'a namespace peer with upper case',
    () => Peer.namespace('Infra'),
    '[Peer.namespace] name "Infra" is not a DNS-1123 label',
  ],
  ['an env var name with dots and dashes', service({ env: { 'spring.profiles-active': 'prod' } })],
  ['a ConfigMap key with dots', service({ config: { 'application.yaml': 'x', '.hidden': 'y' } })],
  ['a prefixed label key', tenant({ labels: { 'gateway.example.com/access': 'shop' } })],
];

/** Namespaces Kubernetes reserves. */
const reserved: Case[] = [
  ...['kube-system', 'kube-public', 'kube-node-lease', 'default'].map((ns): Case => [
    `a Tenant for ${ns}`,
    tenant({ name: ns }),
    `[shop/services/team] name "${ns}" is a namespace Kubernetes reserves for itself`,
  ]),
  [
    'a Tenant for kube-system says why',
    tenant({ name: 'kube-system' }),
    'in kube-system that cuts DNS for the whole cluster',
  ],
  ['a Tenant for kube-apps (not reserved)', tenant({ name: 'kube-apps' })],
];

/** Time: schedules, zones, probe timings. */
const time: Case[] = [
  [
    'a schedule that never fires (31 February)',
    job({ schedule: '0 0 31 2 *' }),
    '[shop/services/nightly] schedule "0 0 31 2 *" never fires: none of its months has the days of month it names; pick days every chosen month has, such as "0 0 28 2 *", or name the last day with a day-of-week field',
  ],
  ['a schedule for 31 April, June, September and November', job({ schedule: '0 0 31 4,6,9,11 *' }), 'never fires'],
  ['a schedule for 30 February', job({ schedule: '0 0 30 FEB *' }), 'never fires'],
  ['a schedule out of range', job({ schedule: '99 99 * * *' }), 'is not a cron schedule (minute "99" is outside 0-59)'],
  ['a schedule of six fields', job({ schedule: '0 0 3 * * *' }), 'is not a cron schedule (has 6 fields)'],
  [
    'a time zone that does not exist',
    job({ timeZone: 'Mars/Phobos' }),
    '[shop/services/nightly] timeZone "Mars/Phobos" is not a time zone of the IANA database; use an IANA name such as "Etc/UTC" or "Europe/Berlin"',
  ],
  [
    'a time zone in the wrong case',
    job({ timeZone: 'europe/berlin' }),
    'timeZone "europe/berlin" is not a time zone of the IANA database; did you mean "Europe/Berlin"?',
  ],
  [
    'a probe timeout of 0',
    service({ probes: { readiness: Probe.http('/ready', { timeout: Duration.seconds(0) }) } }),
    '[shop/services/catalog] probes.readiness.timeout 0 seconds must be a whole number of seconds, at least 1',
  ],
  [
    'a probe failureThreshold of 0',
    service({ probes: { liveness: Probe.http('/live', { failureThreshold: 0 }) } }),
    'probes.liveness.failureThreshold 0 must be a positive integer; use e.g. 3',
  ],
  [
    'a job deadline of half a second',
    job({ activeDeadline: Duration.millis(500) }),
    'activeDeadline 500 millis must be a whole number of seconds, at least 1',
  ],
  [
    'a negative probe timeout (cdk8s Durations cannot be negative)',
    () => Probe.http('/ready', { timeout: Duration.seconds(-1) }),
    'Duration amounts cannot be negative',
  ],
  ['29 February (fires in leap years)', job({ schedule: '0 0 29 2 *' })],
  ['31 February with a day of week (fires on Mondays)', job({ schedule: '0 0 31 2 1' })],
  ['a macro', job({ schedule: '@daily' })],
  ['ranges, lists and steps', job({ schedule: '*/15 8-18 1,15 JAN-MAR MON-FRI' })],
  ['an alias time zone', job({ timeZone: 'US/Pacific' })],
  [
    'a probe with an initial delay of 0',
    service({ probes: { startup: Probe.http('/health/startup', { initialDelay: Duration.seconds(0) }) } }),
  ],
];

/** Network values. */
const network: Case[] = [
  [
    'a CIDR with a /99 prefix',
    () => Peer.cidr('10.0.0.0/99'),
    '[Peer.cidr] "10.0.0.0/99" is not a CIDR block; use an IPv4 address with a prefix length of 0 to 32 (such as "10.0.0.0/16") or an IPv6 address with 0 to 128 (such as "fd00::/8")',
  ],
  ['a CIDR without a prefix', () => Peer.cidr('10.0.0.1'), 'is not a CIDR block'],
  ['an IPv6 CIDR with a zone (Go refuses it)', () => Peer.cidr('fe80::%eth0/64'), 'is not a CIDR block'],
  ['a CIDR with an octet of 256', () => Peer.cidr('10.0.256.0/24'), 'is not a CIDR block'],
  ['an IPv6 CIDR with /129', () => Peer.cidr('fd00::/129'), 'is not a CIDR block'],
  [
    'an egress port of 0',
    service({ network: { egress: [{ to: Peer.namespace('infra'), ports: [{ port: 0 }] }] } }),
    '[shop/services/catalog] network.egress[0].ports[0].port 0 is not a port; use an integer between 1 and 65535',
  ],
  ['a container port of 70000', service({ containerPort: 70000 }), 'containerPort 70000 is not a port'],
  ['an IPv4 CIDR', () => Peer.cidr('10.20.0.0/16')],
  ['an IPv6 CIDR', () => Peer.cidr('fd00:10::/64')],
  ['a /32 host', () => Peer.cidr('192.168.1.10/32')],
];

/** A route with path prefixes `pathPrefixes` (and `extra` props), through a shared gateway with `listeners`. */
function route(
  pathPrefixes: string[],
  extra: Partial<ServiceRouteProps> = {},
  listeners: GatewayListener[] = [{ name: 'https', hostname: 'shop.example.com', certificateSecret: 'shop-tls' }],
) {
  return () => {
    const app = new App();
    const edge = new Chart(app, 'edge', { namespace: 'gateway', disableResourceNameHashes: true });
    const apps = new Chart(app, 'apps', { namespace: 'shop', disableResourceNameHashes: true });
    const gateway = new SharedGateway(edge, 'shop', { gatewayClassName: 'istio', listeners });
    const backend = new ProductionService(apps, 'catalog', { image, resources });
    new ServiceRoute(apps, 'route', {
      gateway,
      hostnames: ['shop.example.com'],
      pathPrefixes,
      backends: [{ service: backend, weight: 100 }],
      ...extra,
    });
    return collectManifests(app);
  };
}

/** An Ingress for a service, with `props` over sound defaults. */
const ingress = (props: Partial<ServiceIngressProps>) => () => {
  const apps = new Chart(new App(), 'apps', { namespace: 'shop', disableResourceNameHashes: true });
  const backend = new ProductionService(apps, 'catalog', { image, resources });
  return new ServiceIngress(apps, 'ingress', {
    service: backend,
    hostnames: ['shop.example.com'],
    ingressClassName: 'nginx',
    tlsSecret: 'shop-tls',
    controllerPeer: Peer.podsInNamespace('ingress-nginx', { 'app.kubernetes.io/name': 'ingress-nginx' }),
    ...props,
  });
};

const routes: Case[] = [
  [
    'an HTTPRoute path prefix without "/"',
    route(['orders']),
    '[apps/route] pathPrefixes[0] "orders" is not a Gateway API path prefix (it must start with \'/\'); use an absolute path such as "/orders"',
  ],
  [
    'an HTTPRoute path prefix with a query',
    route(['/orders?id=1']),
    'pathPrefixes[0] "/orders?id=1" is not a Gateway API path prefix',
  ],
  ['an HTTPRoute path prefix "/orders"', route(['/orders', '/carts'])],
  ...['/orders//items', '/orders/../admin', '/orders%2Fitems', '/orders/.'].map((prefix): Case => [
    `an HTTPRoute path prefix ${JSON.stringify(prefix)} (the CRD's rules)`,
    route([prefix]),
    `pathPrefixes[0] ${JSON.stringify(prefix)} is not a Gateway API path prefix (it must not`,
  ]),
  [
    '65 path prefixes (a rule matches at most 64)',
    route(Array.from({ length: 65 }, (_, i) => `/p${i}`)),
    '[apps/route] pathPrefixes holds 65; a route rule matches at most 64: split the route',
  ],
  [
    '17 hostnames (a route holds at most 16)',
    route(['/'], { hostnames: Array.from({ length: 17 }, (_, i) => `h${i}.example.com`) }),
    '[apps/route] hostnames holds 17; an HTTPRoute takes at most 16: split the route',
  ],
  [
    'a wildcard hostname of 254 characters',
    route(['/'], { hostnames: [`*.${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(56)}.com`] }),
    'has 254 characters; a hostname has at most 253',
  ],
  [
    'a single-label hostname "localhost" (no listener of a shared gateway could take it)',
    route(['/'], { hostnames: ['localhost'] }),
    '[apps/route] hostnames[0] "localhost" is not a valid DNS name',
  ],
  ['a request timeout of 1500 ms', route(['/'], { requestTimeout: Duration.millis(1500) })],
  ['a request timeout of 30 hours, written "30h"', route(['/'], { requestTimeout: Duration.hours(30) })],
  [
    'two gateway listeners named https',
    route(['/'], {}, [
      { name: 'https', hostname: 'shop.example.com', certificateSecret: 'shop-tls' },
      { name: 'https', hostname: 'api.example.com', certificateSecret: 'api-tls' },
    ]),
    '[edge/shop] listeners[1] has the same name https as listeners[0]; a Gateway refuses both',
  ],
  [
    'two gateway listeners on one port, protocol and hostname',
    route(['/'], {}, [
      { name: 'https', hostname: 'shop.example.com', certificateSecret: 'shop-tls' },
      { name: 'https-2', hostname: 'shop.example.com', certificateSecret: 'other-tls' },
    ]),
    '[edge/shop] listeners[1] has the same port 443, HTTPS, shop.example.com as listeners[0]; a Gateway refuses both',
  ],
  ['an Ingress for "*.example.com"', ingress({ hostnames: ['*.example.com'] })],
  [
    'an Ingress for the IP address 10.0.0.1',
    ingress({ hostnames: ['10.0.0.1'] }),
    '[apps/ingress] hostnames[0] "10.0.0.1" is an IP address; a hostname here is a DNS name, such as "shop.example.com"',
  ],
  [
    'an Ingress class "NGINX"',
    ingress({ ingressClassName: 'NGINX' }),
    '[apps/ingress] ingressClassName "NGINX" is not a DNS-1123 subdomain',
  ],
  [
    'an Ingress TLS Secret "Shop_TLS"',
    ingress({ tlsSecret: 'Shop_TLS' }),
    'tlsSecret "Shop_TLS" is not a DNS-1123 subdomain',
  ],
];

/** Two objects with one identity in one output. */
function twice(build: (app: App) => void) {
  return () => {
    const app = new App();
    build(app);
    return collectManifests(app);
  };
}
const identity: Case[] = [
  [
    'two ProductionServices named checkout in one namespace',
    twice((app) => {
      const c = new Chart(app, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
      new ProductionService(c, 'checkout', { image, resources });
      new ProductionService(c, 'checkout-v2', { image, resources, name: 'checkout' });
    }),
    '[shop/checkout-v2/ServiceAccount] ServiceAccount "checkout" in namespace "shop" is also made by [shop/checkout/ServiceAccount]; applied together, one would overwrite the other: give one of them another name or namespace',
  ],
  [
    'two charts writing one service into one namespace',
    twice((app) => {
      new ProductionService(new Chart(app, 'a', { namespace: 'shop' }), 'checkout', { image, resources });
      new ProductionService(new Chart(app, 'b', { namespace: 'shop' }), 'checkout', { image, resources });
    }),
    'ServiceAccount "checkout" in namespace "shop" is also made by [a/checkout/ServiceAccount]',
  ],
  [
    'two Tenants for one namespace',
    twice((app) => {
      const c = new Chart(app, 'tenants');
      const quota = { cpu: { request: '1', limit: '2' }, memory: { request: '1Gi', limit: '2Gi' } };
      new Tenant(c, 'shop', { quota });
      new Tenant(c, 'shop-again', { name: 'shop', quota });
    }),
    '[tenants/shop-again/Resource] Namespace "shop" is also made by [tenants/shop/Resource]',
  ],
  [
    'a cdk8s-plus ConfigMap with the name a service uses',
    twice((app) => {
      const c = new Chart(app, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
      new ProductionService(c, 'checkout', { image, resources, config: { A: '1' } });
      new ConfigMap(c, 'raw', { metadata: { name: 'checkout-config' } });
    }),
    'ConfigMap "checkout-config" in namespace "shop" is also made by [shop/checkout/ConfigMap]',
  ],
  [
    'two ServiceRoutes for one service',
    twice((app) => {
      const edge = new Chart(app, 'edge', { namespace: 'gateway', disableResourceNameHashes: true });
      const apps = new Chart(app, 'apps', { namespace: 'shop', disableResourceNameHashes: true });
      const gateway = new SharedGateway(edge, 'shop', {
        gatewayClassName: 'istio',
        listeners: [{ name: 'https', hostname: 'shop.example.com', certificateSecret: 'shop-tls' }],
      });
      const backend = new ProductionService(apps, 'catalog', { image, resources });
      for (const id of ['route', 'route-again']) {
        new ServiceRoute(apps, id, {
          gateway,
          hostnames: ['shop.example.com'],
          backends: [{ service: backend, weight: 100 }],
        });
      }
    }),
    '[apps/route-again/Resource] HTTPRoute "catalog" in namespace "shop" is also made by [apps/route/Resource]',
  ],
  [
    'one service in two namespaces',
    twice((app) => {
      new ProductionService(new Chart(app, 'a', { namespace: 'shop' }), 'checkout', { image, resources });
      new ProductionService(new Chart(app, 'b', { namespace: 'shop-canary' }), 'checkout', { image, resources });
    }),
  ],
  [
    'one service in two environments of one app',
    twice((app) => {
      for (const env of ['staging', 'production']) {
        new ProductionService(new Chart(new Construct(app, env), 'shop', { namespace: 'shop' }), 'checkout', {
          image,
          resources,
        });
      }
    }),
  ],
];

/** Host paths and their exemptions. */
const exemptions: Case[] = [
  [
    'a host path "/" read-write with a two-word reason',
    agent({ hostPaths: [{ path: '/', reason: 'needs access', readOnly: false }] }),
    '[shop/services/agent] hostPaths[0] "/" needs a reason in a sentence (at least four words, got "needs access")',
  ],
  [
    'a host path "/" with a reason but no acknowledgement',
    agent({ hostPaths: [{ path: '/', reason: 'scans every file on the node for malware' }] }),
    '[shop/services/agent] hostPaths[0] "/" reaches the node itself, which hands the node to the pod; mount a narrower read-only path, or set acknowledgeNodeAccess to a sentence saying what the agent does with it',
  ],
  [
    'a writable /var/log',
    agent({ hostPaths: [{ ...logs, readOnly: false }] }),
    'hostPaths[0] "/var/log" is writable, which hands the node to the pod',
  ],
  [
    'the containerd socket',
    agent({
      hostPaths: [{ path: '/run/containerd/containerd.sock', reason: 'lists the containers running on the node' }],
    }),
    'reaches the node itself',
  ],
  [
    '/var (parent of the kubelet state)',
    agent({ hostPaths: [{ path: '/var', reason: 'reads logs and state from the node' }] }),
    'reaches the node itself',
  ],
  [
    '/etc/kubernetes',
    agent({ hostPaths: [{ path: '/etc/kubernetes', reason: 'reads the kubelet configuration from the node' }] }),
    'reaches the node itself',
  ],
  [
    'a relative path',
    agent({ hostPaths: [{ path: 'var/log', reason: logs.reason }] }),
    'hostPaths[0].path "var/log" is not an absolute path; use e.g. "/var/log"',
  ],
  ['/var/log read-only with a sentence', agent({ hostPaths: [logs] })],
  [
    '"/" acknowledged in a sentence',
    agent({
      hostPaths: [
        {
          path: '/',
          reason: 'scans every file on the node for malware',
          acknowledgeNodeAccess: 'the scanner reads every file and writes nothing',
        },
      ],
    }),
  ],
];

const sidecar = (ports: { name: string; port: number }[]) =>
  service({
    sidecars: [
      {
        name: 'status',
        image,
        resources,
        readiness: Probe.tcp(),
        liveness: Probe.command(['pidof', 'status']),
        ports,
      },
    ],
  });
const autoscaling = (podMetrics: Record<string, string>) =>
  service({ autoscaling: { minReplicas: 2, maxReplicas: 4, podMetrics } });

/** Counts, percentages, port names and metric names: what the API server's validation refuses. */
const counts: Case[] = [
  [
    'rollout.maxSurge "25" (neither a count nor a percentage)',
    service({ rollout: { maxSurge: '25' } }),
    `[shop/services/catalog] rollout.maxSurge "25" must be a whole number of pods (0 or more) or a whole percentage; use e.g. 1 or '25%'`,
  ],
  ['rollout.maxSurge "200%" (a surge may exceed 100%)', service({ rollout: { maxSurge: '200%' } })],
  [
    'rollout.maxUnavailable "150%"',
    service({ rollout: { maxUnavailable: '150%' } }),
    'rollout.maxUnavailable "150%" must be a whole number of pods (0 or more) or a whole percentage up to "100%"',
  ],
  [
    'rollout.maxSurge -1',
    service({ rollout: { maxSurge: -1 } }),
    'rollout.maxSurge -1 must be a whole number of pods (0 or more)',
  ],
  ['rollout.maxSurge "100%"', service({ rollout: { maxSurge: '100%' } })],
  [
    'a Pods metric target "fifty"',
    autoscaling({ http_requests_inflight: 'fifty' }),
    '[shop/services/catalog] autoscaling.podMetrics.http_requests_inflight "fifty" is not a Kubernetes quantity; use e.g. "50" or "500m"',
  ],
  [
    'a Pods metric target "0"',
    autoscaling({ http_requests_inflight: '0' }),
    'autoscaling.podMetrics.http_requests_inflight "0" must be more than 0',
  ],
  [
    'a Pods metric named "http/requests"',
    autoscaling({ 'http/requests': '50' }),
    `[shop/services/catalog] autoscaling.podMetrics names metric "http/requests", which cannot be part of an API path (no '/', '%', '.' or '..')`,
  ],
  ['a Pods metric target "500m"', autoscaling({ http_requests_inflight: '500m' })],
  [
    'placement.maxZoneSkew 0',
    service({ placement: { maxZoneSkew: 0 } }),
    '[shop/services/catalog] placement.maxZoneSkew 0 must be a whole number from 1 to 2147483647; use e.g. 1',
  ],
  [
    'placement.nodePool "online general" (not a label value)',
    service({ placement: { nodePool: 'online general' } }),
    '[shop/services/catalog] placement.nodePool "online general" is not a valid label value',
  ],
  [
    'a ScheduledJob nodePool "Batch Pool" (not a label value)',
    job({ nodePool: 'Batch Pool' }),
    '[shop/services/nightly] nodePool "Batch Pool" is not a valid label value',
  ],
  [
    'NodeAgent maxUnavailable 0 (a DaemonSet has no surge)',
    agent({ maxUnavailable: 0 }),
    '[shop/services/agent] maxUnavailable 0 would never let a node update (a DaemonSet has no surge); use at least 1',
  ],
  [
    'NodeAgent maxUnavailable "120%"',
    agent({ maxUnavailable: '120%' }),
    'maxUnavailable "120%" must be a whole number of pods (0 or more) or a whole percentage up to "100%"',
  ],
  [
    'ScheduledJob historyLimit -1',
    job({ historyLimit: -1 }),
    '[shop/services/nightly] historyLimit -1 must be a whole number from 0 to 2147483647; use e.g. 3',
  ],
  [
    'Tenant quota.pods 2.5',
    tenant({ quota: { cpu: { request: '4', limit: '8' }, memory: { request: '8Gi', limit: '16Gi' }, pods: 2.5 } }),
    '[shop/services/team] quota.pods 2.5 must be a whole number from 0 to 2147483647; use e.g. 50',
  ],
  [
    'Tenant access with an empty group name',
    tenant({ access: { admin: [''] } }),
    `[shop/services/team] access.admin holds group ""; use the group's name as the identity provider sends it`,
  ],
  [
    'a sidecar port name of 20 characters',
    sidecar([{ name: 'status-endpoint-http', port: 9000 }]),
    `[shop/services/catalog] sidecars[0].ports.name "status-endpoint-http" is not a port name; use at most 15 lower-case letters, digits and single '-', with at least one letter`,
  ],
  [
    'a sidecar port 70000',
    sidecar([{ name: 'status', port: 70000 }]),
    '[shop/services/catalog] sidecars[0].ports.port 70000 is not a port; use an integer between 1 and 65535',
  ],
  [
    'a sidecar naming two ports alike',
    sidecar([
      { name: 'status', port: 9000 },
      { name: 'status', port: 9001 },
    ]),
    '[shop/services/catalog] sidecars[0] (status) names two ports "status"; give each its own name',
  ],
  [
    'StatefulService portName "6379" (no letter)',
    database({ portName: '6379' }),
    '[shop/services/redis] portName "6379" is not a port name',
  ],
];

/** Names Kubernetes extends or reuses, probes it cannot run, ids and sizes beyond the API's limits. */
const limits: Case[] = [
  [
    'a service name with a leading digit (its Service needs a DNS-1035 label)',
    service({ name: '9catalog' }),
    '[shop/services/catalog] name "9catalog" is also the name of its Service, which must start with a letter (a DNS-1035 label)',
  ],
  [
    'a CronJob name of 53 characters',
    job({ name: 'a'.repeat(53) }),
    'has 53 characters; at most 52 fit, because Kubernetes refuses longer CronJob names: its Jobs append up to 11 characters; use a shorter name',
  ],
  ['a CronJob name of 52 characters', job({ name: 'a'.repeat(52) })],
  ['a NodeAgent name of 60 characters (DaemonSet pods carry the revision hash alone)', agent({ name: 'a'.repeat(60) })],
  [
    'a descriptor with a leading space (robfig/cron reads it as written)',
    job({ schedule: ' @every 1h' }),
    'schedule " @every 1h" is not a cron schedule (has 2 fields)',
  ],
  [
    'a StatefulSet name of 53 characters (the revision label would pass 63)',
    database({ name: 'r'.repeat(53) }),
    'has 53 characters; at most 52 fit, because its pods carry the label controller-revision-hash: <name>-<10-character hash>',
  ],
  [
    'an HTTP probe without a path',
    service({ probes: { readiness: Probe.http('') } }),
    '[shop/services/catalog] probes.readiness checks HTTP path "", which is no absolute path; use e.g. "/health/ready"',
  ],
  [
    'a command probe without a command',
    service({ probes: { readiness: Probe.command([]) } }),
    "probes.readiness runs an empty command; give the program and its arguments, e.g. ['pidof', 'java']",
  ],
  [
    'a failure threshold beyond int32',
    service({ probes: { readiness: Probe.http('/ready', { failureThreshold: 3e9 }) } }),
    'probes.readiness.failureThreshold 3000000000 must be a positive integer',
  ],
  [
    'a probe period beyond int32 seconds',
    service({ probes: { readiness: Probe.http('/ready', { period: Duration.days(30000) }) } }),
    'probes.readiness.period 30000 days is more than 2147483647 seconds, the most the field holds',
  ],
  [
    'config of 1.1 MiB',
    service({ config: { BIG: 'x'.repeat(1.1 * 2 ** 20) } }),
    '[shop/services/catalog] config holds 1153433 bytes, more than the 1 MiB (1048576 bytes) a ConfigMap or Secret may',
  ],
  [
    'runAs.runAsUser 0 (root)',
    service({ runAs: { runAsUser: 0 } }),
    '[shop/services/catalog] runAs.runAsUser 0 must be a whole number from 1 to 2147483647; use e.g. 10001',
  ],
  [
    'runAs.runAsGroup 2^31',
    service({ runAs: { runAsGroup: 2 ** 31 } }),
    'runAs.runAsGroup 2147483648 must be a whole number from 0 to 2147483647',
  ],
];

export const CASES: Record<string, Case[]> = {
  quantities,
  silent,
  images,
  names,
  reserved,
  time,
  network,
  routes,
  identity,
  exemptions,
  counts,
  limits,
};

test('what the accepted cases write is valid against the Kubernetes schema', () => {
  const objects = Object.values(CASES)
    .flat()
    .filter((c) => typeof c[2] !== 'string')
    .flatMap((c) => {
      const made = c[1]();
      if (Array.isArray(made)) return made.flatMap((f) => f.objects);
      return made instanceof Construct ? collectManifests(made.node.root).flatMap((f) => f.objects) : [];
    });
  expect(objects.length).toBeGreaterThan(100);
  const report = validateObjects(objects);
  expect(report.errors).toEqual([]);
  expect(report.unvalidated).toEqual([]);
});

test('the suite holds at least 100 cases, refused and accepted', () => {
  const all = Object.values(CASES).flat();
  const refused = all.filter((c) => typeof c[2] === 'string').length;
  process.stdout.write(`bad-input suite: ${refused} refused, ${all.length - refused} accepted\n`);
  expect(all.length).toBeGreaterThanOrEqual(100);
});

describe.each(Object.entries(CASES))('%s', (_, cases) => {
  // Accepted cases have no third element; jest then passes its own callback there, so look at its type.
  test.each(cases)('%s', (...c: unknown[]) => {
    const [build, refusal] = [c[1] as () => unknown, typeof c[2] === 'string' ? c[2] : undefined];
    if (refusal) expect(build).toThrow(refusal);
    else expect(build).not.toThrow();
  });
});
