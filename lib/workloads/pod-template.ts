import { Chart, Duration } from 'cdk8s';
import { wholeSeconds } from '../core/durations';
import { k8s } from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { fail, show } from '../core/errors';
import { assertCount } from '../core/counts';
import { assertPinnedImage, ImageReference, versionLabel } from '../core/image';
import { recommendedLabels, selectorLabels, WorkloadIdentity } from '../core/labels';
import { assertDnsLabel, assertDnsSubdomainName } from '../core/names';
import { envVars } from '../core/values';
import { NamedObject } from '../core/named-object';
import { PodPlacement } from '../core/placement';
import { PriorityTier } from '../core/priority';
import { JVM_LIVENESS_TIMING, Probe, ProcessRuntime } from '../core/probes';
import { ContainerResources, containerResources } from '../core/resources';
import {
  restrictedContainerSecurityContext,
  restrictedPodSecurityContext,
  RunAsIdentity,
  TMP_MOUNT,
  TMP_VOLUME,
} from '../core/security';
import { checkedEnv, ContainerPort, PodExtensions, ResolvedPodExtensions } from './containers';

/** Startup, readiness and liveness checks of the container. */
export interface ServiceProbes {
  /**
   * Gives a slow-starting container time before liveness applies.
   * @default - the liveness check every 5 s, up to 24 failures (2 minutes); `/health/startup` when liveness is the default too
   */
  readonly startup?: Probe;
  /**
   * Decides when the pod receives traffic.
   * @default Probe.http('/health/ready', { period: Duration.seconds(5) })
   */
  readonly readiness?: Probe;
  /**
   * Restarts a hung container; must not be identical to readiness.
   * @default Probe.http('/health/live', { period: Duration.seconds(10) })
   */
  readonly liveness?: Probe;
  /**
   * What runs in the container; `ProcessRuntime.JVM` gives liveness the timing a full garbage
   * collection needs (JVM_LIVENESS_TIMING: 5 s per check, 6 failures) wherever the probe leaves it unset.
   * @default ProcessRuntime.NATIVE
   */
  readonly runtime?: ProcessRuntime;
}

/** The props every workload construct shares: what runs, and who it is. */
export interface WorkloadProps extends PodExtensions {
  /** Container image, pinned to a tag or digest (never `latest`). */
  readonly image: string;
  /** CPU and memory requests and limits; required, there are no silent defaults. */
  readonly resources: ContainerResources;
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
   * `app.kubernetes.io/version`.
   * @default - the image tag
   */
  readonly version?: string;
  /**
   * `app.kubernetes.io/component`.
   * @default - the construct's role: 'api', 'database', 'node-agent' or 'batch'
   */
  readonly component?: string;
  /**
   * `app.kubernetes.io/part-of`.
   * @default - the name
   */
  readonly partOf?: string;
  /**
   * Container command arguments.
   * @default - the image's entrypoint
   */
  readonly args?: string[];
  /**
   * Plain environment variables (not secrets).
   * @default - none
   */
  readonly env?: Record<string, string>;
  /** User and group ids. @default - see {@link RunAsIdentity} */
  readonly runAs?: RunAsIdentity;
  /**
   * An existing ServiceAccount the pods run as, instead of one of their own (for example one shared by
   * several workloads, or made with cdk8s-plus). Its name must be a DNS subdomain name.
   * @default - a ServiceAccount of the workload's own, named after it
   */
  readonly serviceAccount?: NamedObject;
}

/** Who a workload is and where it lives, checked once. */
export interface WorkloadNaming {
  readonly name: string;
  readonly namespace: string;
  readonly image: ImageReference;
  readonly identity: WorkloadIdentity;
  readonly selector: Record<string, string>;
}

/**
 * What else a workload's name becomes, beyond a DNS-1123 label: a Service's name (a DNS-1035 label, which
 * starts with a letter), or a prefix Kubernetes extends: a CronJob's Jobs append up to 11 characters and a
 * StatefulSet's or DaemonSet's `controller-revision-hash` label a hash, within 63.
 */
