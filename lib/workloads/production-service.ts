import { Duration } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { wholeSeconds } from '../core/durations';
import { resolvePodExtensions, workloadPodResources } from './containers';
import { NamedObject } from '../core/named-object';
import { WorkloadConstruct } from './workload-construct';
import { ServiceMonitor } from '../../imports/servicemonitor-monitoring.coreos.com';
import { ExternalSecret } from '../../imports/externalsecret-external-secrets.io';
import { fail, show } from '../core/errors';
import { WorkloadIdentity } from '../core/labels';
import { EgressRule, IngressRule, Peer, Protocol } from '../core/network';
import { EXTERNAL_DEPENDENCIES_ANNOTATION, ExternalDependency } from '../core/external-dependency';
import { assertDnsSubdomainName, assertMetricName } from '../core/names';
import { PlacementOptions, POD_TEMPLATE_HASH_LABEL, podPlacement } from '../core/placement';
import { assertPort } from '../core/ports';
import { PriorityTier } from '../core/priority';
import { leastPrivilegeRules, PermissionRule } from '../core/rbac';
import { assertQuantity, ResourceQuantities } from '../core/resources';
import { assertIntOrPercent, isNoPods } from '../core/counts';
import { intOrPercent } from '../core/values';
import { SecretFiles, secretFiles } from '../secrets/secret-files';
import {
  metadataFactory,
  workloadServiceAccount,
  resolveProbes,
  resolveWorkloadNaming,
  PodTemplateOptions,
  restrictedPodTemplate,
  ServiceProbes,
  WorkloadProps,
} from './pod-template';
import { CanaryOptions, CanaryTrack } from './canary-track';
import { Dependency, resolveDependencies } from './dependencies';
import { httpClusterIpService } from './http-service-builder';
import { httpServiceMonitor, MonitoringOptions } from './service-monitor-builder';
import { admitPeer, apiServerEgress, workloadNetworkPolicy } from './workload-network-policy';
import { DEFAULT_OTLP_ENDPOINT, TelemetryOptions, telemetryEnv } from '../observability/telemetry';
import { ownConfigMap } from './own-config-map';

/** Horizontal autoscaling on CPU and per-pod metrics. */
export interface AutoscalingOptions {
  /** Fewest replicas, also the floor during voluntary disruptions. */
  readonly minReplicas: number;
  /** Most replicas. */
  readonly maxReplicas: number;
  /**
   * Target average CPU utilization, in percent of the request.
   * @default - no CPU metric
   */
  readonly cpuUtilization?: number;
  /**
   * Per-pod custom metrics and their target average values, e.g. `{ http_requests_inflight: '50' }`.
   * @default - none
   */
  readonly podMetrics?: Record<string, string>;
  /**
   * How long the HPA waits before acting on lower recommendations (whole seconds).
   * @default Duration.minutes(5)
   */
  readonly scaleDownStabilization?: Duration;
  /**
   * Most pods added per minute when scaling up, as a percentage of the current count.
   * @default 100
   */
  readonly scaleUpPercentPerMinute?: number;
  /**
   * Most pods removed per minute when scaling down, as a percentage of the current count.
   * @default 10
   */
  readonly scaleDownPercentPerMinute?: number;
}

/** Who may reach the service and whom it may reach. DNS is always allowed. */
export interface NetworkAccess {
  /**
   * Peers allowed to connect to the container port.
   * @default - none besides the monitoring namespace when monitoring is on
   */
  readonly ingress?: IngressRule[];
  /**
   * Destinations the pods may reach, besides DNS.
   * @default - DNS only
   */
  readonly egress?: EgressRule[];
  /**
   * Where the pods reach the Kubernetes API server; required with `permissions` (the pods then hold a
   * token and call the API, which the NetworkPolicy must allow). Find it with `kubectl get endpoints kubernetes`.
   * @default - no API server egress
   */
  readonly apiServer?: ApiServerEndpoint;
}

