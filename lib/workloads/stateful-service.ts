import { Duration } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Peer } from '../core/network';
import { resolvePodExtensions, workloadPodResources } from './containers';
import { assertDnsSubdomainName } from '../core/names';
import { NamedObject } from '../core/named-object';
import { WorkloadConstruct } from './workload-construct';
import { ExternalSecret } from '../../imports/externalsecret-external-secrets.io';
import { fail, show } from '../core/errors';
import { WorkloadIdentity } from '../core/labels';
import { PlacementOptions, podPlacement } from '../core/placement';
import { assertPort, assertPortName } from '../core/ports';
import { PriorityTier } from '../core/priority';
import { assertQuantity, ResourceQuantities } from '../core/resources';
import { SecretFiles, secretFiles } from '../secrets/secret-files';
import {
  WorkloadProps,
  metadataFactory,
  workloadServiceAccount,
  resolveProbes,
  resolveWorkloadNaming,
  restrictedPodTemplate,
  ServiceProbes,
} from './pod-template';
import { NetworkAccess } from './production-service';
import { admitPeer, workloadNetworkPolicy } from './workload-network-policy';

/** The volume each replica keeps its data on. */
export interface StatefulStorage {
  /** Size of each replica's volume, e.g. `'20Gi'`. Required: there is no silent default. */
  readonly size: string;
  /**
   * The class the volumes are provisioned from, with `reclaimPolicy: Retain` so deleting a claim never
   * deletes data: a `RetainedStorageClass`, or an existing Retain class by name (`{ name: 'gp3-retain' }`).
   */
  readonly storageClass: NamedObject;
  /**
   * Where the volume is mounted in the container.
   * @default '/data'
   */
  readonly mountPath?: string;
}

/** Properties of a {@link StatefulService}. */
export interface StatefulServiceProps extends WorkloadProps {
  /** Persistent volume of each replica; required. */
  readonly storage: StatefulStorage;
  /** Port the container listens on, exposed by the headless Service. */
  readonly containerPort: number;
  /**
   * Name of the port in the container and the Service.
   * @default 'tcp'
   */
  readonly portName?: string;
  /**
   * Number of replicas, each with its own volume and stable name (`<name>-0`, `<name>-1`...).
   * @default 3
   */
  readonly replicas?: number;
  /** Health checks. @default - see {@link ServiceProbes} */
  readonly probes?: ServiceProbes;
  /**
   * How long Kubernetes waits for a graceful exit, e.g. to flush data to disk (whole seconds).
   * @default Duration.seconds(30)
   */
  readonly terminationGracePeriod?: Duration;
  /** Node pool, host and zone placement. @default - see {@link PlacementOptions} */
  readonly placement?: PlacementOptions;
  /**
   * Scheduling priority tier.
   * @default PriorityTier.ONLINE_STANDARD
   */
  readonly priority?: PriorityTier;
  /** Allowed network peers. @default - DNS egress only, no ingress */
  readonly network?: NetworkAccess;
  /**
   * Secrets fetched by the External Secrets Operator and mounted read-only as files.
   * @default - none
   */
  readonly secrets?: SecretFiles[];
}

/**
 * A stateful service (guide 6.4): StatefulSet with one Retain-class volume per replica, headless Service
 * for stable per-pod DNS names, a PodDisruptionBudget that lets one replica go at a time, its own
 * ServiceAccount and an allow-list NetworkPolicy, with the same security, placement, probes and labels
 * as {@link ProductionService}.
 *
 * It keeps data on disk across restarts and reschedules; it does not make the data safe. Replication,
 * consistency, backup, restore and failover remain the job of the operator of the software (or of a
 * dedicated Kubernetes operator for it).
 */
export class StatefulService extends WorkloadConstruct {
  /** Name shared by every object. */
  public readonly name: string;
  /** Namespace of every object. */
  public readonly namespace: string;
  /** The recommended labels' values. */
  public readonly identity: WorkloadIdentity;
  /** Labels the Service, PDB and policy select on. */
  public readonly selector: Record<string, string>;
  /** CPU and memory of each pod: the main container and sidecars, or the largest init container when more. */
  public readonly resources: ResourceQuantities;
  /** Replica count (also the ceiling the tenant quota must hold). */
  public readonly maxReplicas: number;
  /** The ServiceAccount the pods run as: the one given, or the workload's own. */
  public readonly serviceAccount: NamedObject;
  /** The ExternalSecrets the pods' secret files come from. */
  public readonly externalSecrets: ExternalSecret[];
  /** The workload. */
  public readonly statefulSet: k8s.KubeStatefulSet;
  /** Headless Service giving each pod a stable DNS name. */
  public readonly service: k8s.KubeService;
  /** Voluntary disruption budget: one replica at a time. */
  public readonly disruptionBudget: k8s.KubePodDisruptionBudget;
  /** Ingress and egress allow-list. */
  public readonly networkPolicy: k8s.KubeNetworkPolicy;
  /** The container port clients connect to (through the headless Service). */
  public readonly servingPort: number;