export interface NameUses {
  /** The workload has a Service of its name. */
  readonly service?: boolean;
  /** The longest name that leaves room for what is appended, and what appends it. */
  readonly maxLength?: { readonly length: number; readonly why: string };
}

/** Refuses a workload name that one of its `uses` makes invalid, naming the use. */
function assertNameUses(scope: IConstruct, name: string, uses: NameUses): void {
  if (uses.service && !/^[a-z]/.test(name)) {
    fail(
      scope,
      `name ${show(name)} is also the name of its Service, which must start with a letter (a DNS-1035 label); ` +
        `use e.g. "catalog" or "v2-catalog"`,
    );
  }
  if (uses.maxLength && name.length > uses.maxLength.length) {
    fail(
      scope,
      `name ${show(name)} has ${name.length} characters; at most ${uses.maxLength.length} fit, because ` +
        `${uses.maxLength.why}; use a shorter name`,
    );
  }
}

/** Resolves and checks the name, namespace, image and recommended labels of a workload. */
export function resolveWorkloadNaming(
  scope: IConstruct,
  id: string,
  props: Pick<WorkloadProps, 'image' | 'name' | 'namespace' | 'version' | 'component' | 'partOf'>,
  defaultComponent: string,
  uses: NameUses = {},
): WorkloadNaming {
  const name = assertDnsLabel(scope, 'name', props.name ?? id);
  assertNameUses(scope, name, uses);
  const chartNamespace = props.namespace ?? Chart.of(scope).namespace;
  if (!chartNamespace) {
    fail(scope, `namespace is not set; pass namespace: "production" or create the chart with a namespace`);
  }
  const namespace = assertDnsLabel(scope, 'namespace', chartNamespace);
  const image = assertPinnedImage(scope, 'image', props.image);
  const identity: WorkloadIdentity = {
    name,
    instance: name,
    version: versionLabel(scope, 'version', image, props.version),
    component: assertDnsLabel(scope, 'component', props.component ?? defaultComponent),
    partOf: assertDnsLabel(scope, 'partOf', props.partOf ?? name),
  };
  return { name, namespace, image, identity, selector: selectorLabels(identity) };
}

/** Returns a metadata factory: every object of a workload carries its namespace and recommended labels. */
export function metadataFactory(
  namespace: string,
  identity: WorkloadIdentity,
): (name: string, extra?: Record<string, string>) => k8s.ObjectMeta {
  return (name, extra = {}) => ({ name, namespace, labels: { ...recommendedLabels(identity), ...extra } });
}

/** Fills in the default probes and checks they target the container port and that liveness differs from readiness. */
export function resolveProbes(
  scope: IConstruct,
  probes: ServiceProbes,
  containerPort: number,
): Required<Omit<ServiceProbes, 'runtime'>> {
  const jvm = (probes.runtime ?? ProcessRuntime.NATIVE) === ProcessRuntime.JVM;
  const liveness = probes.liveness ?? Probe.http('/health/live', { period: Duration.seconds(10) });
  // A startup probe checks what liveness checks, with room for a slow start: a path the user set for
  // liveness is one the app serves, a default startup path might not be.
  const startupTiming = { period: Duration.seconds(5), failureThreshold: 24 };
  const resolved = {
    startup:
      probes.startup ?? probes.liveness?.withTiming(startupTiming) ?? Probe.http('/health/startup', startupTiming),
    readiness: probes.readiness ?? Probe.http('/health/ready', { period: Duration.seconds(5) }),
    liveness: jvm ? liveness.withTimingDefaults(JVM_LIVENESS_TIMING) : liveness,
  };
  if (jvm) {
    const timeout = resolved.liveness.timing.timeout ?? Duration.seconds(1);
    const failures = resolved.liveness.timing.failureThreshold ?? 3;
    if (timeout.toSeconds() < 5 || failures < 6) {
      fail(
        scope,
        `probes.liveness allows ${timeout.toSeconds()}s per check and ${failures} failures, which a JVM full ` +
          `garbage collection can exceed, restarting a healthy pod; with runtime ProcessRuntime.JVM leave ` +
          `timeout and failureThreshold unset, or use at least Duration.seconds(5) and 6`,
      );
    }
  }
  for (const [kind, probe] of Object.entries(resolved)) {
    const port = probe.targetPort(containerPort);
    if (port !== undefined && port !== containerPort) {
      fail(
        scope,
        `probes.${kind} targets port ${port}, which the container does not expose (it exposes ${containerPort}); ` +
          `probe port ${containerPort} or change containerPort`,
      );
    }
  }
  if (resolved.readiness.fingerprint(containerPort) === resolved.liveness.fingerprint(containerPort)) {
    fail(
      scope,
      `probes.liveness is identical to probes.readiness; a failing dependency would restart every pod at once. ` +
        `Point liveness at a check of the process itself, e.g. Probe.http('/health/live')`,
    );
  }
  return resolved;
}

