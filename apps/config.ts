import {
  AcmeSolver,
  Environment,
  Environments,
  IssuerType,
  LogLevel,
  PolicyMode,
  SecretProvider,
  TenantAccess,
  ZoneSpread,
} from '../lib';

/**
 * Every value that differs between environments lives here. Promote an image, resize a service or
 * switch the peak profile by changing one line, then review `npm run diff`. The namespace budgets
 * (`quotas`: app, infra, batch, node-agents) must hold every service at its replica ceiling,
 * including the peak profile; synth fails when they do not.
 */
export const environments = new Environments([
  new Environment({
    name: 'dev',
    namespace: 'dev',
    clusters: [{ name: 'dev-eu-1', server: 'https://dev.k8s.example.com' }],
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
    allowLiteralSecrets: true,
    gateway: { className: 'istio', hostname: 'shop.dev.example.com', requireTls: false },
    logLevel: LogLevel.DEBUG,
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
    gateway: { className: 'istio', hostname: 'shop.staging.example.com', tlsSecret: 'shop-tls' },
    etcdBackup: true,
    // Canary of the next release: raise the weight step by step; promote by moving the image to
    // images['order-api'] and deleting this entry; roll back by deleting this entry.
    canaries: { 'order-api': { image: 'registry.example.com/order-api:v4.3.0-rc.2', weight: 10 } },
    logLevel: LogLevel.INFO,
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
    images: { 'order-api': 'registry.example.com/order-api:v4.2.1' },
    capacity: {
      'order-api': {
        minReplicas: 8,
        maxReplicas: 50,
        cpuUtilization: 65,
        podMetrics: { http_requests_inflight: '50' },
        minAvailable: 6,
        resources: { cpu: { request: '1', limit: '2' }, memory: { request: '2Gi', limit: '3Gi' } },
      },
    },
    nodePool: 'online-general',
    zoneSpread: ZoneSpread.STRICT,
    policyMode: PolicyMode.ENFORCE,
    gateway: { className: 'istio', hostname: 'shop.example.com', tlsSecret: 'shop-tls' },
    etcdBackup: true,
    // Big-sale capacity plan (guide 14.11): set enabled to true before the event, false after.
    peak: { enabled: false, minReplicas: 20, maxReplicas: 80 },
    logLevel: LogLevel.INFO,
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

/** Groups of the identity provider and the namespace roles they hold. */
export const tenantAccess: TenantAccess = { admin: ['platform-admins'], edit: ['team-shop'], view: ['sre'] };

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
