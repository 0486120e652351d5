import { Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import {
  Environment,
  fluentBitConfig,
  KUBE_SYSTEM_EXEMPTION,
  LOKI_SERVICE,
  MONITORING_NAMESPACE,
  NodeAgent,
  Peer,
  PlatformSecretStore,
  PolicyPack,
  PriorityClasses,
  PriorityTier,
  Probe,
  Protocol,
  ReplicatedRedis,
  RetainedStorageClass,
  ScheduledJob,
  Tenant,
  VerticalScalingMode,
} from '../../lib';
import { secretProvider } from '../config';

/** Namespace of shared infrastructure (Redis). */
const INFRA = 'infra';
/** Namespace of node-level agents. */
const NODE_AGENTS = 'node-agents';
/** Namespace of batch work, pinned to the batch node pool. */
const BATCH = 'batch';

/** The ClusterSecretStore every ExternalSecret of the platform reads from. */
export const PLATFORM_SECRET_STORE = 'platform-secrets';

/**
 * The platform layer of one environment: tenant namespaces, the secret store, the Retain storage class,
 * the priority classes, the Kyverno policy pack, and one example of each platform workload (Redis, a log collector,
 * a nightly job). One chart per file; cluster-scoped objects live in charts without a namespace.
 */
/** The platform workloads application services depend on. */
export interface PlatformServices {
  /** The environment's Redis. */
  readonly redis: ReplicatedRedis;
}

export function platformStack(stage: Construct, env: Environment): PlatformServices {
  const chart = (id: string, namespace?: string) =>
    new Chart(stage, id, { namespace, disableResourceNameHashes: true });

  new PlatformSecretStore(chart('platform-secrets'), 'secret-store', {
    name: PLATFORM_SECRET_STORE,
    provider: secretProvider,
  });
  const storage = new RetainedStorageClass(chart('platform-storage'), 'gp3-retain');
  new PriorityClasses(chart('platform-priority-classes'), 'priority-classes');

  const redis = new ReplicatedRedis(chart('redis', INFRA), 'redis', {
    image: 'docker.io/library/redis:7.4.2',
    partOf: 'shop',
    resources: { cpu: { request: '500m', limit: '1' }, memory: { request: '1Gi', limit: '1Gi' } },
    storage: { size: env.storageOf('redis'), storageClass: storage },
    password: {
      name: 'redis-auth',
      store: PLATFORM_SECRET_STORE,
      files: { password: { key: `${env.name}/redis`, property: 'password' } },
    },
    placement: { nodePool: env.props.nodePool, zoneSpread: env.props.zoneSpread },
    priority: PriorityTier.ONLINE_CRITICAL,
  });

  // The log store, declared once: the collector's configuration and its egress both come from it.
  const logStore = {
    host: `${LOKI_SERVICE.name}.${MONITORING_NAMESPACE}.svc`,
    port: LOKI_SERVICE.port,
    labels: { cluster: env.name },
  };
  const collectorChart = chart('log-collector', NODE_AGENTS);
  const logCollector = new NodeAgent(collectorChart, 'log-collector', {
    image: 'cr.fluentbit.io/fluent/fluent-bit:3.2.4',
    partOf: 'observability',
    resources: { cpu: { request: '100m', limit: '500m' }, memory: { request: '128Mi', limit: '256Mi' } },
    containerPort: 2020,
    args: ['--config=/fluent-bit/etc/conf/fluent-bit.conf'],
    config: {
      files: fluentBitConfig(collectorChart, { logStore, httpPort: 2020, positionDbDir: '/var/lib/fluent-bit' }),
      mountPath: '/fluent-bit/etc/conf',
    },
    probes: {
      startup: Probe.http('/api/v1/health', { period: Duration.seconds(5), failureThreshold: 12 }),
      readiness: Probe.http('/api/v1/health', { period: Duration.seconds(10) }),
      liveness: Probe.http('/', { period: Duration.seconds(10) }),
    },
    hostPaths: [
      { path: '/var/log', reason: 'reads the container logs the kubelet writes on each node' },
      {
        path: '/var/lib/fluent-bit',
        readOnly: false,
        reason: 'keeps the tail position database, so a restarted collector resumes where it stopped',
        acknowledgeNodeAccess: 'writes only its own position database in this directory',
      },
    ],
    runAsRootReason:
      'container log files on the node are root-owned with mode 0640 and the position database directory is created root-owned',
    clusterPermissions: [{ resources: ['pods', 'namespaces'], verbs: ['get', 'list', 'watch'] }],
    // Fluent Bit's own metrics (records in and out, retries, dropped records) in Prometheus's format.
    monitoring: { path: '/api/v1/metrics/prometheus', interval: Duration.seconds(30) },
    network: {
      apiServer: env.apiServer,
      egress: [{ to: Peer.namespace('monitoring'), ports: [{ port: logStore.port, protocol: Protocol.TCP }] }],
    },
  });

  const nightlyReport = new ScheduledJob(chart('nightly-report', BATCH), 'nightly-report', {
    image: 'registry.example.com/order-report:v1.4.0',
    partOf: 'shop',
    resources: { cpu: { request: '500m', limit: '1' }, memory: { request: '1Gi', limit: '1Gi' } },
    schedule: '30 2 * * *',
    activeDeadline: Duration.hours(2),
    verticalScaling: VerticalScalingMode.RECOMMEND_ONLY,
  });

  const namespaces = chart('platform-namespaces');
  new Tenant(namespaces, 'infra', { name: INFRA, quota: env.quotaOf('infra'), access: env.access }).accountFor(redis);
  new Tenant(namespaces, 'batch', {
    name: BATCH,
    quota: env.quotaOf('batch'),
    access: env.access,
    nodePool: { name: 'batch' },
  }).accountFor(nightlyReport);
  new Tenant(namespaces, 'node-agents', {
    name: NODE_AGENTS,
    quota: env.quotaOf('node-agents'),
    // Privileged: a pod here can mount the node's root, so no human is bound (the Tenant refuses it).
    podSecurity: logCollector.podSecurityModes,
  });

  new PolicyPack(chart('platform-policies'), 'policies', {
    mode: env.props.policyMode,
    modes: env.props.policyModes,
    exemptions: [
      KUBE_SYSTEM_EXEMPTION,
      { namespace: 'etcd-backup', reason: 'etcd snapshots read the control-plane data directory on the host' },
      { namespace: NODE_AGENTS, reason: `node agents read host paths (${logCollector.exemption})` },
    ],
  });
  return { redis };
}
