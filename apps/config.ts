import {
  AcmeSolver,
  Environment,
  Environments,
  ExternalEndpointOptions,
  GatewayImplementation,
  IssuerType,
  ISTIO_GATEWAY,
  LogLevel,
  PolicyMode,
  SecretProvider,
  ZoneSpread,
} from '../lib';

/**
 * Every value that differs between environments lives here. Promote an image, resize a service or
 * switch the peak profile by changing one line, then review `npm run diff`. The namespace budgets
 * (`quotas`: app, infra, batch, node-agents) must hold every service at its replica ceiling,
 * including the peak profile; synth fails when they do not.
 */
/**
 * The Gateway API implementation every environment installs: its GatewayClass, its addons, the metrics
 * of its proxies and the edge alerts' series all follow from this one choice.
 */
export const GATEWAY_IMPLEMENTATION: GatewayImplementation = ISTIO_GATEWAY;

/** The Spring profile each environment's services run with (`SPRING_PROFILES_ACTIVE`). */
export const SPRING_PROFILES: Readonly<Record<string, string>> = { dev: 'dev', staging: 'staging', production: 'prod' };

/**
 * The port the API servers listen on. The clusters run a self-managed control plane (kubeadm: the etcd
 * backup reads its PKI), whose API server serves 6443 behind the `kubernetes` Service's 443; egress
 * policies match the port after that translation.
 */
const KUBEADM_API_SERVER_PORT = 6443;

/**
 * The order service's managed MySQL and Kafka (guide 14.1), which live outside this repository. Each
 * environment has them in its own network (`<net>.x.x`); the addresses here are the example platform's.
 */
function externalEndpoints(net: string): Record<string, ExternalEndpointOptions> {
  return {
    mysql: {
      name: 'mysql',
      host: `orders-db.${net.replace('.', '-')}.db.example.com`,
      cidr: `${net}.40.0/24`,
      port: 3306,
      reason: 'the managed MySQL of the order data, run by the database team',
    },
    kafka: {
      name: 'kafka',
      host: `kafka.${net.replace('.', '-')}.streaming.example.com`,
      cidr: `${net}.50.0/24`,
      port: 9092,
      reason: 'the shared Kafka cluster of the streaming platform, run by its own team',
    },
  };
}