/** The address of the Kubernetes API server as the pods reach it (after the `kubernetes` Service). */
export interface ApiServerEndpoint {
  /** The endpoints' address block, e.g. `10.0.0.0/24` or `172.20.0.10/32`. */
  readonly cidr: string;
  /**
   * The port the API server itself listens on: NetworkPolicies match it after the `kubernetes` Service's
   * translation (443 to 6443 on kubeadm clusters; 443 on EKS).
   * @default 443
   */
  readonly port?: number;
}

/** Rolling update pacing. */
export interface RolloutOptions {
  /**
   * Extra pods allowed above the desired count during an update (count or percentage).
   * @default '25%'
   */
  readonly maxSurge?: number | string;
  /**
   * Pods allowed to be unavailable during an update (count or percentage).
   * @default 0
   */
  readonly maxUnavailable?: number | string;
}

/** Properties of a {@link ProductionService}. */
export interface ProductionServiceProps extends WorkloadProps {
  /**
   * Port the container listens on.
   * @default 8080
   */
  readonly containerPort?: number;
  /**
   * Port the ClusterIP Service exposes, named `http`.
   * @default 80
   */
  readonly servicePort?: number;
  /**
   * Logging and tracing conventions (JSON logs, OpenTelemetry) as environment variables, guide 10.4
   * and 10.5; `env` overrides any of them, `false` sets none.
   * @default - JSON logs, OpenTelemetry with the standard tier's trace sampling
   */
  readonly telemetry?: TelemetryOptions | false;
  /**
   * A canary track: a second Deployment and Service (`<name>-canary`) with its own image, sharing the
   * ServiceAccount, configuration, secrets and network rules. Route traffic to it by weight with a
   * {@link ServiceRoute}.
   * @default - no canary
   */
  readonly canary?: CanaryOptions;
  /**
   * Configuration rendered as a ConfigMap and loaded with envFrom; a change rolls the pods.
   * @default - no ConfigMap
   */
  readonly config?: Record<string, string>;
  /**
   * An existing ConfigMap loaded with envFrom instead of `config` (for example one shared by several
   * services). Unlike `config`, a change to it does not roll the pods.
   * @default - the ConfigMap `config` makes, or none
   */
  readonly configMap?: NamedObject;
  /** Health checks. @default - see {@link ServiceProbes} */
  readonly probes?: ServiceProbes;
  /** Rolling update pacing. @default - see {@link RolloutOptions} */
  readonly rollout?: RolloutOptions;
  /**
   * Fixed replica count, used when autoscaling is off.
   * @default 2
   */
  readonly replicas?: number;
  /**
   * Horizontal autoscaling; when set, the Deployment leaves `replicas` to the HPA.
   * @default - no autoscaler, fixed replicas
   */
  readonly autoscaling?: AutoscalingOptions;
  /**
   * A fixed count of pods that must stay up during voluntary disruptions; must be below the replica
   * count. Only with fixed replicas: against an autoscaler a fixed floor lets a drain take every pod
   * above it at once, so autoscaled services use `disruptionBudgetPercent`.
   * @default - the budget follows disruptionBudgetPercent
   */
  readonly minAvailable?: number;
  /**
   * Share of the pods, in percent, that voluntary disruptions (drains, upgrades) may take at once: the
   * PodDisruptionBudget's `maxUnavailable`. Kubernetes rounds it up, so one pod can always be evicted,
   * and the allowance grows and shrinks with the autoscaler (10% of 8..50 pods is 1..5).
   * @default 10
   */
  readonly disruptionBudgetPercent?: number;
  /**
   * How long the preStop hook sleeps (`sleep N` in the container, whole seconds) so load balancers stop
   * sending traffic before the process gets SIGTERM. The image must provide `sleep`.
   * @default Duration.seconds(10)
   */
  readonly preStopDelay?: Duration;
  /**
   * How long Kubernetes waits for a graceful exit (whole seconds); must exceed preStopDelay.
   * @default - preStopDelay plus 30 seconds
   */
  readonly terminationGracePeriod?: Duration;
  /** Node pool, host and zone placement. @default - see {@link PlacementOptions} */
  readonly placement?: PlacementOptions;
  /**
   * Scheduling priority tier.
   * @default PriorityTier.ONLINE_STANDARD
   */
  readonly priority?: PriorityTier;
  /**
   * Kubernetes API permissions of the service account; with none, no token is mounted.
   * @default - no permissions
   */
  readonly permissions?: PermissionRule[];
  /** Allowed network peers. @default - see {@link NetworkAccess} */
  readonly network?: NetworkAccess;
  /**
   * Prometheus scraping, or `false` for none.
   * @default - scrape /metrics every 30s
   */
  readonly monitoring?: MonitoringOptions | false;
  /**
   * Secrets fetched by the External Secrets Operator and mounted read-only as files.
   * @default - none
   */
  readonly secrets?: SecretFiles[];
  /**
   * What the service talks to, declared once: `Dependency.on(redis)` opens this service's egress and
   * the target's ingress; `Dependency.external({...})` opens the egress and records the endpoint with
   * its reason on the Deployment.
   * @default - none
   */
  readonly dependsOn?: Dependency[];
}

