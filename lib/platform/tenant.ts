import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { clusterScoped } from '../core/cluster-scoped';
import { assertCount } from '../core/counts';
import { fail, show } from '../core/errors';
import { MANAGED_BY } from '../core/labels';
import { assertDnsLabel, assertLabels } from '../core/names';
import { BUILT_IN_NAMESPACES } from '../core/namespaces';
import { namespaceBaselinePolicies } from '../core/network';
import { NODE_POOL_LABEL } from '../core/placement';
import { PodSecurityLevel, podSecurityLabels, PodSecurityModes } from '../core/pod-security';
import { POLICY_SCOPE_LABELS } from '../core/policy-scope';
import {
  PeerChecks,
  peerExemptionAnnotations,
  BUILT_IN_CLUSTER_ROLE_BINDING_CHECKS,
  POD_EXEC_BINDING_CHECKS,
  POD_EXEC_ROLE_CHECKS,
} from '../core/peer-exemptions';
import { leastPrivilegeRules, PermissionRule } from '../core/rbac';
import {
  ContainerResources,
  containerResources,
  assertQuantity,
  parseQuantity,
  RequestAndLimit,
  ResourceQuantities,
} from '../core/resources';

/** What all pods of a tenant may request and be limited to in total. */
export interface TenantQuota {
  /** Total CPU: `request` bounds `requests.cpu`, `limit` bounds `limits.cpu`, e.g. `{ request: '20', limit: '40' }`. */
  readonly cpu: RequestAndLimit;
  /** Total memory, e.g. `{ request: '40Gi', limit: '60Gi' }`. */
  readonly memory: RequestAndLimit;
  /**
   * Most pods.
   * @default - no pod count limit
   */
  readonly pods?: number;
  /**
   * Most PersistentVolumeClaims.
   * @default - no claim count limit
   */
  readonly persistentVolumeClaims?: number;
  /**
   * Total storage all claims may request, e.g. `'500Gi'`.
   * @default - no storage limit
   */
  readonly storage?: string;
}

/**
 * Groups (from the identity provider) and what they may do in a namespace. Never cluster-admin.
 * The built-in `view` role reads pods, their logs, events, ConfigMaps and workloads but not Secrets;
 * `edit` adds writing them, Secrets, `pods/exec` and impersonating every ServiceAccount; `admin` adds
 * Roles and RoleBindings (kubernetes plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go).
 */
export interface TenantAccess {
  /**
   * Groups bound to the built-in `admin` ClusterRole in this namespace.
   * @default - none
   */
  readonly admin?: string[];
  /**
   * Groups bound to the built-in `edit` ClusterRole.
   * @default - none
   */
  readonly edit?: string[];
  /**
   * Groups bound to the built-in `view` ClusterRole.
   * @default - none
   */
  readonly view?: string[];
  /**
   * Groups bound to the Role `tenant-debug` ({@link DEBUG_RULES}): port-forward to and exec into pods,
   * on top of the reading `view` gives (bind them to `view` as well).
   * @default - none
   */
  readonly debug?: string[];
  /**
   * Groups bound to the Role `tenant-break-glass` ({@link BREAK_GLASS_RULES}): exec into and delete pods.
   * Meant for a group the identity provider grants for a limited time during an incident.
   * @default - none
   */
  readonly breakGlass?: string[];
}

/** What the `tenant-debug` Role grants: reach pods through port-forward and exec. */
export const DEBUG_RULES: readonly PermissionRule[] = [
  { resources: ['pods'], verbs: ['get', 'list'] },
  { resources: ['pods/portforward', 'pods/exec'], verbs: ['create', 'get'] },
];

/** Why people of the debug groups may exec into pods, for the peer checkers' exemptions. */
export const DEBUG_EXEC_REASON =
  'the access model lets these groups debug this namespace: exec and port-forward into its pods, without Secrets; no ServiceAccount is bound';

/** Why the break-glass group may exec into pods, for the peer checkers' exemptions. */
export const BREAK_GLASS_EXEC_REASON =
  'break-glass: the identity provider grants this group for a limited time, to exec into and delete pods during an incident; no standing access and no ServiceAccount is bound';

/**
 * Why a binding to a built-in ClusterRole is what the access model means, for the peer checkers'
 * exemptions: the ClusterRole lives in the cluster, so a checker of manifests cannot read its rules.
 */
