import { fail } from '../core/errors';
import { assertPinnedImage } from '../core/image';
import { assertDnsLabel } from '../core/names';
import { ZoneSpread } from '../core/placement';
import { PolicyMode } from '../core/policy-mode';
import { assertQuantity, ContainerResources } from '../core/resources';
import { assertCronSchedule, assertTimeZone } from '../core/schedule';
import type { TenantAccess, TenantQuota } from '../platform/tenant';
import type { ExternalEndpointOptions } from '../workloads/dependencies';
import type { ApiServerEndpoint } from '../workloads/production-service';

/** A Kubernetes cluster Argo CD deploys to. */
export interface ClusterTarget {
  /** Short name, used in Application names, e.g. `prod-eu-1`. */
  readonly name: string;
  /** API server URL as registered in Argo CD, e.g. `https://kubernetes.default.svc`. */
  readonly server: string;
  /**
   * The Git revision this cluster deploys, when it differs from the environment's (a cluster that
   * takes a release first).
   * @default - the environment's `targetRevision`
   */
  readonly targetRevision?: string;
}

/** How many replicas of a service run and what each may use, in one environment. */
export interface ServiceCapacity {
  /** HPA floor. */
  readonly minReplicas: number;
  /** HPA ceiling. */
  readonly maxReplicas: number;
  /** Target average CPU utilization in percent. */
  readonly cpuUtilization: number;
  /**
   * Per-pod custom metric targets, e.g. `{ http_requests_inflight: '50' }`.
   * @default - none
   */
  readonly podMetrics?: Record<string, string>;
  /**
   * Share of the pods, in percent, voluntary disruptions may take at once (the service's
   * `disruptionBudgetPercent`); rounded up, so it scales with the autoscaler and always allows one eviction.
   * @default 10
   */
  readonly disruptionBudgetPercent?: number;
  /** CPU and memory of each pod. */
  readonly resources: ContainerResources;
}

/** A planned-event capacity profile (guide 14.11), switched on and off with one line. */
export interface PeakProfile {
  /** Whether the profile is in force. */
  readonly enabled: boolean;
  /** Replica floor while the event lasts, e.g. 20. */
  readonly minReplicas: number;
  /** Replica ceiling while the event lasts. */
  readonly maxReplicas: number;
}

/** A canary release of one service: a second track with its own image and a share of the traffic. */
export interface CanaryRelease {
  /** Pinned image under test; promote it by moving it to `images` and removing the canary. */
  readonly image: string;
  /** Percentage of requests the canary receives, 0..100; 100 with as many replicas as stable is a blue-green switch. */
  readonly weight: number;
  /**
   * Replicas of the canary track.
   * @default 1
   */
  readonly replicas?: number;
}

/** The shared entry point of an environment (Gateway API). */
export interface GatewaySettings {
  /** GatewayClass of the installed implementation, e.g. `istio`. */
  readonly className: string;
  /** Public hostname of the shop, e.g. `shop.example.com`. */
  readonly hostname: string;
  /**
   * TLS Secret in the gateway namespace.
   * @default - plain HTTP, refused unless requireTls is false
   */
  readonly tlsSecret?: string;
  /**
   * Refuse a listener without TLS; turn off only for development clusters.
   * @default true
   */
  readonly requireTls?: boolean;
}

/** When Argo CD may sync an environment's Applications (an AppProject sync window). */
export interface SyncWindow {
  /** `allow` (syncs only inside the window) or `deny` (no syncs inside it). */
  readonly kind: 'allow' | 'deny';
  /** Cron expression of the window's start, e.g. `0 8 * * 1-4`. */
  readonly schedule: string;
  /** How long the window lasts, e.g. `8h`. */
  readonly duration: string;
  /**
   * Time zone of the schedule.
   * @default 'UTC'
   */
  readonly timeZone?: string;
  /**
   * Whether a manual sync (a person pressing Sync) may run when the window blocks automated ones.
   * @default false
   */
  readonly manualSync?: boolean;
}

/** Who may act through Argo CD on an environment, and when it syncs. */
export interface DeliveryAccess {
  /** Argo CD (SSO) groups that may sync the environment's Applications and override their parameters. */
  readonly deployers: string[];
  /**
   * Forbid Argo CD's web terminal (`exec`) into the environment's pods for every project role.
   * @default false
   */
  readonly denyExec?: boolean;
  /**
   * Windows that bound when Applications sync.
   * @default - syncs at any time
   */
  readonly syncWindows?: SyncWindow[];
}

