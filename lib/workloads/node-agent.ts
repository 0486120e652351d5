import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { resolvePodExtensions } from './containers';
import { NamedObject } from '../core/named-object';
import { WorkloadConstruct } from './workload-construct';
import {
  HOST_PATH_CHECKS,
  KUBE_LINTER_SENSITIVE_DIRS,
  RUN_AS_ROOT_CHECKS,
  SENSITIVE_HOST_MOUNT_CHECKS,
  WRITABLE_HOST_MOUNT_CHECKS,
} from '../core/peer-exemptions';
import { podSecurityExemption } from '../core/pod-security-exemption';
import { fail, isSentence, show } from '../core/errors';
import { assertIntOrPercent, isNoPods } from '../core/counts';
import { WorkloadIdentity } from '../core/labels';
import { assertPort } from '../core/ports';
import { EXEMPTED_NAMESPACE_MODES, PodSecurityModes } from '../core/pod-security';
import { PriorityTier } from '../core/priority';
import { intOrPercent } from '../core/values';
import {
  metadataFactory,
  workloadServiceAccount,
  resolveProbes,
  resolveWorkloadNaming,
  restrictedPodTemplate,
  ServiceProbes,
  WorkloadProps,
} from './pod-template';
import { NetworkAccess } from './production-service';
import { PodMonitor } from '../../imports/podmonitor-monitoring.coreos.com';
import { Peer } from '../core/network';
import { httpPodMonitor, MonitoringOptions } from './service-monitor-builder';
import { apiServerEgress, workloadNetworkPolicy } from './workload-network-policy';
import { clusterScoped } from '../core/cluster-scoped';
import { leastPrivilegeRules, PermissionRule } from '../core/rbac';
import { ownConfigMap } from './own-config-map';

/** A folder of the node mounted into the agent. */
export interface HostPathMount {
  /** Path on the node, e.g. `/var/log`. */
  readonly path: string;
  /** Why the agent needs it; required, and written into the manifest next to the exemption. */
  readonly reason: string;
  /**
   * Path in the container.
   * @default - the same as on the node
   */
  readonly mountPath?: string;
  /**
   * Mount read-only.
   * @default true
   */
  readonly readOnly?: boolean;
  /**
   * Acknowledges a mount that can take over the node: read-write, or a sensitive path (`/`, `/etc`,
   * `/var/lib/kubelet`, a container runtime's socket or state). Say in a sentence what the agent does
   * with it; without this, such a mount is refused.
   * @default - not acknowledged: sensitive or writable host paths are refused
   */
  readonly acknowledgeNodeAccess?: string;
}

/** Host paths whose mount hands the node to the pod: the root, node configuration, the kubelet, container runtimes. */
export const SENSITIVE_HOST_PATHS: readonly string[] = [
  '/',
  '/etc',
  '/root',
  '/var/lib/kubelet',
  '/var/lib/containerd',
  '/var/lib/docker',
  '/run/containerd',
  '/var/run/containerd',
  '/run/crio',
  '/var/run/crio',
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/proc',
  '/sys',
  '/dev',
  '/boot',
];

/** True when mounting `path` reaches a sensitive path: it is one, or a parent of one. */
function isSensitiveHostPath(path: string): boolean {
  const normalized = path.replace(/\/+$/, '') || '/';
  return SENSITIVE_HOST_PATHS.some(
    (p) =>
      normalized === p || p.startsWith(`${normalized === '/' ? '' : normalized}/`) || normalized.startsWith(`${p}/`),
  );
}