const BUILT_IN_ROLE_REASONS: Readonly<Record<'admin' | 'edit' | 'view', string>> = {
  view: 'binds the built-in view ClusterRole of the cluster: reading pods, logs, events, ConfigMaps and workloads, without Secrets, exec or attach',
  edit: 'binds the built-in edit ClusterRole of the cluster, as the access model of this environment grants the team: writing workloads, exec included',
  admin:
    'binds the built-in admin ClusterRole of the cluster, as the access model of this environment grants: edit plus Roles and RoleBindings of this namespace',
};

/** What the `tenant-break-glass` Role grants: exec into a pod and delete it, nothing else. */
export const BREAK_GLASS_RULES: readonly PermissionRule[] = [
  { resources: ['pods'], verbs: ['get', 'list', 'delete'] },
  { resources: ['pods/exec'], verbs: ['create', 'get'] },
];

/**
 * A node pool reserved for this tenant. The namespace annotations only take effect when the API server
 * runs the `PodNodeSelector` and `PodTolerationRestriction` admission plugins; without them Kubernetes
 * ignores the annotations.
 */
export interface DedicatedNodePool {
  /** Value of the node label `node-pool`, e.g. `payments`. */
  readonly name: string;
  /**
   * The pool's nodes carry the taint `node-pool=<name>:NoSchedule`, so pods of the namespace get the toleration.
   * @default true
   */
  readonly tainted?: boolean;
}

/** A workload whose worst-case resource use a tenant's quota must hold. */
export interface QuotaConsumer {
  /** Object name, for messages. */
  readonly name: string;
  /** Namespace it runs in. */
  readonly namespace: string;
  /** Requests and limits of one pod. */
  readonly resources: ResourceQuantities;
  /** Most pods it runs at once. */
  readonly maxReplicas: number;
}

/** Properties of a {@link Tenant}. */
export interface TenantProps {
  /**
   * Namespace name.
   * @default - the construct id
   */
  readonly name?: string;
  /** Totals for the namespace; workloads declared with {@link Tenant.accountFor} must fit. */
  readonly quota: TenantQuota;
  /**
   * Extra namespace labels, e.g. the label a shared Gateway admits routes from.
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * Requests and limits a container gets when it declares none (LimitRange defaults).
   * @default { cpu: { request: '100m', limit: '500m' }, memory: { request: '128Mi', limit: '512Mi' } }
   */
  readonly containerDefaults?: ContainerResources;
  /**
   * Pod Security Admission levels.
   * @default - restricted for enforce, audit and warn
   */
  readonly podSecurity?: PodSecurityModes;
  /**
   * Groups bound to admin, edit, view, debug and break-glass. A namespace whose enforced Pod Security
   * level is privileged refuses every human binding: a pod there can mount the node's root.
   * @default - no bindings
   */
  readonly access?: TenantAccess;
  /**
   * Node pool every pod of the namespace is pinned to.
   * @default - none: pods go where their own placement says
   */
  readonly nodePool?: DedicatedNodePool;
}

/** Namespace annotation of the PodNodeSelector admission plugin. */
export const NODE_SELECTOR_ANNOTATION = 'scheduler.alpha.kubernetes.io/node-selector';

/** Namespace annotation of the PodTolerationRestriction admission plugin. */
export const DEFAULT_TOLERATIONS_ANNOTATION = 'scheduler.alpha.kubernetes.io/defaultTolerations';

/**
 * A namespace one team owns on a shared cluster (guide 12.5, 7.3): Pod Security Admission labels,
 * ResourceQuota and LimitRange, a default-deny NetworkPolicy with DNS allowed, RoleBindings of the
 * built-in admin/edit/view roles to groups, and optionally a dedicated node pool.
 * Declare its workloads with {@link Tenant.accountFor} so a quota too small for them fails at synth time.
 * The Namespace is cluster-scoped and carries no namespace, in whatever chart the tenant is created.
 */
export class Tenant extends Construct {
  /** Namespace name. */
  public readonly name: string;
  /** The namespace. */
  public readonly namespace: k8s.KubeNamespace;
  /** Totals of the namespace. */
  public readonly resourceQuota: k8s.KubeResourceQuota;
  /** Per-container defaults. */
  public readonly limitRange: k8s.KubeLimitRange;
  /** Denies all ingress and egress not allowed by another policy. */
  public readonly defaultDeny: k8s.KubeNetworkPolicy;
  /** Allows DNS to kube-system over UDP and TCP. */
  public readonly allowDns: k8s.KubeNetworkPolicy;
  /** The RoleBindings, by role (`admin`, `edit`, `view`, `debug`, `breakGlass`). */
  public readonly roleBindings: Record<string, k8s.KubeRoleBinding> = {};
  /** The explicit Roles, by name (`debug`, `breakGlass`), created only when a group is bound to them. */
  public readonly roles: Record<string, k8s.KubeRole> = {};