/**
 * A stateless HTTP service in the shape the guide prescribes for production (sections 6 and 14):
 * Deployment, ServiceAccount (+ Role), ConfigMap, Service, HPA, PodDisruptionBudget,
 * NetworkPolicy and ServiceMonitor, all named after the service and labelled alike.
 */
export class ProductionService extends WorkloadConstruct {
  /** Name shared by every object. */
  public readonly name: string;
  /** Namespace of every object. */
  public readonly namespace: string;
  /** The recommended labels' values. */
  public readonly identity: WorkloadIdentity;
  /** Labels the Service, PDB, HPA and policies select on. */
  public readonly selector: Record<string, string>;
  /** CPU and memory of each pod: the main container and sidecars, or the largest init container when more. */
  public readonly resources: ResourceQuantities;
  /** Container port. */
  public readonly containerPort: number;
  /** Service port, named `http`. */
  public readonly servicePort: number;
  /** Replica floor (the HPA minimum, or the fixed count). */
  public readonly minReplicas: number;
  /** Replica ceiling (the HPA maximum, or the fixed count). */
  public readonly maxReplicas: number;
  /** The workload. */
  public readonly deployment: k8s.KubeDeployment;
  /** The ServiceAccount the pods run as: the one given, or the workload's own. */
  public readonly serviceAccount: NamedObject;
  /** Permissions of the service account, when any were given. */
  public readonly role?: k8s.KubeRole;
  /** Binds {@link ProductionService.role} to {@link ProductionService.serviceAccount}. */
  public readonly roleBinding?: k8s.KubeRoleBinding;
  /** The ConfigMap loaded with envFrom: the one given, the one `config` made, or none. */
  public readonly configMap?: NamedObject;
  /** Stable ClusterIP endpoint. */
  public readonly service: k8s.KubeService;
  /** Autoscaler, when autoscaling is on. */
  public readonly autoscaler?: k8s.KubeHorizontalPodAutoscalerV2;
  /** Names of the per-pod custom metrics the HPA reads (they need a custom metrics API such as prometheus-adapter). */
  public readonly podMetricNames: readonly string[];
  /** Voluntary disruption budget. */
  public readonly disruptionBudget: k8s.KubePodDisruptionBudget;
  /** Ingress and egress allow-list. */
  public readonly networkPolicy: k8s.KubeNetworkPolicy;
  /** Prometheus scrape configuration, when monitoring is on. */
  public readonly serviceMonitor?: ServiceMonitor;
  /** The canary track, when one is configured. */
  public readonly canary?: CanaryTrack;
  /** The ExternalSecrets the pods' secret files come from. */
  public readonly externalSecrets: ExternalSecret[];
  /** The endpoints outside the cluster it depends on (`dependsOn`), as recorded on the Deployment. */
  public readonly externalDependencies: ExternalDependency[];