/** Everything a restricted, single-container pod template is built from. */
export interface PodTemplateOptions {
  /** Labels of the pods. */
  readonly identity: WorkloadIdentity;
  /** Pinned container image. */
  readonly image: string;
  /** Requests and limits. */
  readonly resources: ContainerResources;
  /** The pods' own ServiceAccount. */
  readonly serviceAccountName: string;
  /** Whether the API token is mounted (only when RBAC rules need it). */
  readonly automountServiceAccountToken: boolean;
  /** Scheduling priority tier. */
  readonly priority: PriorityTier;
  /** Affinity and spread. */
  readonly placement: PodPlacement;
  /**
   * The named container port.
   * @default - no port
   */
  readonly port?: ContainerPort;
  /**
   * Container arguments.
   * @default - the image's entrypoint
   */
  readonly args?: string[];
  /**
   * Plain environment variables.
   * @default - none
   */
  readonly env?: Record<string, string>;
  /**
   * Whole ConfigMaps or Secrets loaded as environment.
   * @default - none
   */
  readonly envFrom?: k8s.EnvFromSource[];
  /**
   * Startup, readiness and liveness probes.
   * @default - no probes (batch workloads)
   */
  readonly probes?: Required<Omit<ServiceProbes, 'runtime'>>;
  /**
   * How long the preStop hook sleeps (whole seconds).
   * @default - no preStop hook
   */
  readonly preStopDelay?: Duration;
  /**
   * How long Kubernetes waits for a graceful exit (whole seconds).
   * @default - Kubernetes' default, 30 seconds
   */
  readonly terminationGracePeriod?: Duration;
  /**
   * User and group ids.
   * @default - 10001 for both
   */
  readonly runAs?: RunAsIdentity;
  /**
   * Run as user and group 0 (a node agent whose host files are root's); capabilities stay dropped.
   * @default false
   */
  readonly runAsRoot?: boolean;
  /**
   * Pod template annotations.
   * @default - none
   */
  readonly annotations?: Record<string, string>;
  /**
   * Volumes besides /tmp.
   * @default - none
   */
  readonly volumes?: k8s.Volume[];
  /**
   * Mounts besides /tmp.
   * @default - none
   */
  readonly volumeMounts?: k8s.VolumeMount[];
  /**
   * Tolerations.
   * @default - none
   */
  readonly tolerations?: k8s.Toleration[];
  /**
   * Pod restart policy (`OnFailure` or `Never` for jobs).
   * @default - Kubernetes' default, Always
   */
  readonly restartPolicy?: string;
  /**
   * Sidecars, init containers, volumes and main-container mounts, checked by `resolvePodExtensions`.
   * @default - none
   */
  readonly extensions?: ResolvedPodExtensions;
}

/**
 * The pod template every workload of this library shares: one container named `app` with pinned image,
 * requests and limits, probes, the restricted security context, a writable `/tmp`, and the pod's
 * service account, priority and placement.
 */