  private readonly quota: TenantQuota;
  private readonly consumers: QuotaConsumer[] = [];

  public constructor(scope: Construct, id: string, props: TenantProps) {
    super(scope, id);
    this.name = assertDnsLabel(this, 'name', props.name ?? id);
    if (BUILT_IN_NAMESPACES.includes(this.name)) {
      fail(
        this,
        `name "${this.name}" is a namespace Kubernetes reserves for itself; a Tenant would give it the restricted ` +
          `enforce label, a quota and a default-deny NetworkPolicy (in kube-system that cuts DNS for the whole ` +
          `cluster); give the team a namespace of its own, such as "shop"`,
      );
    }
    if (props.labels) assertLabels(this, 'labels', props.labels);
    this.quota = props.quota;
    containerResources(this, 'quota', props.quota);
    if (props.quota.storage !== undefined) assertQuantity(this, 'quota.storage', props.quota.storage, 'storage');

    this.namespace = clusterScoped(
      new k8s.KubeNamespace(this, 'Resource', {
        metadata: {
          name: this.name,
          labels: {
            ...props.labels,
            'app.kubernetes.io/managed-by': MANAGED_BY,
            ...POLICY_SCOPE_LABELS,
            ...podSecurityLabels(props.podSecurity),
          },
          annotations: props.nodePool ? nodePoolAnnotations(this, props.nodePool) : undefined,
        },
      }),
    );
    const metadata = (name: string): k8s.ObjectMeta => ({
      name,
      namespace: this.name,
      labels: { 'app.kubernetes.io/managed-by': MANAGED_BY },
    });

    this.resourceQuota = new k8s.KubeResourceQuota(this, 'Quota', {
      metadata: metadata('tenant-quota'),
      spec: { hard: quotaHard(this, props.quota) },
    });
    const defaults = containerResources(
      this,
      'containerDefaults',
      props.containerDefaults ?? {
        cpu: { request: '100m', limit: '500m' },
        memory: { request: '128Mi', limit: '512Mi' },
      },
    );
    this.limitRange = new k8s.KubeLimitRange(this, 'LimitRange', {
      metadata: metadata('container-defaults'),
      spec: { limits: [{ type: 'Container', defaultRequest: defaults.requests, default: defaults.limits }] },
    });

    ({ defaultDeny: this.defaultDeny, allowDns: this.allowDns } = namespaceBaselinePolicies(this, metadata));

    const access = props.access ?? {};
    const humans = (Object.keys(access) as (keyof TenantAccess)[]).filter((k) => (access[k] ?? []).length > 0);
    if (humans.length > 0 && props.podSecurity?.enforce === PodSecurityLevel.PRIVILEGED) {
      fail(
        this,
        `access binds groups (${humans.join(', ')}) in a namespace whose Pod Security enforce level is privileged; ` +
          `a pod created there can mount the node's root filesystem, so no human may be bound: remove access`,
      );
    }
    for (const [role, groups] of Object.entries(access)) {
      for (const group of groups ?? []) {
        if (group.trim() === '' || group !== group.trim()) {
          fail(
            this,
            `access.${role} holds group ${show(group)}; use the group's name as the identity provider sends it`,
          );
        }
      }
    }
    const subjects = (groups: string[]) =>
      groups.map((name) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name }));
    for (const role of ['admin', 'edit', 'view'] as const) {
      const groups = access[role] ?? [];
      if (groups.length === 0) continue;
      this.roleBindings[role] = new k8s.KubeRoleBinding(this, `RoleBinding-${role}`, {
        metadata: {
          ...metadata(`tenant-${role}`),
          annotations: peerExemptionAnnotations(BUILT_IN_ROLE_REASONS[role], BUILT_IN_CLUSTER_ROLE_BINDING_CHECKS),
        },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
        subjects: subjects(groups),
      });
    }
    const explicit = [
      { key: 'debug', name: 'tenant-debug', rules: DEBUG_RULES, why: DEBUG_EXEC_REASON },
      { key: 'breakGlass', name: 'tenant-break-glass', rules: BREAK_GLASS_RULES, why: BREAK_GLASS_EXEC_REASON },
    ] as const;
    for (const { key, name, rules, why } of explicit) {
      const groups = access[key] ?? [];
      if (groups.length === 0) continue;
      // Exec for people is the access model's decision; Polaris flags every Role that grants it.
      const withExemption = (checks: PeerChecks) => ({
        ...metadata(name),
        annotations: peerExemptionAnnotations(why, checks),
      });
      this.roles[key] = new k8s.KubeRole(this, `Role-${key}`, {
        metadata: withExemption(POD_EXEC_ROLE_CHECKS),
        rules: leastPrivilegeRules(this, key, [...rules]),
      });
      this.roleBindings[key] = new k8s.KubeRoleBinding(this, `RoleBinding-${key}`, {
        metadata: withExemption(POD_EXEC_BINDING_CHECKS),
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
        subjects: subjects(groups),
      });
    }
  }

  /**
   * Declares a workload of this namespace, so the quota is checked against its requests and limits at
   * maximum scale. Fails at once when the namespace differs or the quota no longer holds every workload.
   */
  public accountFor(workload: QuotaConsumer): void {
    if (workload.namespace !== this.name) {
      fail(
        this,
        `accountFor(${workload.name}) runs in namespace "${workload.namespace}", not "${this.name}"; ` +
          `account for it in the tenant of namespace "${workload.namespace}"`,
      );
    }
    this.consumers.push(workload);
    for (const kind of ['cpu', 'memory'] as const) {
      for (const side of ['request', 'limit'] as const) {
        const needed = this.consumers.reduce(
          (sum, w) => sum + parseQuantity(w.resources[kind][side])! * w.maxReplicas,
          0,
        );
        const allowed = parseQuantity(this.quota[kind][side])!;
        if (needed > allowed) {
          const breakdown = this.consumers
            .map((w) => `${w.name} ${w.maxReplicas} x ${w.resources[kind][side]}`)
            .join(', ');
          fail(
            this,
            `quota.${kind}.${side} ${show(this.quota[kind][side])} is smaller than the ${formatAmount(kind, needed)} ` +
              `its workloads ${side === 'request' ? 'request' : 'may use'} at maximum scale (${breakdown}); ` +
              `raise quota.${kind}.${side} to at least ${formatAmount(kind, needed)} or lower the workloads' ` +
              `${side}s or replica ceilings`,
          );
        }
      }
    }
  }
}

