import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import {
  Dependency,
  Environment,
  PriorityTier,
  ProcessRuntime,
  Probe,
  ProductionService,
  ServiceTier,
  ReplicatedRedis,
} from '../../lib';
import { SPRING_PROFILES } from '../config';

/**
 * The guide's order service (section 14), sized for `env`. It depends on MySQL and Kafka outside the
 * cluster and on the environment's Redis, whose password it reads from its own ExternalSecret.
 */
export function orderApi(scope: Construct, env: Environment, redis: ReplicatedRedis): ProductionService {
  const capacity = env.capacityOf('order-api');
  const [mysql, kafka] = [env.endpointOf('mysql'), env.endpointOf('kafka')];
  return new ProductionService(scope, 'order-api', {
    image: env.imageOf('order-api'),
    partOf: 'shop',
    resources: capacity.resources,
    config: {
      SPRING_PROFILES_ACTIVE: SPRING_PROFILES[env.name] ?? env.name,
      LOG_LEVEL: env.logLevel,
      DB_POOL_SIZE: '120',
      KAFKA_CONSUMER_CONCURRENCY: '24',
      // Spring Boot serves only /actuator/health over HTTP by default: the probes' health groups and the
      // scrape path below exist because of these two (Spring Boot 3 reference, actuator endpoints).
      MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED: 'true',
      MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE: 'health,prometheus',
      // Where the declared external dependencies are (spring.datasource.url, spring.kafka.bootstrap-servers
      // under Spring's relaxed binding); the policy opens their address blocks and ports.
      SPRING_DATASOURCE_URL: `jdbc:mysql://${mysql.host}:${mysql.port}/orders`,
      SPRING_KAFKA_BOOTSTRAPSERVERS: `${kafka.host}:${kafka.port}`,
      // Spring Boot's names for Redis with Sentinel (spring.data.redis.sentinel.nodes and .master).
      SPRING_DATA_REDIS_SENTINEL_NODES: redis.clientConfig.REDIS_SENTINELS,
      SPRING_DATA_REDIS_SENTINEL_MASTER: redis.clientConfig.REDIS_SENTINEL_PRIMARY,
    },
    probes: {
      // Spring Boot has health groups liveness and readiness only, and advises the liveness group for a
      // slow starter's startupProbe (the guide's /actuator/health/startup is no group it defines).
      startup: Probe.http('/actuator/health/liveness', { period: Duration.seconds(5), failureThreshold: 24 }),
      readiness: Probe.http('/actuator/health/readiness', { period: Duration.seconds(5) }),
      liveness: Probe.http('/actuator/health/liveness', {
        period: Duration.seconds(10),
        initialDelay: Duration.seconds(30),
      }),
      runtime: ProcessRuntime.JVM,
    },
    rollout: { maxSurge: 2, maxUnavailable: 1 },
    autoscaling: {
      minReplicas: capacity.minReplicas,
      maxReplicas: capacity.maxReplicas,
      cpuUtilization: capacity.cpuUtilization,
      podMetrics: capacity.podMetrics,
    },
    disruptionBudgetPercent: capacity.disruptionBudgetPercent,
    preStopDelay: Duration.seconds(10),
    placement: { nodePool: env.props.nodePool, zoneSpread: env.props.zoneSpread },
    priority: PriorityTier.ONLINE_CRITICAL,
    permissions: [{ resources: ['configmaps'], verbs: ['get', 'list'] }],
    network: { apiServer: env.apiServer },
    dependsOn: [Dependency.on(redis), Dependency.external(mysql), Dependency.external(kafka)],
    secrets: [redis.password],
    monitoring: { path: '/actuator/prometheus', interval: Duration.seconds(15) },
    canary: env.canaryOf('order-api'),
    telemetry: { tier: ServiceTier.CORE, resourceAttributes: { 'deployment.environment': env.name } },
  });
}