/** How much the application services log. */
export enum LogLevel {
  /** Everything, for development. */
  DEBUG = 'DEBUG',
  /** Normal operation. */
  INFO = 'INFO',
  /** Only what may need attention. */
  WARN = 'WARN',
  /** Only failures. */
  ERROR = 'ERROR',
}

/** Everything that differs between environments, as data (what Kustomize overlays would patch). */
export interface EnvironmentProps {
  /** Environment name, also its folder in `dist/`: `dev`, `staging` or `production`. */
  readonly name: string;
  /** Namespace the application services run in. */
  readonly namespace: string;
  /** Clusters this environment is deployed to; Argo CD gets one Application per cluster (or one ApplicationSet). */
  readonly clusters: ClusterTarget[];
  /**
   * Deliver the environment with one ApplicationSet whose cluster generator selects the clusters
   * registered in Argo CD with the label `cdk8s-production.io/environment: <name>`, instead of one
   * Application per cluster: for fleets. The AppProject still admits only the servers of `clusters`, so a
   * cluster labelled by mistake is refused; every cluster follows `targetRevision`.
   * @default false
   */
  readonly applicationSet?: boolean;
  /**
   * The Git revision (branch, tag or commit) the environment's clusters deploy: staging follows `main`,
   * production is pinned to a release and promoted by changing this one value (`npm run promote`).
   * @default - the repository source's revision
   */
  readonly targetRevision?: string;
  /** Pinned image per service name; promotion is a change of one line here. */
  readonly images: Record<string, string>;
  /** Replicas, autoscaling and resources per service name. */
  readonly capacity: Record<string, ServiceCapacity>;
  /** Node pool online services run in. */
  readonly nodePool: string;
  /** How strictly pods spread across zones. */
  readonly zoneSpread: ZoneSpread;
  /** Whether policies block or only audit. */
  readonly policyMode: PolicyMode;
  /**
   * Modes per policy name that override `policyMode`, so a new policy rolls out as Audit first in
   * each environment before it enforces.
   * @default - every policy in `policyMode`
   */
  readonly policyModes?: Record<string, PolicyMode>;
  /**
   * Groups of the identity provider and what they may do in the environment's team namespaces.
   * @default - no human bindings
   */
  readonly access?: TenantAccess;
  /**
   * Refuse standing `edit` and `admin` bindings: people read, and act only through a time-limited
   * break-glass group (production).
   * @default false
   */
  readonly noStandingWriteAccess?: boolean;
  /**
   * Who may sync and override through Argo CD, whether its exec is denied, and the sync windows.
   * @default - no project roles, no sync windows
   */
  readonly delivery?: DeliveryAccess;
  /**
   * Whether Secrets with literal data may be synthesized (never in staging or production).
   * @default false
   */
  readonly allowLiteralSecrets?: boolean;
  /**
   * Planned-event capacity profile.
   * @default - none
   */
  readonly peak?: PeakProfile;
  /**
   * Whether the clusters' etcd is backed up and restore-drilled by this platform (clusters that are
   * rebuilt rather than restored, such as dev, leave it off; managed control planes back up themselves).
   * @default false
   */
  readonly etcdBackup?: boolean;
  /**
   * Canary releases per service name.
   * @default - none
   */
  readonly canaries?: Record<string, CanaryRelease>;
  /**
   * The shared Gateway services are exposed through.
   * @default - services are not exposed
   */
  readonly gateway?: GatewaySettings;
  /**
   * Log level of the application services.
   * @default LogLevel.INFO
   */
  readonly logLevel?: LogLevel;
  /**
   * Volume size per stateful service name, e.g. `{ redis: '50Gi' }`.
   * @default - none; {@link Environment.storageOf} refuses every service
   */
  readonly storage?: Record<string, string>;
  /**
   * Namespace budgets (ResourceQuota totals) per tenant, e.g. `{ app: {...}, infra: {...} }`.
   * @default - none; {@link Environment.quotaOf} refuses every tenant
   */
  readonly quotas?: Record<string, TenantQuota>;
  /**
   * Where pods reach the clusters' API server (the `kubernetes` Service's endpoints), for services
   * that call the API.
   * @default - none; {@link Environment.apiServer} refuses
   */
  readonly apiServer?: ApiServerEndpoint;
  /**
   * Endpoints outside the cluster by name (managed databases, brokers), with the reason they live
   * outside this repository.
   * @default - none; {@link Environment.endpointOf} refuses every name
   */
  readonly externalEndpoints?: Record<string, ExternalEndpointOptions>;
}