export function restrictedPodTemplate(scope: IConstruct, o: PodTemplateOptions): k8s.PodTemplateSpec {
  const port = o.port;
  // Root (0) is refused: the pod runs as non-root; the largest id is int32's, as the API validates.
  if (o.runAs?.runAsUser !== undefined) assertCount(scope, 'runAs.runAsUser', o.runAs.runAsUser, 1, '10001');
  if (o.runAs?.runAsGroup !== undefined) assertCount(scope, 'runAs.runAsGroup', o.runAs.runAsGroup, 0, '10001');
  return {
    metadata: {
      labels: recommendedLabels(o.identity),
      annotations: o.annotations && Object.keys(o.annotations).length > 0 ? o.annotations : undefined,
    },
    spec: {
      serviceAccountName: o.serviceAccountName,
      automountServiceAccountToken: o.automountServiceAccountToken,
      priorityClassName: o.priority.name,
      terminationGracePeriodSeconds:
        o.terminationGracePeriod && wholeSeconds(scope, 'terminationGracePeriod', o.terminationGracePeriod),
      restartPolicy: o.restartPolicy,
      securityContext: o.runAsRoot
        ? { ...restrictedPodSecurityContext(), runAsNonRoot: false, runAsUser: 0, runAsGroup: 0, fsGroup: undefined }
        : restrictedPodSecurityContext(o.runAs),
      affinity: o.placement.affinity,
      topologySpreadConstraints: o.placement.topologySpreadConstraints,
      tolerations: o.tolerations,
      volumes: [TMP_VOLUME, ...(o.volumes ?? []), ...(o.extensions?.volumes ?? [])],
      initContainers: o.extensions?.initContainers.length ? o.extensions.initContainers : undefined,
      containers: [
        {
          name: 'app',
          image: o.image,
          imagePullPolicy: 'IfNotPresent',
          args: o.args,
          ports: port ? [{ name: port.name, containerPort: port.port, protocol: 'TCP' }] : undefined,
          env: envVars(o.env && checkedEnv(scope, 'env', o.env)),
          envFrom: o.envFrom && o.envFrom.length > 0 ? o.envFrom : undefined,
          resources: containerResources(scope, 'resources', o.resources),
          startupProbe: port && o.probes ? o.probes.startup.toKube(port.port, scope, 'probes.startup') : undefined,
          readinessProbe:
            port && o.probes ? o.probes.readiness.toKube(port.port, scope, 'probes.readiness') : undefined,
          livenessProbe: port && o.probes ? o.probes.liveness.toKube(port.port, scope, 'probes.liveness') : undefined,
          lifecycle:
            o.preStopDelay !== undefined
              ? {
                  preStop: {
                    exec: { command: ['sleep', String(wholeSeconds(scope, 'preStopDelay', o.preStopDelay))] },
                  },
                }
              : undefined,
          securityContext: o.runAsRoot
            ? { ...restrictedContainerSecurityContext(), runAsNonRoot: false }
            : restrictedContainerSecurityContext(),
          volumeMounts: [TMP_MOUNT, ...(o.volumeMounts ?? []), ...(o.extensions?.mainMounts ?? [])],
        },
        ...(o.extensions?.sidecars ?? []),
      ],
    },
  };
}

/**
 * The ServiceAccount the pods run as: `given` when there is one, else one of the workload's own, so
 * no pod runs as `default`. An own account mounts its token only when needed.
 */
export function workloadServiceAccount(
  scope: Construct,
  given: NamedObject | undefined,
  metadata: k8s.ObjectMeta,
  automountServiceAccountToken: boolean,
): NamedObject {
  if (given) {
    assertDnsSubdomainName(scope, 'serviceAccount.name', given.name);
    return given;
  }
  return new k8s.KubeServiceAccount(scope, 'ServiceAccount', { metadata, automountServiceAccountToken });
}
