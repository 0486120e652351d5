import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { Peer, PriorityTier, Probe, ProductionService, Protocol } from '../../lib';

/** The guide's order service (section 14) as production runs it. */
export function orderApi(scope: Construct): ProductionService {
  return new ProductionService(scope, 'order-api', {
    image: 'registry.example.com/order-api:v4.2.1',
    partOf: 'shop',
    resources: { cpu: { request: '1', limit: '2' }, memory: { request: '2Gi', limit: '3Gi' } },
    config: {
      SPRING_PROFILES_ACTIVE: 'prod',
      LOG_LEVEL: 'INFO',
      DB_POOL_SIZE: '120',
      KAFKA_CONSUMER_CONCURRENCY: '24',
    },
    probes: {
      startup: Probe.http('/actuator/health/startup', { periodSeconds: 5, failureThreshold: 24 }),
      readiness: Probe.http('/actuator/health/readiness', { periodSeconds: 5 }),
      liveness: Probe.http('/actuator/health/liveness', { periodSeconds: 10, initialDelaySeconds: 30 }),
    },
    rollout: { maxSurge: 2, maxUnavailable: 1 },
    autoscaling: {
      minReplicas: 8,
      maxReplicas: 50,
      cpuUtilization: 65,
      podMetrics: { http_requests_inflight: '50' },
    },
    minAvailable: 6,
    preStopSeconds: 10,
    placement: { nodePool: 'online-general' },
    priority: PriorityTier.ONLINE_CRITICAL,
    permissions: [{ resources: ['configmaps'], verbs: ['get', 'list'] }],
    network: {
      ingress: [{ from: Peer.pods({ app: 'gateway' }) }],
      egress: [{ to: Peer.namespace('infra'), ports: [{ port: 6379, protocol: Protocol.TCP }] }],
    },
    monitoring: { path: '/actuator/prometheus', interval: Duration.seconds(15) },
  });
}
