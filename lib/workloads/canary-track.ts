import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ServiceMonitor } from '../../imports/servicemonitor-monitoring.coreos.com';
import { fail } from '../core/errors';
import { assertPinnedImage, versionLabel } from '../core/image';
import { selectorLabels, WorkloadIdentity } from '../core/labels';
import { Peer } from '../core/network';
import { ResourceQuantities } from '../core/resources';
import { PlacementOptions, POD_TEMPLATE_HASH_LABEL, podPlacement } from '../core/placement';
import { metadataFactory, PodTemplateOptions, restrictedPodTemplate } from './pod-template';
import { httpClusterIpService } from './http-service-builder';
import { httpServiceMonitor, MonitoringOptions } from './service-monitor-builder';
import { admitPeer, WorkloadTraffic, workloadNetworkPolicy } from './workload-network-policy';
import { readinessSuppression } from '../core/readiness-suppression';

/** Why a one-pod canary is no outage risk: the readiness check lists it as a reasoned exemption. */
export const CANARY_SINGLE_REPLICA_REASON =
  'a canary takes a small share of the traffic next to its stable track, which serves all of it while the one canary pod restarts';
import { TelemetryOptions, telemetryEnv } from '../observability/telemetry';

/** A second, smaller release track of a service that receives a share of its traffic. */
export interface CanaryOptions {
  /** Image of the canary; must differ from the stable image. */
  readonly image: string;
  /**
   * Fixed replica count of the canary track.
   * @default 1
   */
  readonly replicas?: number;
}

/** Everything the canary copies from its stable track. */
export interface CanaryTrackProps extends CanaryOptions {
  /** Name of the stable track; the canary is `<name>-canary`. */
  readonly stableName: string;
  /** Namespace of both tracks. */
  readonly namespace: string;
  /** Image of the stable track. */
  readonly stableImage: string;
  /** Identity of the stable track; the canary differs in instance and version. */
  readonly stableIdentity: WorkloadIdentity;
  /** The stable pod template options (service account, config, secrets, probes, security). */
  readonly template: PodTemplateOptions;
  /** What each pod needs, every container counted (as the stable track's `resources`). */
  readonly podResources: ResourceQuantities;
  /**
   * Placement of the stable track, applied to the canary's own pods.
   * @default - see {@link PlacementOptions}
   */
  readonly placement?: PlacementOptions;
  /** The stable track's NetworkPolicy rules, applied to the canary's pods. */
  readonly traffic: Omit<WorkloadTraffic, 'selector'>;
  /** The Service port. */
  readonly servicePort: number;
  /**
   * The stable track's telemetry options; the canary's own environment renders them with the canary's
   * version, so its traces and metrics report the release under test.
   * @default - no telemetry variables besides those in the template
   */
  readonly telemetry?: TelemetryOptions;
  /**
   * Environment variables the service sets itself; they override the telemetry variables, as on the
   * stable track.
   * @default - none
   */
  readonly env?: Record<string, string>;
  /**
   * Scraping of the canary Service.
   * @default - not scraped
   */
  readonly monitoring?: MonitoringOptions;
}

/**
 * The canary track of a {@link ProductionService}: its own Deployment, Service, disruption budget,
 * NetworkPolicy and ServiceMonitor under the instance `<name>-canary`, sharing the stable track's
 * ServiceAccount, ConfigMap, secrets and rules. Selectors differ in `app.kubernetes.io/instance`, so
 * the stable Service never selects canary pods and the canary Service never selects stable ones.
 * A route splits traffic between the two Services by weight.
 */