/** Properties of a {@link NodeAgent}. */
export interface NodeAgentProps extends WorkloadProps {
  /**
   * Port of the agent's health and metrics endpoint, named `http`.
   * @default 8080
   */
  readonly containerPort?: number;
  /** Health checks. @default - see {@link ServiceProbes} */
  readonly probes?: ServiceProbes;
  /**
   * Node folders the agent reads; each needs a reason and makes the agent an exemption from the
   * restricted profile.
   * @default - none: the agent stays restricted
   */
  readonly hostPaths?: HostPathMount[];
  /**
   * Nodes updated at once during a rollout (count or percentage).
   * @default 1
   */
  readonly maxUnavailable?: number | string;
  /** Allowed network peers. @default - DNS egress only, no ingress */
  readonly network?: NetworkAccess;
  /**
   * Prometheus scraping of the container port (a PodMonitor, as node agents have no Service); the
   * NetworkPolicy admits the Prometheus namespace.
   * @default - not scraped
   */
  readonly monitoring?: MonitoringOptions;
  /**
   * Configuration files, rendered as a ConfigMap `<name>-config` and mounted read-only; a change to
   * them rolls the pods (their hash is a pod annotation).
   * @default - no configuration files
   */
  readonly config?: NodeAgentConfig;
  /**
   * Cluster-wide read permissions of the service account (a ClusterRole and its binding), e.g. to look
   * up the pods whose logs it reads; the pods then get a token, and `network.apiServer` is required.
   * @default - no permissions and no token
   */
  readonly clusterPermissions?: PermissionRule[];
  /**
   * Run the agent as user 0, with every capability still dropped, no privilege escalation and a
   * read-only root filesystem: a sentence saying why, e.g. that the node's files it reads are root's
   * with mode 0640. Only with `hostPaths`, whose exemption it joins.
   * @default - the restricted non-root user
   */
  readonly runAsRootReason?: string;
}

/** Configuration files of a {@link NodeAgent}. */
export interface NodeAgentConfig {
  /** File name to content. */
  readonly files: Record<string, string>;
  /** The folder the files appear in. */
  readonly mountPath: string;
}

/**
 * A node-level agent such as a log collector or a monitoring exporter (guide 6.5): a DaemonSet on every
 * node, tolerating all taints, with the built-in `system-node-critical` priority, reserved requests and
 * limits, and paced rolling updates. Host paths are opt-in, each with a reason that ships in the YAML as
 * {@link POD_SECURITY_EXEMPTION_ANNOTATION}; the namespace must then admit them
 * (see {@link NodeAgent.podSecurityModes}).
 */
export class NodeAgent extends WorkloadConstruct {
  /** Name shared by every object. */
  public readonly name: string;
  /** Namespace of every object. */
  public readonly namespace: string;
  /** The recommended labels' values. */
  public readonly identity: WorkloadIdentity;
  /** Labels the policy selects on. */
  public readonly selector: Record<string, string>;
  /** The exemption text, when host paths were declared. */
  public readonly exemption?: string;
  /**
   * Pod Security Admission modes the agent's namespace needs: restricted without host paths; with them
   * `privileged` enforced (even baseline forbids host paths) while audit and warn stay restricted, so
   * every other violation remains visible.
   */
  public readonly podSecurityModes: PodSecurityModes;
  /** The ServiceAccount the pods run as: the one given, or the workload's own. */
  public readonly serviceAccount: NamedObject;
  /** The workload. */
  public readonly daemonSet: k8s.KubeDaemonSet;
  /** Ingress and egress allow-list. */
  public readonly networkPolicy: k8s.KubeNetworkPolicy;
  /** The configuration files, when any were given. */
  public readonly configMap?: k8s.KubeConfigMap;
  /** The cluster-wide permissions, when any were given. */
  public readonly clusterRole?: k8s.KubeClusterRole;
  /** Prometheus's scrape of the pods, when monitoring is on. */
  public readonly podMonitor?: PodMonitor;
  /** Binds {@link NodeAgent.clusterRole} to the service account. */
  public readonly clusterRoleBinding?: k8s.KubeClusterRoleBinding;