  public constructor(scope: Construct, id: string, props: StatefulServiceProps) {
    super(scope, id);
    const naming = resolveWorkloadNaming(this, id, props, 'database', {
      service: true,
      maxLength: { length: 52, why: 'its pods carry the label controller-revision-hash: <name>-<10-character hash>' },
    });
    this.name = naming.name;
    this.namespace = naming.namespace;
    this.identity = naming.identity;
    this.selector = naming.selector;
    this.resources = workloadPodResources(this, props);
    const storage = this.resolveStorage(props.storage);
    const port = {
      name: assertPortName(this, 'portName', props.portName ?? 'tcp'),
      port: assertPort(this, 'containerPort', props.containerPort),
    };
    this.servingPort = port.port;
    const replicas = props.replicas ?? 3;
    if (!Number.isInteger(replicas) || replicas < 1) {
      fail(this, `replicas ${show(replicas)} must be a positive integer; use 3 for a replicated data store`);
    }
    this.maxReplicas = replicas;

    const metadata = metadataFactory(this.namespace, this.identity);
    this.serviceAccount = workloadServiceAccount(this, props.serviceAccount, metadata(this.name), false);
    const probes = resolveProbes(this, props.probes ?? {}, port.port);
    const secrets = secretFiles(this, metadata, props.secrets ?? []);
    this.externalSecrets = secrets.externalSecrets;

    this.statefulSet = new k8s.KubeStatefulSet(this, 'Resource', {
      metadata: metadata(this.name),
      spec: {
        serviceName: this.name,
        replicas,
        revisionHistoryLimit: 10,
        podManagementPolicy: 'OrderedReady',
        selector: { matchLabels: this.selector },
        updateStrategy: { type: 'RollingUpdate' },
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
        template: restrictedPodTemplate(this, {
          identity: this.identity,
          image: props.image,
          resources: props.resources,
          serviceAccountName: this.serviceAccount.name,
          automountServiceAccountToken: false,
          priority: props.priority ?? PriorityTier.ONLINE_STANDARD,
          placement: podPlacement(this, this.selector, props.placement),
          port,
          args: props.args,
          env: props.env,
          envFrom: secrets.envFrom,
          probes,
          terminationGracePeriod: props.terminationGracePeriod ?? Duration.seconds(30),
          runAs: props.runAs,
          volumes: secrets.volumes,
          volumeMounts: [{ name: 'data', mountPath: storage.mountPath }, ...secrets.volumeMounts],
          extensions: resolvePodExtensions(this, props, {
            volumes: ['data', ...secrets.volumes.map((v) => v.name)],
            ports: [port.port],
          }),
        }),
        volumeClaimTemplates: [
          {
            metadata: { name: 'data', labels: this.selector },
            spec: {
              accessModes: ['ReadWriteOnce'],
              storageClassName: storage.storageClass.name,
              resources: { requests: { storage: k8s.Quantity.fromString(storage.size) } },
            },
          },
        ],
      },
    });

    this.service = new k8s.KubeService(this, 'Service', {
      metadata: metadata(this.name),
      spec: {
        clusterIp: 'None',
        selector: this.selector,
        ports: [
          { name: port.name, port: port.port, targetPort: k8s.IntOrString.fromString(port.name), protocol: 'TCP' },
        ],
      },
    });

    this.disruptionBudget = new k8s.KubePodDisruptionBudget(this, 'DisruptionBudget', {
      metadata: metadata(this.name),
      spec: {
        maxUnavailable: k8s.IntOrString.fromNumber(1),
        selector: { matchLabels: this.selector },
      },
    });

    this.networkPolicy = workloadNetworkPolicy(this, metadata(this.name), {
      selector: this.selector,
      port: port.port,
      ingress: props.network?.ingress,
      egress: props.network?.egress,
    });
  }

  /** Admits `peer` to the serving port in the NetworkPolicy; `Dependency.on(this)` calls it for each client. */
  public allowIngressFrom(peer: Peer): void {
    admitPeer(this.networkPolicy, peer, this.servingPort);
  }

  private resolveStorage(storage: StatefulStorage | undefined): Required<StatefulStorage> {
    if (!storage || storage.size === undefined) {
      fail(
        this,
        `storage.size is required: each replica keeps its data on its own volume and there is no safe default; ` +
          `add storage: { size: '10Gi', storageClass } sized for the data plus growth`,
      );
    }
    assertQuantity(this, 'storage.size', storage.size, 'storage');
    if (!storage.storageClass) {
      fail(
        this,
        `storage.storageClass is required; pass a RetainedStorageClass so deleting a claim never deletes the data`,
      );
    }
    assertDnsSubdomainName(this, 'storage.storageClass.name', storage.storageClass.name);
    return { ...storage, mountPath: storage.mountPath ?? '/data' };
  }
}
