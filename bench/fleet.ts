import { App, Chart, Duration } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { applySyncWaves } from '../lib/gitops/sync-waves';
import { PolicyMode } from '../lib/core/policy-mode';
import { Environment, LogLevel, ServiceCapacity } from '../lib/environments/environment';
import { Peer, Protocol } from '../lib/core/network';
import { ZoneSpread } from '../lib/core/placement';
import { PriorityTier } from '../lib/core/priority';
import { Probe } from '../lib/core/probes';
import { podSecurityLabels } from '../lib/core/pod-security';
import { Dependency } from '../lib/workloads/dependencies';
import { ProductionService } from '../lib/workloads/production-service';

/** The name of the i-th service of the fleet: `svc-0007`. */
export function serviceName(i: number): string {
  return `svc-${String(i).padStart(4, '0')}`;
}

/** The image tag of the i-th service in an environment; staging and production run the same release. */
export function imageTag(i: number, env: string): string {
  return env === 'dev' ? `v${1 + (i % 5)}.${i % 13}.1-rc.1` : `v${1 + (i % 5)}.${i % 13}.0`;
}

/** The registry path of the i-th service's image, without tag. */
export function imageName(i: number): string {
  return `registry.example.com/team-${i % 12}/${serviceName(i)}`;
}

/** What distinguishes one environment of the fleet. */
export interface EnvironmentShape {
  readonly name: string;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  readonly nodePool: string;
  readonly zoneSpread: ZoneSpread;
}

/** The three environments of the fleet, as the apps of this repository define them. */
export const FLEET_ENVIRONMENTS: readonly EnvironmentShape[] = [
  { name: 'dev', minReplicas: 2, maxReplicas: 3, nodePool: 'general', zoneSpread: ZoneSpread.BEST_EFFORT },
  { name: 'staging', minReplicas: 2, maxReplicas: 6, nodePool: 'online-general', zoneSpread: ZoneSpread.BEST_EFFORT },
  { name: 'production', minReplicas: 4, maxReplicas: 30, nodePool: 'online-general', zoneSpread: ZoneSpread.STRICT },
];

function environmentOf(shape: EnvironmentShape, services: number): Environment {
  const images: Record<string, string> = {};
  const capacity: Record<string, ServiceCapacity> = {};
  for (let i = 0; i < services; i++) {
    const name = serviceName(i);
    images[name] = `${imageName(i)}:${imageTag(i, shape.name)}`;
    capacity[name] = {
      minReplicas: shape.minReplicas + (i % 3),
      maxReplicas: shape.maxReplicas + (i % 3) * 2,
      cpuUtilization: 60 + (i % 4) * 5,
      podMetrics: i % 2 === 0 ? { http_requests_inflight: String(20 + (i % 7) * 10) } : undefined,
      resources: {
        cpu: { request: `${250 * (1 + (i % 4))}m`, limit: `${1 + (i % 2)}` },
        memory: { request: `${256 * (1 + (i % 4))}Mi`, limit: `${512 * (1 + (i % 4))}Mi` },
      },
    };
  }
  return new Environment({
    name: shape.name,
    namespace: shape.name,
    clusters: [{ name: `${shape.name}-eu-1`, server: `https://${shape.name}.k8s.example.com` }],
    images,
    capacity,
    nodePool: shape.nodePool,
    zoneSpread: shape.zoneSpread,
    policyMode: shape.name === 'dev' ? PolicyMode.AUDIT : PolicyMode.ENFORCE,
    logLevel: shape.name === 'dev' ? LogLevel.DEBUG : LogLevel.INFO,
    apiServer: { cidr: '10.0.0.1/32', port: 443 },
  });
}

/**
 * One service of the fleet: probes, HPA, PDB, NetworkPolicy, ServiceMonitor, RBAC and a ConfigMap.
 * Each service but the first calls the one before it, declared as a dependency, so the fleet passes
 * the readiness check that `npm run bench` times beside the plain synth.
 */
function fleetService(scope: Construct, env: Environment, i: number, upstream?: ProductionService): ProductionService {
  const name = serviceName(i);
  const capacity = env.capacityOf(name);
  return new ProductionService(scope, name, {
    image: env.imageOf(name),
    partOf: `domain-${i % 20}`,
    component: i % 4 === 0 ? 'worker' : 'api',
    containerPort: 8080 + (i % 3),
    resources: capacity.resources,
    env: { JAVA_TOOL_OPTIONS: '-XX:MaxRAMPercentage=75', SERVICE_NAME: name },
    config: {
      LOG_LEVEL: env.logLevel,
      DB_POOL_SIZE: String(10 + (i % 50)),
      FEATURE_FLAGS: `checkout=${i % 2 === 0 ? 'on' : 'off'},search=v${i % 3}`,
      ...(upstream && { UPSTREAM_URL: `http://${upstream.name}.${env.namespace}.svc:80` }),
    },
    dependsOn: upstream ? [Dependency.on(upstream)] : [],
    probes: {
      startup: Probe.http('/health/startup', { period: Duration.seconds(5), failureThreshold: 24 }),
      readiness: Probe.http('/health/ready', { period: Duration.seconds(5) }),
      liveness: Probe.http('/health/live', { period: Duration.seconds(10), initialDelay: Duration.seconds(30) }),
    },
    rollout: { maxSurge: 1, maxUnavailable: 0 },
    autoscaling: {
      minReplicas: capacity.minReplicas,
      maxReplicas: capacity.maxReplicas,
      cpuUtilization: capacity.cpuUtilization,
      podMetrics: capacity.podMetrics,
    },
    placement: { nodePool: env.props.nodePool, zoneSpread: env.props.zoneSpread },
    priority: i % 5 === 0 ? PriorityTier.ONLINE_CRITICAL : PriorityTier.ONLINE_STANDARD,
    permissions: [{ resources: ['configmaps'], verbs: ['get', 'list', 'watch'] }],
    network: {
      ingress: [{ from: Peer.podsInNamespace('gateway', { 'gateway.networking.k8s.io/gateway-name': 'public' }) }],
      egress: [{ to: Peer.namespace('infra'), ports: [{ port: 5432, protocol: Protocol.TCP }] }],
      apiServer: env.apiServer,
    },
    monitoring: { path: '/metrics', interval: Duration.seconds(15 * (1 + (i % 2))) },
  });
}

/**
 * `services` ProductionServices in each of `shapes` (the three environments unless given), laid out
 * as `apps/` lays out this repository: per environment a namespace chart and one chart per service,
 * with sync waves.
 */
export function buildFleet(services: number, shapes: readonly EnvironmentShape[] = FLEET_ENVIRONMENTS): App {
  const app = new App();
  for (const shape of shapes) {
    const env = environmentOf(shape, services);
    const stage = new Construct(app, env.name);
    const namespace = new Chart(stage, 'namespace', { disableResourceNameHashes: true });
    new k8s.KubeNamespace(namespace, 'Resource', {
      metadata: {
        name: env.namespace,
        labels: { 'app.kubernetes.io/managed-by': 'cdk8s-production', ...podSecurityLabels() },
      },
    });
    let upstream: ProductionService | undefined;
    for (let i = 0; i < services; i++) {
      const chart = new Chart(stage, serviceName(i), { namespace: env.namespace, disableResourceNameHashes: true });
      upstream = fleetService(chart, env, i, upstream);
    }
    applySyncWaves(stage);
  }
  return app;
}