/** One deployment environment, validated on construction. */
export class Environment {
  /** The data as given. */
  public readonly props: EnvironmentProps;
  /** Path used in error messages, e.g. `environments/production`. */
  public readonly path: string;

  public constructor(props: EnvironmentProps) {
    this.path = `environments/${props.name}`;
    assertDnsLabel(this.path, 'name', props.name);
    assertDnsLabel(this.path, 'namespace', props.namespace);
    if (props.clusters.length === 0) {
      fail(
        this.path,
        `clusters is empty; list at least one cluster, e.g. { name: 'prod-eu-1', server: 'https://...' }`,
      );
    }
    const pinnedCluster = props.clusters.findIndex((c) => c.targetRevision !== undefined);
    if (props.applicationSet && pinnedCluster >= 0) {
      fail(
        this.path,
        `clusters[${pinnedCluster}].targetRevision is set, but an ApplicationSet delivers one revision to every ` +
          'cluster of the fleet; drop applicationSet to promote cluster by cluster, or set targetRevision for the environment',
      );
    }
    for (const [where, ref] of [
      ['targetRevision', props.targetRevision],
      ...props.clusters.map((c, i) => [`clusters[${i}].targetRevision`, c.targetRevision]),
    ] as [string, string | undefined][]) {
      if (ref !== undefined) assertGitRevision(this.path, where, ref);
    }
    for (const [service, image] of Object.entries(props.images)) {
      assertPinnedImage(this.path, `images.${service}`, image);
    }
    for (const [service, canary] of Object.entries(props.canaries ?? {})) {
      assertPinnedImage(this.path, `canaries.${service}.image`, canary.image);
      if (!Number.isInteger(canary.weight) || canary.weight < 0 || canary.weight > 100) {
        fail(
          this.path,
          `canaries.${service}.weight ${JSON.stringify(canary.weight)} is outside 0..100; use a whole percentage such as 10`,
        );
      }
      if (canary.image === props.images[service]) {
        fail(
          this.path,
          `canaries.${service}.image "${canary.image}" is already the stable image; promotion is done: remove canaries.${service}`,
        );
      }
    }
    if (props.noStandingWriteAccess) {
      for (const role of ['admin', 'edit'] as const) {
        const groups = props.access?.[role] ?? [];
        if (groups.length > 0) {
          fail(
            this.path,
            `access.${role} ${JSON.stringify(groups)} is a standing write binding, refused by noStandingWriteAccess; ` +
              `give read through access.view and incident access through access.breakGlass`,
          );
        }
      }
    }
    for (const [i, window] of (props.delivery?.syncWindows ?? []).entries()) {
      assertCronSchedule(this.path, `delivery.syncWindows[${i}].schedule`, window.schedule);
      if (window.timeZone !== undefined)
        assertTimeZone(this.path, `delivery.syncWindows[${i}].timeZone`, window.timeZone);
      if (!/^\d+[hm]$/.test(window.duration)) {
        fail(
          this.path,
          `delivery.syncWindows[${i}].duration ${JSON.stringify(window.duration)} is not a duration Argo CD reads; use hours or minutes such as "8h"`,
        );
      }
    }
    for (const [service, size] of Object.entries(props.storage ?? {})) {
      assertQuantity(this.path, `storage.${service}`, size, 'storage');
    }
    if (props.peak) {
      for (const [service, capacity] of Object.entries(props.capacity)) {
        if (props.peak.minReplicas < capacity.minReplicas) {
          fail(
            this.path,
            `peak.minReplicas (${props.peak.minReplicas}) is below the normal minimum of ${service} (${capacity.minReplicas}); ` +
              `a peak profile must add capacity: use at least ${capacity.minReplicas}`,
          );
        }
        if (props.peak.maxReplicas < props.peak.minReplicas) {
          fail(
            this.path,
            `peak.maxReplicas (${props.peak.maxReplicas}) is below peak.minReplicas (${props.peak.minReplicas}); ` +
              `raise peak.maxReplicas to at least ${props.peak.minReplicas}`,
          );
        }
      }
    }
    this.props = props;
  }

  /** The environment name. */
  public get name(): string {
    return this.props.name;
  }

  /** The application namespace. */
  public get namespace(): string {
    return this.props.namespace;
  }

  /** The pinned image of `service`; throws naming the environment when it has none. */
  public imageOf(service: string): string {
    const image = this.props.images[service];
    if (!image) {
      fail(this.path, `images has no entry for "${service}"; add images['${service}'] = 'registry/${service}:vX.Y.Z'`);
    }
    return image;
  }

  /** Who may do what in the team namespaces (no bindings when the environment declares none). */
  public get access(): TenantAccess {
    return this.props.access ?? {};
  }

