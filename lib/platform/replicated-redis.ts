import { Chart, Duration, JsonPatch } from 'cdk8s';
import { Construct } from 'constructs';
import { wholeSeconds } from '../core/durations';
import { fail, show } from '../core/errors';
import { Peer, Protocol } from '../core/network';
import { PlacementOptions } from '../core/placement';
import { PriorityTier } from '../core/priority';
import { Probe } from '../core/probes';
import { ContainerResources, ResourceQuantities } from '../core/resources';
import { SecretFiles } from '../secrets/secret-files';
import { NetworkAccess } from '../workloads/production-service';
import { StatefulService, StatefulStorage } from '../workloads/stateful-service';
import { WorkloadConstruct } from '../workloads/workload-construct';
import { admitPeer } from '../workloads/workload-network-policy';
import { RedisTopology, redisSentinelScript, redisServerScript } from './replicated-redis-scripts';

/** The Redis port. */
export const REDIS_PORT = 6379;
/** The Sentinel port. */
export const REDIS_SENTINEL_PORT = 26379;

/** Properties of a {@link ReplicatedRedis}. */
export interface ReplicatedRedisProps {
  /** Redis image, pinned; it must ship `redis-server`, `redis-cli`, `sh` and `timeout` (the official image does). */
  readonly image: string;
  /** CPU and memory of the Redis container. */
  readonly resources: ContainerResources;
  /**
   * CPU and memory of the Sentinel container beside it.
   * @default - 50m CPU requested (limit 200m) and 64Mi of memory
   */
  readonly sentinelResources?: ContainerResources;
  /**
   * Object name and `app.kubernetes.io/name`.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Namespace of every object.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /**
   * `app.kubernetes.io/part-of`.
   * @default - the name
   */
  readonly partOf?: string;
  /** Each pod's volume (append-only file and snapshots). */
  readonly storage: StatefulStorage;
  /**
   * Where the password of Redis and Sentinel comes from: an ExternalSecret with a file named `password`.
   * Replicas, Sentinels and clients all use it.
   */
  readonly password: SecretFiles;
  /**
   * Pods, each running Redis and a Sentinel: one primary, the rest replicas.
   * @default 3
   */
  readonly replicas?: number;
  /**
   * Sentinels that must agree the primary is down before one of them fails over; a majority.
   * @default - a majority of the pods (2 of 3)
   */
  readonly quorum?: number;
  /**
   * How long the primary may not answer before a Sentinel counts it down (whole seconds).
   * @default Duration.seconds(5)
   */
  readonly downAfter?: Duration;
  /**
   * The name Sentinel monitors the primary under; clients ask Sentinel for it.
   * @default - the name
   */
  readonly primaryName?: string;
  /** Node pool, host and zone placement. @default - see {@link PlacementOptions} */
  readonly placement?: PlacementOptions;
  /**
   * Scheduling priority tier.
   * @default PriorityTier.ONLINE_STANDARD
   */
  readonly priority?: PriorityTier;
  /** Allowed network peers besides its own pods and its clients. @default - DNS egress only */
  readonly network?: NetworkAccess;
}

/**
 * Redis with one primary, replicas and Sentinel (guide 6.4 and 16.3): a {@link StatefulService} whose
 * pods each run Redis and a Sentinel. On start each container asks the Sentinels for the current primary
 * (the first pod on the very first start) and runs as it or as its replica, so a restarted old primary
 * rejoins as a replica. When the primary stops answering, a quorum of Sentinels promotes the replica
 * with the most data. Clients find the primary through Sentinel ({@link ReplicatedRedis.clientConfig});
 * `Dependency.on(redis)` opens both ports. A write is durable against a failover once `WAIT 1` confirms
 * a replica has it; a primary that has lost every replica refuses writes (`min-replicas-to-write 1`).
 */
export class ReplicatedRedis extends WorkloadConstruct {
  /** Name shared by every object. */
  public readonly name: string;
  /** Namespace of every object. */
  public readonly namespace: string;
  /** The Redis port. */
  public readonly servingPort: number = REDIS_PORT;
  /** The Sentinel port. */
  public readonly sentinelPort: number = REDIS_SENTINEL_PORT;
  /** Both ports a client connects to: Sentinel to find the primary, then Redis. */
  public readonly clientPorts: readonly number[] = [REDIS_PORT, REDIS_SENTINEL_PORT];
  /** The name Sentinel monitors the primary under. */
  public readonly primaryName: string;
  /** Sentinels that must agree before a failover. */
  public readonly quorum: number;
  /** The Sentinel addresses clients ask, `host:port`, one per pod. */
  public readonly sentinels: readonly string[];
  /** Where the pods find each other; the scripts are built from it. */
  public readonly topology: RedisTopology;
  /** The StatefulSet, headless Service, budget, policy and secret of the pods. */
  public readonly statefulService: StatefulService;
  /** The password's secret files: clients declare the same in their own namespace to authenticate. */
  public readonly password: SecretFiles;