  public constructor(scope: Construct, id: string, props: ProductionServiceProps) {
    super(scope, id);
    const naming = resolveWorkloadNaming(this, id, props, 'api', {
      service: true,
      ...(props.canary && {
        maxLength: { length: 56, why: 'the canary track is <name>-canary, also a label value of at most 63' },
      }),
    });
    this.name = naming.name;
    this.namespace = naming.namespace;
    this.identity = naming.identity;
    this.selector = naming.selector;
    this.resources = workloadPodResources(this, props);
    this.containerPort = assertPort(this, 'containerPort', props.containerPort ?? 8080);
    this.servicePort = assertPort(this, 'servicePort', props.servicePort ?? 80);

    const scaling = this.resolveScaling(props);
    this.minReplicas = scaling.min;
    this.maxReplicas = scaling.max;
    this.podMetricNames = Object.keys(props.autoscaling?.podMetrics ?? {});
    const budget = this.resolveDisruptionBudget(props);
    const preStop = wholeSeconds(this, 'preStopDelay', props.preStopDelay ?? Duration.seconds(10));
    const grace = props.terminationGracePeriod
      ? wholeSeconds(this, 'terminationGracePeriod', props.terminationGracePeriod)
      : preStop + 30;
    if (grace <= preStop) {
      fail(
        this,
        `preStopDelay (${preStop}s) must be shorter than terminationGracePeriod (${grace}s); ` +
          `raise terminationGracePeriod to at least Duration.seconds(${preStop + 1}) or shorten the preStop sleep`,
      );
    }

    const metadata = metadataFactory(this.namespace, this.identity);

    const permissions = leastPrivilegeRules(this, 'permissions', props.permissions ?? []);
    this.serviceAccount = workloadServiceAccount(
      this,
      props.serviceAccount,
      metadata(this.name),
      permissions.length > 0,
    );
    if (permissions.length > 0) {
      this.role = new k8s.KubeRole(this, 'Role', { metadata: metadata(this.name), rules: permissions });
      this.roleBinding = new k8s.KubeRoleBinding(this, 'RoleBinding', {
        metadata: metadata(this.name),
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: this.name },
        subjects: [{ kind: 'ServiceAccount', name: this.serviceAccount.name, namespace: this.namespace }],
      });
    }

    const podAnnotations: Record<string, string> = {};
    if (props.config && props.configMap) {
      fail(
        this,
        `config and configMap are both set; pass the data as config (a ConfigMap of the service's own that rolls ` +
          `the pods when it changes) or name an existing configMap, not both`,
      );
    }
    if (props.configMap)
      this.configMap = { name: assertDnsSubdomainName(this, 'configMap.name', props.configMap.name) };
    if (props.config) {
      const own = ownConfigMap(this, 'config', metadata(`${this.name}-config`), props.config);
      this.configMap = own.configMap;
      Object.assign(podAnnotations, own.checksumAnnotation);
    }