  public constructor(scope: Construct, id: string, props: NodeAgentProps) {
    super(scope, id);
    const naming = resolveWorkloadNaming(this, id, props, 'node-agent');
    this.name = naming.name;
    this.namespace = naming.namespace;
    this.identity = naming.identity;
    this.selector = naming.selector;
    const containerPort = assertPort(this, 'containerPort', props.containerPort ?? 8080);
    const hostPaths = this.resolveHostPaths(props.hostPaths ?? []);
    const root = props.runAsRootReason;
    if (root !== undefined && (!isSentence(root) || hostPaths.length === 0)) {
      fail(
        this,
        `runAsRootReason ${show(root)} must be a sentence (at least four words) on an agent with hostPaths, ` +
          `saying which host files need user 0, e.g. 'container logs on the node are root-owned with mode 0640'`,
      );
    }
    this.exemption =
      hostPaths.length > 0
        ? [
            ...hostPaths.map((h) => h.description),
            ...(root ? [`runs as user 0 without capabilities: ${root.trim()}`] : []),
          ].join('; ')
        : undefined;
    this.podSecurityModes = this.exemption ? { ...EXEMPTED_NAMESPACE_MODES } : {};
    const sensitive = hostPaths.some((h) => KUBE_LINTER_SENSITIVE_DIRS.includes(h.volume.hostPath!.path));
    const writable = hostPaths.some((h) => h.mount.readOnly === false);
    const peerChecks = [
      HOST_PATH_CHECKS,
      ...(sensitive ? [SENSITIVE_HOST_MOUNT_CHECKS] : []),
      ...(writable ? [WRITABLE_HOST_MOUNT_CHECKS] : []),
      ...(root ? [RUN_AS_ROOT_CHECKS] : []),
    ];
    const annotations = this.exemption ? podSecurityExemption(this, this.exemption, ...peerChecks) : undefined;

    const metadata = metadataFactory(this.namespace, this.identity);
    const permissions = leastPrivilegeRules(this, 'clusterPermissions', props.clusterPermissions ?? []);
    const usesApi = permissions.length > 0;
    this.serviceAccount = workloadServiceAccount(this, props.serviceAccount, metadata(this.name), usesApi);
    if (usesApi) {
      this.clusterRole = clusterScoped(
        new k8s.KubeClusterRole(this, 'ClusterRole', {
          metadata: { name: `${this.namespace}-${this.name}`, labels: metadata(this.name).labels },
          rules: permissions,
        }),
      );
      this.clusterRoleBinding = clusterScoped(
        new k8s.KubeClusterRoleBinding(this, 'ClusterRoleBinding', {
          metadata: { name: `${this.namespace}-${this.name}`, labels: metadata(this.name).labels },
          roleRef: {
            apiGroup: 'rbac.authorization.k8s.io',
            kind: 'ClusterRole',
            name: `${this.namespace}-${this.name}`,
          },
          subjects: [{ kind: 'ServiceAccount', name: this.serviceAccount.name, namespace: this.namespace }],
        }),
      );
    }
    const podAnnotations: Record<string, string> = { ...annotations };
    const configVolumes: k8s.Volume[] = [];
    const configMounts: k8s.VolumeMount[] = [];
    if (props.config) {
      const own = ownConfigMap(this, 'config.files', metadata(`${this.name}-config`), props.config.files);
      this.configMap = own.configMap;
      Object.assign(podAnnotations, own.checksumAnnotation);
      configVolumes.push({ name: 'config', configMap: { name: `${this.name}-config` } });
      configMounts.push({ name: 'config', mountPath: props.config.mountPath, readOnly: true });
    }
    this.daemonSet = new k8s.KubeDaemonSet(this, 'Resource', {
      metadata: { ...metadata(this.name), annotations },
      spec: {
        revisionHistoryLimit: 10,
        selector: { matchLabels: this.selector },
        updateStrategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxUnavailable: intOrPercent(this.maxUnavailable(props.maxUnavailable ?? 1)) },
        },
        template: restrictedPodTemplate(this, {
          identity: this.identity,
          image: props.image,
          resources: props.resources,
          serviceAccountName: this.serviceAccount.name,
          automountServiceAccountToken: usesApi,
          priority: PriorityTier.SYSTEM_NODE_CRITICAL,
          placement: {},
          tolerations: [{ operator: 'Exists' }],
          port: { name: 'http', port: containerPort },
          args: props.args,
          env: props.env,
          probes: resolveProbes(this, props.probes ?? {}, containerPort),
          runAs: props.runAs,
          runAsRoot: root !== undefined,
          annotations: podAnnotations,
          volumes: [...hostPaths.map((h) => h.volume), ...configVolumes],
          volumeMounts: [...hostPaths.map((h) => h.mount), ...configMounts],
          extensions: resolvePodExtensions(this, props, {
            volumes: [...hostPaths.map((h) => h.volume.name), ...configVolumes.map((v) => v.name)],
            ports: [containerPort],
          }),
        }),
      },
    });

    const monitoring = props.monitoring;
    if (monitoring) {
      this.podMonitor = httpPodMonitor(this, 'PodMonitor', metadata(this.name), this.selector, monitoring);
    }
    this.networkPolicy = workloadNetworkPolicy(this, metadata(this.name), {
      selector: this.selector,
      port: containerPort,
      ingress: [
        ...(props.network?.ingress ?? []),
        ...(monitoring ? [{ from: Peer.namespace(monitoring.prometheusNamespace ?? 'monitoring') }] : []),
      ],
      egress: [...(props.network?.egress ?? []), ...(usesApi ? [apiServerEgress(this, props.network?.apiServer)] : [])],
    });
  }

  private resolveHostPaths(
    hostPaths: HostPathMount[],
  ): { volume: k8s.Volume; mount: k8s.VolumeMount; description: string }[] {
    return hostPaths.map((h, i) => {
      if (!h.path || !h.path.startsWith('/')) {
        fail(this, `hostPaths[${i}].path ${show(h.path)} is not an absolute path; use e.g. "/var/log"`);
      }
      if (!isSentence(h.reason)) {
        fail(
          this,
          `hostPaths[${i}] "${h.path}" needs a reason in a sentence (at least four words, got ${show(h.reason ?? '')}); ` +
            `a host path exempts the agent from the restricted Pod Security profile, so state why it is needed, ` +
            `e.g. reason: 'reads container logs from the node'`,
        );
      }
      const writable = h.readOnly === false;
      if ((writable || isSensitiveHostPath(h.path)) && !isSentence(h.acknowledgeNodeAccess)) {
        fail(
          this,
          `hostPaths[${i}] "${h.path}" ${writable ? 'is writable' : 'reaches the node itself'}` +
            `${writable && isSensitiveHostPath(h.path) ? ' and reaches the node itself' : ''}, which hands the node to ` +
            `the pod; mount a narrower read-only path, or set acknowledgeNodeAccess to a sentence saying what the ` +
            `agent does with it`,
        );
      }
      const readOnly = h.readOnly ?? true;
      const name = `host-${i}`;
      return {
        volume: { name, hostPath: { path: h.path, type: writable ? 'DirectoryOrCreate' : 'Directory' } },
        mount: { name, mountPath: h.mountPath ?? h.path, readOnly },
        description:
          `hostPath ${h.path} (${readOnly ? 'read-only' : 'read-write'}): ${h.reason.trim()}` +
          (h.acknowledgeNodeAccess ? `; node access acknowledged: ${h.acknowledgeNodeAccess.trim()}` : ''),
      };
    });
  }

  /** A DaemonSet without surge must let at least one node update at a time. */
  private maxUnavailable(value: number | string): number | string {
    assertIntOrPercent(this, 'maxUnavailable', value, "1 or '10%'");
    if (isNoPods(value)) {
      fail(
        this,
        `maxUnavailable ${show(value)} would never let a node update (a DaemonSet has no surge); use at least 1`,
      );
    }
    return value;
  }
}