  public constructor(scope: Construct, id: string, props: ReplicatedRedisProps) {
    super(scope, id);
    this.name = props.name ?? id;
    this.namespace = props.namespace ?? Chart.of(this).namespace ?? '';
    const replicas = props.replicas ?? 3;
    if (!Number.isInteger(replicas) || replicas < 3) {
      fail(
        this,
        `replicas ${show(replicas)} must be a whole number of at least 3: a Sentinel majority must survive one pod ` +
          `down and still find a replica to promote; use 3`,
      );
    }
    const majority = Math.floor(replicas / 2) + 1;
    this.quorum = props.quorum ?? majority;
    if (!Number.isInteger(this.quorum) || this.quorum < majority || this.quorum > replicas) {
      fail(
        this,
        `quorum ${show(this.quorum)} must be a majority of the ${replicas} Sentinels (${majority} to ${replicas}), ` +
          `so the two sides of a split cannot both promote a primary; use ${majority}`,
      );
    }
    if (!props.password?.files?.password || props.password.asEnvironment) {
      fail(
        this,
        `password must be SecretFiles with a file named "password" (not asEnvironment), e.g. ` +
          `{ name: 'redis-auth', store, files: { password: { key: 'prod/redis', property: 'password' } } }`,
      );
    }
    const downAfterSeconds = wholeSeconds(this, 'downAfter', props.downAfter ?? Duration.seconds(5), 1);
    this.primaryName = props.primaryName ?? this.name;
    // The name goes unquoted into Sentinel's configuration and its commands: one word, no quoting needed.
    if (!/^[A-Za-z0-9._-]+$/.test(this.primaryName)) {
      fail(
        this,
        `primaryName ${show(this.primaryName)} must be one word of letters, digits, '.', '_' and '-', ` +
          `as Sentinel's configuration takes it unquoted; use e.g. "${this.name}"`,
      );
    }
    this.password = props.password;
    const secretDir = props.password.mountPath ?? `/var/run/secrets/${props.password.name}`;
    const pods = Array.from({ length: replicas }, (_, i) => `${this.name}-${i}`);
    this.topology = {
      primaryName: this.primaryName,
      serviceDomain: `${this.name}.${this.namespace}.svc.cluster.local`,
      pods,
      port: REDIS_PORT,
      sentinelPort: REDIS_SENTINEL_PORT,
      quorum: this.quorum,
      downAfterMilliseconds: downAfterSeconds * 1000,
      passwordFile: `${secretDir}/password`,
      dataDir: props.storage?.mountPath ?? '/data',
    };
    this.sentinels = pods.map((p) => `${p}.${this.topology.serviceDomain}:${REDIS_SENTINEL_PORT}`);

    const ownPods = Peer.pods({ 'app.kubernetes.io/name': this.name });
    const ping = (port: number) =>
      Probe.command(
        ['sh', '-c', `REDISCLI_AUTH="$(cat ${this.topology.passwordFile})" redis-cli -p ${port} ping | grep -q PONG`],
        { period: Duration.seconds(5) },
      );
    this.statefulService = new StatefulService(this, 'Resource', {
      image: props.image,
      name: this.name,
      namespace: props.namespace,
      partOf: props.partOf,
      component: 'cache',
      resources: props.resources,
      replicas,
      containerPort: REDIS_PORT,
      portName: 'redis',
      args: ['sh', '-c', redisServerScript(this.topology)],
      storage: props.storage,
      probes: {
        startup: Probe.tcp({ period: Duration.seconds(5), failureThreshold: 24 }),
        readiness: ping(REDIS_PORT),
        liveness: Probe.tcp({ period: Duration.seconds(10) }),
      },
      sidecars: [
        {
          name: 'sentinel',
          image: props.image,
          resources: props.sentinelResources ?? {
            cpu: { request: '50m', limit: '200m' },
            memory: { request: '64Mi', limit: '64Mi' },
          },
          args: ['sh', '-c', redisSentinelScript(this.topology)],
          ports: [{ name: 'sentinel', port: REDIS_SENTINEL_PORT }],
          volumeMounts: [{ volume: `secret-${props.password.name}`, mountPath: secretDir, readOnly: true }],
          readiness: ping(REDIS_SENTINEL_PORT),
          liveness: Probe.tcp({ port: REDIS_SENTINEL_PORT, period: Duration.seconds(10) }),
        },
      ],
      placement: props.placement,
      priority: props.priority,
      network: {
        ...props.network,
        egress: [
          ...(props.network?.egress ?? []),
          {
            to: ownPods,
            ports: this.clientPorts.map((port) => ({ port, protocol: Protocol.TCP })),
          },
        ],
      },
      secrets: [props.password],
    });
    // Replicas and Sentinels reach each other by pod name before they are ready (a replica still
    // syncing, a Sentinel still starting), so the headless Service publishes every pod.
    this.statefulService.service.addJsonPatch(
      JsonPatch.add('/spec/publishNotReadyAddresses', true),
      // targetPort defaults to the port, the Sentinel container's.
      JsonPatch.add('/spec/ports/-', { name: 'sentinel', port: REDIS_SENTINEL_PORT, protocol: 'TCP' }),
    );
    this.allowIngressFrom(ownPods);
  }

  /** CPU and memory of each pod, Redis and Sentinel counted. */
  public get resources(): ResourceQuantities {
    return this.statefulService.resources;
  }

  /** Pods at once (for the tenant quota). */
  public get maxReplicas(): number {
    return this.statefulService.maxReplicas;
  }

  /**
   * What a client needs to find the primary, as configuration: `REDIS_SENTINELS` (comma-separated
   * `host:port`) and `REDIS_SENTINEL_PRIMARY` (the monitored name). The password is the same secret.
   */
  public get clientConfig(): Record<string, string> {
    return { REDIS_SENTINELS: this.sentinels.join(','), REDIS_SENTINEL_PRIMARY: this.primaryName };
  }

  /** Admits `peer` to Redis and Sentinel; `Dependency.on(this)` calls it for each client. */
  public allowIngressFrom(peer: Peer): void {
    for (const port of this.clientPorts) admitPeer(this.statefulService.networkPolicy, peer, port);
  }
}