export const environments = new Environments([
  new Environment({
    name: 'dev',
    namespace: 'dev',
    clusters: [{ name: 'dev-eu-1', server: 'https://dev.k8s.example.com' }],
    targetRevision: 'main',
    images: { 'order-api': 'registry.example.com/order-api:v4.3.0-rc.2' },
    capacity: {
      'order-api': {
        minReplicas: 2,
        maxReplicas: 3,
        cpuUtilization: 80,
        resources: { cpu: { request: '250m', limit: '500m' }, memory: { request: '512Mi', limit: '1Gi' } },
      },
    },
    nodePool: 'general',
    zoneSpread: ZoneSpread.BEST_EFFORT,
    policyMode: PolicyMode.AUDIT,
    // The team builds here: it edits, Secrets included; the platform team administers.
    access: { admin: ['platform-admins'], edit: ['team-shop'], view: ['sre'] },
    allowLiteralSecrets: true,
    gateway: {
      className: GATEWAY_IMPLEMENTATION.gatewayClassName,
      hostname: 'shop.dev.example.com',
      requireTls: false,
    },
    logLevel: LogLevel.DEBUG,
    apiServer: { cidr: '10.10.0.0/28', port: KUBEADM_API_SERVER_PORT },
    externalEndpoints: externalEndpoints('10.10'),
    storage: { redis: '5Gi' },
    quotas: {
      app: { cpu: { request: '2', limit: '4' }, memory: { request: '4Gi', limit: '8Gi' } },
      infra: { cpu: { request: '2', limit: '4' }, memory: { request: '4Gi', limit: '4Gi' }, storage: '20Gi' },
      batch: { cpu: { request: '2', limit: '4' }, memory: { request: '4Gi', limit: '4Gi' } },
      'node-agents': { cpu: { request: '2', limit: '10' }, memory: { request: '4Gi', limit: '8Gi' } },
    },
  }),
  new Environment({
    name: 'staging',
    namespace: 'staging',
    clusters: [{ name: 'staging-eu-1', server: 'https://staging.k8s.example.com' }],
    targetRevision: 'main',
    images: { 'order-api': 'registry.example.com/order-api:v4.2.1' },
    capacity: {
      'order-api': {
        minReplicas: 2,
        maxReplicas: 6,
        cpuUtilization: 65,
        podMetrics: { http_requests_inflight: '50' },
        resources: { cpu: { request: '500m', limit: '1' }, memory: { request: '1Gi', limit: '2Gi' } },
      },
    },
    nodePool: 'online-general',
    zoneSpread: ZoneSpread.BEST_EFFORT,
    policyMode: PolicyMode.ENFORCE,
    // Read (no Secrets), logs, port-forward and exec to debug a release; changes go through Git.
    access: { view: ['team-shop', 'sre'], debug: ['team-shop', 'sre'] },
    delivery: { deployers: ['team-shop', 'sre'] },
    gateway: {
      className: GATEWAY_IMPLEMENTATION.gatewayClassName,
      hostname: 'shop.staging.example.com',
      tlsSecret: 'shop-tls',
    },
    etcdBackup: true,
    // Canary of the next release: raise the weight step by step; promote by moving the image to
    // images['order-api'] and deleting this entry; roll back by deleting this entry.
    canaries: { 'order-api': { image: 'registry.example.com/order-api:v4.3.0-rc.2', weight: 10 } },
    logLevel: LogLevel.INFO,
    apiServer: { cidr: '10.20.0.0/28', port: KUBEADM_API_SERVER_PORT },
    externalEndpoints: externalEndpoints('10.20'),
    storage: { redis: '5Gi' },
    quotas: {
      app: { cpu: { request: '8', limit: '16' }, memory: { request: '16Gi', limit: '32Gi' } },
      infra: { cpu: { request: '4', limit: '8' }, memory: { request: '8Gi', limit: '8Gi' }, storage: '100Gi' },
      batch: { cpu: { request: '4', limit: '8' }, memory: { request: '8Gi', limit: '8Gi' } },
      'node-agents': { cpu: { request: '5', limit: '25' }, memory: { request: '10Gi', limit: '20Gi' } },
    },
  }),
  new Environment({
    name: 'production',
    namespace: 'production',
    clusters: [
      { name: 'prod-eu-1', server: 'https://prod-eu-1.k8s.example.com' },
      { name: 'prod-eu-2', server: 'https://prod-eu-2.k8s.example.com' },
    ],
    // Production deploys a release, promoted with `npm run promote -- production <ref>`; to take a
    // release to one cluster first, `npm run promote -- production <ref> --cluster prod-eu-1`.
    targetRevision: 'release-2026.11',
    images: { 'order-api': 'registry.example.com/order-api:v4.2.1' },
    capacity: {
      'order-api': {
        minReplicas: 8,
        maxReplicas: 50,
        cpuUtilization: 65,
        podMetrics: { http_requests_inflight: '50' },
        resources: { cpu: { request: '1', limit: '2' }, memory: { request: '2Gi', limit: '3Gi' } },
      },
    },
    nodePool: 'online-general',
    zoneSpread: ZoneSpread.STRICT,
    policyMode: PolicyMode.ENFORCE,
    // Read without Secrets, logs and events; no standing write. During an incident the identity
    // provider grants `prod-break-glass` for a limited time: exec into and delete pods, nothing more.
    access: { view: ['team-shop', 'sre'], breakGlass: ['prod-break-glass'] },
    noStandingWriteAccess: true,
    // Only SRE syncs and overrides production through Argo CD, on working days; never through its terminal.
    delivery: {
      deployers: ['sre'],
      denyExec: true,
      syncWindows: [{ kind: 'allow', schedule: '0 8 * * 1-4', duration: '8h', manualSync: true }],
    },
    gateway: {
      className: GATEWAY_IMPLEMENTATION.gatewayClassName,
      hostname: 'shop.example.com',
      tlsSecret: 'shop-tls',
    },
    etcdBackup: true,
    // Big-sale capacity plan (guide 14.11): set enabled to true before the event, false after.
    peak: { enabled: false, minReplicas: 20, maxReplicas: 80 },
    logLevel: LogLevel.INFO,
    apiServer: { cidr: '10.30.0.0/28', port: KUBEADM_API_SERVER_PORT },
    externalEndpoints: externalEndpoints('10.30'),
    storage: { redis: '50Gi' },
    quotas: {
      // order-api: 80 pods at peak x (1 CPU, 2Gi) requested, x (2 CPU, 3Gi) limit.
      app: { cpu: { request: '96', limit: '192' }, memory: { request: '192Gi', limit: '288Gi' } },
      infra: { cpu: { request: '8', limit: '16' }, memory: { request: '16Gi', limit: '16Gi' }, storage: '300Gi' },
      batch: { cpu: { request: '8', limit: '16' }, memory: { request: '16Gi', limit: '16Gi' } },
      // One log collector per node: sized for 200 nodes.
      'node-agents': { cpu: { request: '20', limit: '100' }, memory: { request: '40Gi', limit: '80Gi' } },
    },
  }),
]);

/** Where Argo CD reads this repository. */
export const gitSource = {
  repoURL: 'https://git.example.com/platform/cdk8s-production.git',
  targetRevision: 'main',
};

/** AWS region of the clusters, their DNS zone and their secrets. */
const REGION = 'eu-west-1';

/** Who signs the gateways' certificates: Let's Encrypt, proving the domain through Route 53 (DNS-01). */
export const certificateIssuer = IssuerType.acme({
  email: 'platform@example.com',
  accountKeySecret: 'letsencrypt-account-key',
  solver: AcmeSolver.route53({ region: REGION }),
});

/** Where the platform's ExternalSecrets read from: AWS Secrets Manager, keys such as `production/redis`. */
export const secretProvider = SecretProvider.awsSecretsManager({ region: REGION });
