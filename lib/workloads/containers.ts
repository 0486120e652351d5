import { k8s } from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { fail, show } from '../core/errors';
import { assertPinnedImage } from '../core/image';
import { assertDnsLabel, assertEnvVarName } from '../core/names';
import { assertPort, assertPortName } from '../core/ports';
import { Probe } from '../core/probes';
import {
  ContainerResources,
  containerResources,
  assertQuantity,
  podResources,
  ResourceQuantities,
} from '../core/resources';
import { envVars } from '../core/values';
import { restrictedContainerSecurityContext, TMP_MOUNT, TMP_VOLUME } from '../core/security';
import { PodVolume, VolumeMountOptions } from '../core/volumes';

/** A named container port. */
export interface ContainerPort {
  /** Port name, used by Services as `targetPort`. */
  readonly name: string;
  /** Port number. */
  readonly port: number;
}

/**
 * A container besides the workload's main one: a sidecar runs beside it for the pod's life, an init
 * container runs to completion before it starts. Each gets the main container's rules: a pinned image,
 * requests and limits, the restricted security context and a writable `/tmp`.
 */
export interface ContainerOptions {
  /** Container name, a DNS label; `app` is the main container's. */
  readonly name: string;
  /** Container image, pinned to a tag or digest. */
  readonly image: string;
  /** CPU and memory requests and limits; required, as for the main container. */
  readonly resources: ContainerResources;
  /**
   * The command to run.
   * @default - the image's entrypoint
   */
  readonly command?: string[];
  /**
   * Arguments of the command.
   * @default - the image's default arguments
   */
  readonly args?: string[];
  /**
   * Plain environment variables (not secrets).
   * @default - none
   */
  readonly env?: Record<string, string>;
  /**
   * Named ports the container serves (sidecars only).
   * @default - none
   */
  readonly ports?: ContainerPort[];
  /**
   * Volumes of the pod it mounts, besides `/tmp`.
   * @default - none
   */
  readonly volumeMounts?: VolumeMountOptions[];
  /**
   * Whether the container can do its job now; required for sidecars (the pod is ready only when every
   * container is), refused for init containers.
   * @default - none (init containers)
   */
  readonly readiness?: Probe;
  /**
   * Whether the process is alive (restarted when not); required for sidecars, and different from
   * readiness; refused for init containers.
   * @default - none (init containers)
   */
  readonly liveness?: Probe;
}

/** The containers, volumes and main-container mounts a workload adds to its pod; the props every workload shares. */
export interface PodExtensions {
  /**
   * Containers that run beside the main one in every pod (a proxy, a log shipper).
   * @default - none
   */
  readonly sidecars?: ContainerOptions[];
  /**
   * Containers that run to completion, in order, before the main one starts (a migration, a warm-up).
   * @default - none
   */
  readonly initContainers?: ContainerOptions[];
  /**
   * Volumes of the pod, besides `/tmp` and the secret files; containers mount them by name.
   * @default - none
   */
  readonly volumes?: PodVolume[];
  /**
   * Volumes the main container mounts, besides `/tmp` and the secret files.
   * @default - none
   */
  readonly volumeMounts?: VolumeMountOptions[];
}

/** The checked Kubernetes form of a workload's {@link PodExtensions}. */
export interface ResolvedPodExtensions {
  readonly sidecars: k8s.Container[];
  readonly initContainers: k8s.Container[];
  readonly volumes: k8s.Volume[];
  readonly mainMounts: k8s.VolumeMount[];
}

/**
 * Checks a workload's extra containers and volumes and returns their Kubernetes form. `taken` are the
 * volume names and ports the workload itself already uses (the main container's port, secret volumes).
 */