export class CanaryTrack extends Construct {
  /** `<stable name>-canary`. */
  public readonly name: string;
  /** Namespace. */
  public readonly namespace: string;
  /** The canary's labels. */
  public readonly identity: WorkloadIdentity;
  /** Labels the canary Service, budget and policy select on. */
  public readonly selector: Record<string, string>;
  /** Fixed replica count. */
  public readonly replicas: number;
  /** CPU and memory of each canary pod (the stable track's). */
  public readonly resources: ResourceQuantities;
  /** The Service port (same as stable). */
  public readonly servicePort: number;
  /** The canary workload. */
  public readonly deployment: k8s.KubeDeployment;
  /** The canary Service, a route backend. */
  public readonly service: k8s.KubeService;
  /** Keeps all but one canary pod during drains (`maxUnavailable: 1`). */
  public readonly disruptionBudget: k8s.KubePodDisruptionBudget;
  /** The stable track's rules applied to the canary pods. */
  public readonly networkPolicy: k8s.KubeNetworkPolicy;
  /** Scraping of the canary Service, when monitoring is on. */
  public readonly serviceMonitor?: ServiceMonitor;
  private readonly containerPort?: number;

  public constructor(scope: Construct, id: string, props: CanaryTrackProps) {
    super(scope, id);
    const image = assertPinnedImage(this, 'canary.image', props.image);
    if (props.image === props.stableImage) {
      fail(
        this,
        `canary.image "${props.image}" is the stable image; a canary must run the release under test, ` +
          `e.g. ${image.repository}:<next version>`,
      );
    }
    this.replicas = props.replicas ?? 1;
    if (!Number.isInteger(this.replicas) || this.replicas < 1) {
      fail(
        this,
        `canary.replicas ${JSON.stringify(this.replicas)} must be a positive integer; use 1 for a small canary`,
      );
    }
    this.name = `${props.stableName}-canary`;
    this.resources = props.podResources;
    this.namespace = props.namespace;
    this.servicePort = props.servicePort;
    this.containerPort = props.traffic.port;
    this.identity = {
      ...props.stableIdentity,
      instance: this.name,
      version: versionLabel(this, 'canary.version', image),
    };
    this.selector = selectorLabels(this.identity);
    const metadata = metadataFactory(this.namespace, this.identity);

    const deploymentMetadata = metadata(this.name);
    this.deployment = new k8s.KubeDeployment(this, 'Resource', {
      metadata:
        this.replicas === 1
          ? {
              ...deploymentMetadata,
              annotations: {
                ...deploymentMetadata.annotations,
                ...readinessSuppression('replicas-above-one', CANARY_SINGLE_REPLICA_REASON),
              },
            }
          : deploymentMetadata,
      spec: {
        replicas: this.replicas,
        revisionHistoryLimit: 10,
        selector: { matchLabels: this.selector },
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxSurge: k8s.IntOrString.fromNumber(1), maxUnavailable: k8s.IntOrString.fromNumber(0) },
        },
        template: restrictedPodTemplate(this, {
          ...props.template,
          identity: this.identity,
          image: props.image,
          env: props.telemetry
            ? { ...props.template.env, ...telemetryEnv(this, 'telemetry', this, props.telemetry), ...props.env }
            : props.template.env,
          placement: podPlacement(this, this.selector, props.placement, { revisionLabel: POD_TEMPLATE_HASH_LABEL }),
        }),
      },
    });
    this.service = httpClusterIpService(this, 'Service', metadata(this.name), this.selector, this.servicePort);
    this.disruptionBudget = new k8s.KubePodDisruptionBudget(this, 'DisruptionBudget', {
      metadata: metadata(this.name),
      spec: {
        maxUnavailable: k8s.IntOrString.fromNumber(1),
        selector: { matchLabels: this.selector },
        unhealthyPodEvictionPolicy: 'AlwaysAllow',
      },
    });
    this.networkPolicy = workloadNetworkPolicy(this, metadata(this.name), {
      ...props.traffic,
      selector: this.selector,
    });
    if (props.monitoring) {
      this.serviceMonitor = httpServiceMonitor(
        this,
        'ServiceMonitor',
        metadata(this.name),
        this.selector,
        props.monitoring,
      );
    }
  }

  /** Most canary pods at once, for quota accounting. */
  public get maxReplicas(): number {
    return this.replicas;
  }

  /** Admits `peer` to the canary pods, like the stable track. */
  public allowIngressFrom(peer: Peer): void {
    if (this.containerPort !== undefined) admitPeer(this.networkPolicy, peer, this.containerPort);
  }
}