  /** The log level of the application services. */
  public get logLevel(): LogLevel {
    return this.props.logLevel ?? LogLevel.INFO;
  }

  /** The volume size of stateful `service`; throws naming the environment when it has none. */
  public storageOf(service: string): string {
    const size = this.props.storage?.[service];
    if (!size) fail(this.path, `storage has no entry for "${service}"; add storage['${service}'] = '10Gi'`);
    return size;
  }

  /** Where pods reach the API server; throws naming the environment when it is not set. */
  public get apiServer(): ApiServerEndpoint {
    const api = this.props.apiServer;
    if (!api) fail(this.path, `apiServer is not set; add apiServer: { cidr: '<kubernetes endpoints>/32', port: 443 }`);
    return api;
  }

  /** The external endpoint `name`; throws naming the environment when it has none. */
  public endpointOf(name: string): ExternalEndpointOptions {
    const endpoint = this.props.externalEndpoints?.[name];
    if (!endpoint) {
      fail(
        this.path,
        `externalEndpoints has no entry for "${name}"; add externalEndpoints['${name}'] with its cidr, port and reason`,
      );
    }
    return endpoint;
  }

  /** The quota of `tenant`; throws naming the environment when it has none. */
  public quotaOf(tenant: string): TenantQuota {
    const quota = this.props.quotas?.[tenant];
    if (!quota) {
      fail(this.path, `quotas has no entry for "${tenant}"; add quotas['${tenant}'] with cpu and memory totals`);
    }
    return quota;
  }

  /** The canary release of `service`, if any. */
  public canaryOf(service: string): CanaryRelease | undefined {
    return this.props.canaries?.[service];
  }

  /** The capacity of `service`, with the peak profile applied when it is enabled. */
  public capacityOf(
    service: string,
  ): Required<Omit<ServiceCapacity, 'podMetrics'>> & Pick<ServiceCapacity, 'podMetrics'> {
    const base = this.props.capacity[service];
    if (!base) {
      fail(this.path, `capacity has no entry for "${service}"; add capacity['${service}'] with replicas and resources`);
    }
    const peak = this.props.peak?.enabled ? this.props.peak : undefined;
    const minReplicas = peak ? Math.max(peak.minReplicas, base.minReplicas) : base.minReplicas;
    const maxReplicas = peak ? Math.max(peak.maxReplicas, base.maxReplicas) : base.maxReplicas;
    return { ...base, minReplicas, maxReplicas, disruptionBudgetPercent: base.disruptionBudgetPercent ?? 10 };
  }
}

/** The set of environments of a platform, checked as a whole. */
export class Environments {
  /** In declaration order. */
  public readonly all: readonly Environment[];

  public constructor(environments: Environment[]) {
    const owners = new Map<string, string>();
    for (const env of environments) {
      for (const cluster of env.props.clusters) {
        const key = `${cluster.server} ${env.namespace}`;
        const owner = owners.get(key);
        if (owner) {
          fail(
            env.path,
            `namespace "${env.namespace}" on cluster ${cluster.name} (${cluster.server}) is already written by ` +
              `environment "${owner}"; give one of them another namespace or cluster`,
          );
        }
        owners.set(key, env.name);
      }
    }
    const names = environments.map((e) => e.name);
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    if (duplicate) fail(`environments/${duplicate}`, `is declared twice; environment names must be unique`);
    this.all = environments;
  }

  /** The environment called `name`; throws listing the known names. */
  public get(name: string): Environment {
    const env = this.all.find((e) => e.name === name);
    if (!env) {
      fail('environments', `unknown environment "${name}"; use one of: ${this.all.map((e) => e.name).join(', ')}`);
    }
    return env;
  }
}

/**
 * Refuses a Git revision that no branch, tag or commit can have (`git check-ref-format` rules: no
 * spaces, `..`, `~`, `^`, `:`, `?`, `*`, `[`, backslash, leading `-` or `/`, trailing `/`, `.` or `.lock`).
 */
export function assertGitRevision(scope: string, prop: string, ref: string): string {
  const bad =
    ref === '' ||
    /[\s~^:?*[\\]|\.\.|@\{|\/\/|^[-/.]|[/.]$|\.lock$/.test(ref) ||
    ref.split('/').some((part) => part.startsWith('.'));
  if (bad) {
    fail(
      scope,
      `${prop} ${JSON.stringify(ref)} is not a Git branch, tag or commit; use e.g. "main" or "release-2026.12"`,
    );
  }
  return ref;
}