function quotaHard(scope: Construct, quota: TenantQuota): Record<string, k8s.Quantity> {
  const hard: Record<string, k8s.Quantity> = {
    'requests.cpu': k8s.Quantity.fromString(quota.cpu.request),
    'requests.memory': k8s.Quantity.fromString(quota.memory.request),
    'limits.cpu': k8s.Quantity.fromString(quota.cpu.limit),
    'limits.memory': k8s.Quantity.fromString(quota.memory.limit),
  };
  if (quota.pods !== undefined)
    hard.pods = k8s.Quantity.fromNumber(assertCount(scope, 'quota.pods', quota.pods, 0, '50'));
  if (quota.persistentVolumeClaims !== undefined) {
    hard.persistentvolumeclaims = k8s.Quantity.fromNumber(
      assertCount(scope, 'quota.persistentVolumeClaims', quota.persistentVolumeClaims, 0, '10'),
    );
  }
  if (quota.storage !== undefined) hard['requests.storage'] = k8s.Quantity.fromString(quota.storage);
  return hard;
}

function nodePoolAnnotations(scope: Construct, pool: DedicatedNodePool): Record<string, string> {
  assertDnsLabel(scope, 'nodePool.name', pool.name);
  const annotations: Record<string, string> = { [NODE_SELECTOR_ANNOTATION]: `${NODE_POOL_LABEL}=${pool.name}` };
  if (pool.tainted ?? true) {
    annotations[DEFAULT_TOLERATIONS_ANNOTATION] = JSON.stringify([
      { key: NODE_POOL_LABEL, operator: 'Equal', value: pool.name, effect: 'NoSchedule' },
    ]);
  }
  return annotations;
}

/** A total for messages: CPU in cores, memory in Gi or Mi. */
function formatAmount(kind: 'cpu' | 'memory', value: number): string {
  if (kind === 'cpu') return `${Number(value.toFixed(3))} CPU`;
  const gi = value / 2 ** 30;
  return Number.isInteger(gi) ? `${gi}Gi memory` : `${Math.ceil(value / 2 ** 20)}Mi memory`;
}