export function resolvePodExtensions(
  scope: IConstruct,
  ext: PodExtensions,
  taken: { readonly volumes: readonly string[]; readonly ports: readonly number[] },
): ResolvedPodExtensions {
  const volumeNames = new Set<string>([TMP_VOLUME.name, ...taken.volumes]);
  (ext.volumes ?? []).forEach((v, i) => {
    assertDnsLabel(scope, `volumes[${i}].name`, v.name);
    if (volumeNames.has(v.name)) {
      fail(scope, `volumes[${i}].name ${show(v.name)} is already a volume of the pod; give each volume its own name`);
    }
    const limit = v.kube.emptyDir?.sizeLimit?.value;
    if (typeof limit === 'string') assertQuantity(scope, `volumes[${i}] (${v.name}) sizeLimit`, limit, 'storage');
    volumeNames.add(v.name);
  });
  const mounts = (prop: string, given: VolumeMountOptions[] = []): k8s.VolumeMount[] => {
    const paths = new Set<string>([TMP_MOUNT.mountPath]);
    return given.map((m, i) => {
      if (!volumeNames.has(m.volume) || m.volume === TMP_VOLUME.name) {
        fail(
          scope,
          `${prop}[${i}].volume ${show(m.volume)} is not a volume of the pod; declare it in volumes, ` +
            `e.g. volumes: [PodVolume.emptyDir(${show(m.volume)})]`,
        );
      }
      if (!m.mountPath.startsWith('/') || paths.has(m.mountPath)) {
        fail(
          scope,
          `${prop}[${i}].mountPath ${show(m.mountPath)} must be an absolute path that no other mount of the ` +
            `container uses (/tmp is always mounted)`,
        );
      }
      paths.add(m.mountPath);
      return { name: m.volume, mountPath: m.mountPath, readOnly: m.readOnly ? true : undefined };
    });
  };
  const names = new Set<string>(['app']);
  const ports = new Set<number>(taken.ports);
  const container = (prop: string, c: ContainerOptions, init: boolean): k8s.Container => {
    assertDnsLabel(scope, `${prop}.name`, c.name);
    if (names.has(c.name)) {
      fail(scope, `${prop}.name ${show(c.name)} is already a container of the pod ('app' is the main one); rename it`);
    }
    names.add(c.name);
    assertPinnedImage(scope, `${prop}.image`, c.image);
    if (init && (c.ports?.length || c.readiness || c.liveness)) {
      fail(scope, `${prop} (${c.name}) is an init container: it runs to completion and cannot serve ports or be ready`);
    }
    const served = (c.ports ?? []).map((p) => p.port);
    if (!init && (!c.readiness || !c.liveness)) {
      fail(
        scope,
        `${prop} (${c.name}) needs readiness and liveness probes, as the main container has; add e.g. ` +
          `readiness: Probe.http('/ready', { port: 2020 }) and liveness: Probe.command(['pidof', '${c.name}'])`,
      );
    }
    for (const [kind, probe] of [
      ['readiness', c.readiness],
      ['liveness', c.liveness],
    ] as const) {
      const probePort = probe?.targetPort(served[0] ?? 0);
      if (probePort !== undefined && !served.includes(probePort)) {
        fail(
          scope,
          `${prop}.${kind} (${c.name}) targets port ${probePort}, which the container does not serve; ` +
            `declare it in ${prop}.ports or probe with Probe.command([...])`,
        );
      }
    }
    if (
      c.readiness &&
      c.liveness &&
      c.readiness.fingerprint(served[0] ?? 0) === c.liveness.fingerprint(served[0] ?? 0)
    ) {
      fail(scope, `${prop}.liveness (${c.name}) is identical to its readiness; check the process itself for liveness`);
    }
    const portNames = new Set<string>();
    for (const p of c.ports ?? []) {
      assertPort(scope, `${prop}.ports.port`, p.port);
      assertPortName(scope, `${prop}.ports.name`, p.name);
      if (portNames.has(p.name)) {
        fail(scope, `${prop} (${c.name}) names two ports ${show(p.name)}; give each its own name`);
      }
      portNames.add(p.name);
      if (ports.has(p.port)) {
        fail(scope, `${prop} (${c.name}) port ${p.port} is already served by another container of the pod`);
      }
      ports.add(p.port);
    }
    return {
      name: c.name,
      image: c.image,
      imagePullPolicy: 'IfNotPresent',
      command: c.command,
      args: c.args,
      ports: c.ports?.length
        ? c.ports.map((p) => ({
            name: p.name,
            containerPort: p.port,
            protocol: 'TCP',
          }))
        : undefined,
      env: envVars(c.env && checkedEnv(scope, `${prop}.env`, c.env)),
      resources: containerResources(scope, `${prop}.resources`, c.resources),
      readinessProbe: c.readiness?.toKube(served[0] ?? 0, scope, `${prop}.readiness`),
      livenessProbe: c.liveness?.toKube(served[0] ?? 0, scope, `${prop}.liveness`),
      securityContext: restrictedContainerSecurityContext(),
      volumeMounts: [TMP_MOUNT, ...mounts(`${prop}.volumeMounts`, c.volumeMounts)],
    };
  };
  const mainMounts = mounts('volumeMounts', ext.volumeMounts);
  return {
    initContainers: (ext.initContainers ?? []).map((c, i) => container(`initContainers[${i}]`, c, true)),
    sidecars: (ext.sidecars ?? []).map((c, i) => container(`sidecars[${i}]`, c, false)),
    volumes: (ext.volumes ?? []).map((v) => v.kube),
    mainMounts,
  };
}

/**
 * The resources of each pod of a workload: its main container, sidecars and init containers, each
 * checked first (a missing or malformed one names its prop).
 */
export function workloadPodResources(
  scope: IConstruct,
  props: PodExtensions & { readonly resources: ContainerResources },
): ResourceQuantities {
  containerResources(scope, 'resources', props.resources);
  (props.sidecars ?? []).forEach((c, i) => containerResources(scope, `sidecars[${i}].resources`, c.resources));
  (props.initContainers ?? []).forEach((c, i) =>
    containerResources(scope, `initContainers[${i}].resources`, c.resources),
  );
  return podResources(
    [props.resources, ...(props.sidecars ?? []).map((c) => c.resources)],
    (props.initContainers ?? []).map((c) => c.resources),
  );
}

/** `env` with every variable name checked the way the API server checks it. */
export function checkedEnv(scope: IConstruct, prop: string, env: Record<string, string>): Record<string, string> {
  for (const name of Object.keys(env)) assertEnvVarName(scope, prop, name);
  return env;
}