    const env = {
      ...(props.telemetry === false ? {} : telemetryEnv(this, 'telemetry', this, props.telemetry)),
      ...props.env,
    };
    const probes = resolveProbes(this, props.probes ?? {}, this.containerPort);
    const secrets = secretFiles(this, metadata, props.secrets ?? []);
    this.externalSecrets = secrets.externalSecrets;
    const placement = podPlacement(this, this.selector, props.placement, { revisionLabel: POD_TEMPLATE_HASH_LABEL });
    const template: PodTemplateOptions = {
      identity: this.identity,
      image: props.image,
      resources: props.resources,
      serviceAccountName: this.serviceAccount.name,
      automountServiceAccountToken: permissions.length > 0,
      priority: props.priority ?? PriorityTier.ONLINE_STANDARD,
      placement,
      port: { name: 'http', port: this.containerPort },
      args: props.args,
      env: Object.keys(env).length > 0 ? env : undefined,
      envFrom: [...(this.configMap ? [{ configMapRef: { name: this.configMap.name } }] : []), ...secrets.envFrom],
      probes,
      preStopDelay: Duration.seconds(preStop),
      terminationGracePeriod: Duration.seconds(grace),
      runAs: props.runAs,
      annotations: podAnnotations,
      volumes: secrets.volumes,
      extensions: resolvePodExtensions(this, props, {
        volumes: secrets.volumes.map((v) => v.name),
        ports: [this.containerPort],
      }),
      volumeMounts: secrets.volumeMounts,
    };
    const dependencies = resolveDependencies(this, props.dependsOn ?? []);
    this.externalDependencies = dependencies.external;
    this.deployment = new k8s.KubeDeployment(this, 'Resource', {
      metadata: {
        ...metadata(this.name),
        annotations:
          dependencies.external.length > 0
            ? { [EXTERNAL_DEPENDENCIES_ANNOTATION]: JSON.stringify(dependencies.external) }
            : undefined,
      },
      spec: {
        replicas: props.autoscaling ? undefined : scaling.min,
        revisionHistoryLimit: 10,
        selector: { matchLabels: this.selector },
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: this.resolveRollout(props.rollout ?? {}),
        },
        template: restrictedPodTemplate(this, template),
      },
    });

    this.service = httpClusterIpService(this, 'Service', metadata(this.name), this.selector, this.servicePort);

    if (props.autoscaling) {
      this.autoscaler = this.createAutoscaler(props.autoscaling, metadata(this.name));
    }

    this.disruptionBudget = new k8s.KubePodDisruptionBudget(this, 'DisruptionBudget', {
      metadata: metadata(this.name),
      spec: {
        ...budget,
        selector: { matchLabels: this.selector },
        unhealthyPodEvictionPolicy: 'AlwaysAllow',
      },
    });

    const monitoring = props.monitoring === false ? undefined : (props.monitoring ?? {});
    const egress = [
      ...(props.network?.egress ?? []),
      ...dependencies.egress,
      ...this.platformEgress(props, permissions.length > 0),
    ];
    const ingress = [...(props.network?.ingress ?? [])];
    if (monitoring) ingress.push({ from: Peer.namespace(monitoring.prometheusNamespace ?? 'monitoring') });
    this.networkPolicy = workloadNetworkPolicy(this, metadata(this.name), {
      selector: this.selector,
      port: this.containerPort,
      ingress,
      egress,
    });

    if (monitoring) {
      this.serviceMonitor = httpServiceMonitor(this, 'ServiceMonitor', metadata(this.name), this.selector, monitoring);
    }

    if (props.canary) {
      this.canary = new CanaryTrack(this, 'Canary', {
        ...props.canary,
        stableName: this.name,
        namespace: this.namespace,
        stableImage: props.image,
        stableIdentity: this.identity,
        template,
        podResources: this.resources,
        placement: props.placement,
        traffic: { port: this.containerPort, ingress, egress },
        servicePort: this.servicePort,
        monitoring,
        telemetry: props.telemetry === false ? undefined : (props.telemetry ?? {}),
        env: props.env,
      });
    }
  }

  /**
   * Admits `peer` to the container port in the service's NetworkPolicy. Routes and ingresses call
   * this for the gateway or controller pods they send traffic from.
   */
  public allowIngressFrom(peer: Peer): void {
    admitPeer(this.networkPolicy, peer, this.containerPort);
    this.canary?.allowIngressFrom(peer);
  }

  /** The port clients connect to: the container port (the Service forwards {@link ProductionService.servicePort} to it). */
  public get servingPort(): number {
    return this.containerPort;
  }

  /**
   * The egress every service needs from the platform: the telemetry collector its environment variables
   * point at, and the API server when the pods hold a token.
   */
  private platformEgress(props: ProductionServiceProps, usesApi: boolean): EgressRule[] {
    const egress: EgressRule[] = [];
    if (props.telemetry !== false) {
      const endpoint = props.telemetry?.otlpEndpoint ?? DEFAULT_OTLP_ENDPOINT;
      const inCluster = /^https?:\/\/[a-z0-9-]+\.([a-z0-9-]+)\.svc(?:\.cluster\.local)?:([0-9]+)\/?$/.exec(endpoint);
      if (!inCluster) {
        fail(
          this,
          `telemetry.otlpEndpoint ${show(endpoint)} is not an in-cluster Service URL (http://<service>.<namespace>.svc:<port>), ` +
            `so its egress cannot be derived; point it at the collector in the cluster, or set telemetry: false and ` +
            `declare the endpoint with dependsOn: [Dependency.external({...})]`,
        );
      }
      egress.push({
        to: Peer.namespace(inCluster[1]),
        ports: [{ port: Number(inCluster[2]), protocol: Protocol.TCP }],
      });
    }
    if (usesApi) egress.push(apiServerEgress(this, props.network?.apiServer));
    return egress;
  }

  /** Deployment names of every track: the stable one, then the canary when there is one. */
  public get trackNames(): string[] {
    return this.canary ? [this.name, this.canary.name] : [this.name];
  }

  private resolveScaling(props: ProductionServiceProps): { min: number; max: number } {
    const a = props.autoscaling;
    if (a && props.replicas !== undefined) {
      fail(
        this,
        `replicas (${show(props.replicas)}) and autoscaling are both set, and the HPA owns the replica count; ` +
          `remove replicas and set autoscaling.minReplicas and maxReplicas`,
      );
    }
    if (!a) {
      const replicas = props.replicas ?? 2;
      if (!Number.isInteger(replicas) || replicas < 1) {
        fail(this, `replicas ${show(replicas)} must be a positive integer; use 2 or more for a production service`);
      }
      return { min: replicas, max: replicas };
    }
    if (!Number.isInteger(a.minReplicas) || a.minReplicas < 1) {
      fail(this, `autoscaling.minReplicas ${show(a.minReplicas)} must be a positive integer`);
    }
    if (!Number.isInteger(a.maxReplicas) || a.minReplicas > a.maxReplicas) {
      fail(
        this,
        `autoscaling.minReplicas (${a.minReplicas}) is greater than autoscaling.maxReplicas (${a.maxReplicas}); ` +
          `raise maxReplicas to at least ${a.minReplicas} or lower minReplicas`,
      );
    }
    return { min: a.minReplicas, max: a.maxReplicas };
  }

  private resolveDisruptionBudget(
    props: ProductionServiceProps,
  ): Pick<k8s.PodDisruptionBudgetSpec, 'minAvailable' | 'maxUnavailable'> {
    const requested = props.minAvailable;
    if (props.autoscaling && this.minReplicas < 2) {
      fail(
        this,
        `autoscaling.minReplicas (${this.minReplicas}) lets the autoscaler run a single pod, which any drain ` +
          `evicts with nothing left to serve; raise autoscaling.minReplicas to 2 or more`,
      );
    }
    if (requested !== undefined && props.disruptionBudgetPercent !== undefined) {
      fail(
        this,
        `minAvailable (${show(requested)}) and disruptionBudgetPercent (${show(props.disruptionBudgetPercent)}) ` +
          `both set the PodDisruptionBudget; keep disruptionBudgetPercent, which scales with the replica count`,
      );
    }
    if (requested !== undefined && props.autoscaling) {
      fail(
        this,
        `minAvailable (${show(requested)}) is a fixed floor, but the autoscaler runs ${this.minReplicas}..` +
          `${this.maxReplicas} pods, so at ${this.maxReplicas} a drain could evict ${this.maxReplicas - requested} ` +
          `at once; remove minAvailable and set disruptionBudgetPercent (e.g. 10)`,
      );
    }
    if (requested !== undefined) {
      if (!Number.isInteger(requested) || requested < 0 || requested >= this.minReplicas) {
        fail(
          this,
          `minAvailable (${requested}) must be lower than replicas (${this.minReplicas}) so a node drain can evict ` +
            `at least one pod; use minAvailable: ${Math.max(this.minReplicas - 1, 0)} or raise the replica count`,
        );
      }
      return { minAvailable: k8s.IntOrString.fromNumber(requested) };
    }
    const percent = props.disruptionBudgetPercent ?? 10;
    if (!Number.isInteger(percent) || percent < 1 || percent > 50) {
      fail(
        this,
        `disruptionBudgetPercent ${show(percent)} must be a whole number from 1 to 50, so a drain can always ` +
          `evict one pod and never more than half; use e.g. 10`,
      );
    }
    return { maxUnavailable: k8s.IntOrString.fromString(`${percent}%`) };
  }

  private resolveRollout(rollout: RolloutOptions): k8s.RollingUpdateDeployment {
    const surge = assertIntOrPercent(this, 'rollout.maxSurge', rollout.maxSurge ?? '25%', "1 or '25%'", false);
    const unavailable = assertIntOrPercent(this, 'rollout.maxUnavailable', rollout.maxUnavailable ?? 0, "0 or '10%'");
    if (isNoPods(surge) && isNoPods(unavailable)) {
      fail(
        this,
        `rollout.maxSurge and rollout.maxUnavailable are both 0, so a rolling update can never progress; ` +
          `allow a surge such as maxSurge: 1`,
      );
    }
    return { maxSurge: intOrPercent(surge), maxUnavailable: intOrPercent(unavailable) };
  }

  private createAutoscaler(a: AutoscalingOptions, metadata: k8s.ObjectMeta): k8s.KubeHorizontalPodAutoscalerV2 {
    const metrics: k8s.MetricSpecV2[] = [];
    if (a.cpuUtilization !== undefined) {
      if (!Number.isInteger(a.cpuUtilization) || a.cpuUtilization < 1) {
        fail(
          this,
          `autoscaling.cpuUtilization ${show(a.cpuUtilization)} must be a whole percentage of the CPU request, ` +
            `at least 1 (above 100 is allowed: 150 targets 1.5 times the request)`,
        );
      }
      metrics.push({
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: a.cpuUtilization } },
      });
    }
    for (const [name, value] of Object.entries(a.podMetrics ?? {})) {
      assertMetricName(this, `autoscaling.podMetrics`, name);
      assertQuantity(this, `autoscaling.podMetrics.${name}`, value, 'metric');
      metrics.push({
        type: 'Pods',
        pods: { metric: { name }, target: { type: 'AverageValue', averageValue: k8s.Quantity.fromString(value) } },
      });
    }
    if (metrics.length === 0) {
      fail(
        this,
        `autoscaling has no metric, so the HPA could never scale; set autoscaling.cpuUtilization (e.g. 65) ` +
          `or autoscaling.podMetrics (e.g. { http_requests_inflight: '50' })`,
      );
    }
    return new k8s.KubeHorizontalPodAutoscalerV2(this, 'Autoscaler', {
      metadata,
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: this.name },
        minReplicas: a.minReplicas,
        maxReplicas: a.maxReplicas,
        metrics,
        behavior: {
          scaleUp: {
            stabilizationWindowSeconds: 0,
            selectPolicy: 'Max',
            policies: [{ type: 'Percent', value: a.scaleUpPercentPerMinute ?? 100, periodSeconds: 60 }],
          },
          scaleDown: {
            stabilizationWindowSeconds: wholeSeconds(
              this,
              'autoscaling.scaleDownStabilization',
              a.scaleDownStabilization ?? Duration.minutes(5),
            ),
            selectPolicy: 'Max',
            policies: [{ type: 'Percent', value: a.scaleDownPercentPerMinute ?? 10, periodSeconds: 60 }],
          },
        },
      },
    });
  }
}
