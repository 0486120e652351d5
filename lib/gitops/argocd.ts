import { k8s } from 'cdk8s-plus-28';
import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { Application, ApplicationSpecSyncPolicy } from '../../imports/application-argoproj.io';
import { AppProject, AppProjectSpecRoles, AppProjectSpecSyncWindows } from '../../imports/appproject-argoproj.io';
import { fail } from '../core/errors';
import { MANAGED_BY } from '../core/labels';
import { Environment } from '../environments/environment';
import { APPLICATION_HEALTH_KEY, APPLICATION_HEALTH_LUA } from './addons/application-health';
import { Footprint } from './footprint';

/** Where Argo CD reads the manifests: one repository and revision for the whole platform. */
export interface GitSource {
  /** Repository URL, e.g. `https://git.example.com/platform/deploy.git`. */
  readonly repoURL: string;
  /** Branch, tag or commit, e.g. `main`. */
  readonly targetRevision: string;
}

/** The Argo CD annotation that sets how an Application's live objects are compared with Git. */
export const COMPARE_OPTIONS_ANNOTATION = 'argocd.argoproj.io/compare-options';

/**
 * Server-side diff including mutating webhooks, as Kyverno's platform notes recommend for Argo CD
 * (Argo CD 2.10 and later): what the API server and admission controllers set is not drift.
 */
export const SERVER_SIDE_DIFF = 'ServerSideDiff=true,IncludeMutationWebhook=true';

/** Namespace Argo CD runs in and keeps its Applications and AppProjects in. */
export const ARGOCD_NAMESPACE = 'argocd';

/** How one Application's sync departs from the default of {@link automatedSyncPolicy}. */
export interface SyncPolicyOptions {
  /** Prune what was removed from Git. @default true */
  readonly prune?: boolean;
  /** Let Argo CD create the destination namespace. @default false */
  readonly createNamespace?: boolean;
  /** Apply server-side (for objects too large for the last-applied annotation). @default false */
  readonly serverSideApply?: boolean;
}

/** The sync policy every generated Application uses: automated prune and self-heal, retries with backoff. */
export function automatedSyncPolicy(options: SyncPolicyOptions = {}): ApplicationSpecSyncPolicy {
  return {
    automated: { prune: options.prune ?? true, selfHeal: true },
    syncOptions: [
      `CreateNamespace=${options.createNamespace ? 'true' : 'false'}`,
      'PrunePropagationPolicy=foreground',
      ...(options.serverSideApply ? ['ServerSideApply=true'] : []),
    ],
    retry: { limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '3m' } },
  };
}

/** Properties of {@link EnvironmentDelivery}. */
export interface EnvironmentDeliveryProps {
  /** The environment delivered. */
  readonly environment: Environment;
  /** The repository. */
  readonly source: GitSource;
  /** Folder of the environment's manifests in the repository, e.g. `dist/production`. */
  readonly path: string;
  /** Folders that synthesis writes; `path` must be one of them. */
  readonly knownPaths: readonly string[];
  /** What the environment's manifests touch; it bounds the project's permissions. */
  readonly footprint: Footprint;
}

/**
 * Argo CD objects for one environment (guide 13.4): an AppProject limited to this repository, to the
 * environment's clusters and namespaces and to the cluster-scoped kinds it really creates, and one
 * automated Application per cluster.
 */
export class EnvironmentDelivery extends Construct {
  /** The project bounding what the environment's Applications may do. */
  public readonly project: AppProject;
  /** One Application per cluster of the environment (none when it is delivered by an ApplicationSet). */
  public readonly applications: Application[];
  /** The ApplicationSet of a fleet, when the environment asks for one (`applicationSet`). */
  public readonly applicationSet?: ApiObject;

  public constructor(scope: Construct, id: string, props: EnvironmentDeliveryProps) {
    super(scope, id);
    const env = props.environment;
    if (!props.knownPaths.includes(props.path)) {
      fail(
        this,
        `path "${props.path}" does not exist in the synthesized output; use one of: ${props.knownPaths.join(', ')}`,
      );
    }
    const labels = { 'app.kubernetes.io/managed-by': MANAGED_BY, 'app.kubernetes.io/part-of': 'platform' };
    const namespace = ARGOCD_NAMESPACE;
    this.project = new AppProject(this, 'Resource', {
      metadata: { name: env.name, namespace, labels },
      spec: {
        description: `Everything deployed to the ${env.name} environment`,
        sourceRepos: [props.source.repoURL],
        destinations: env.props.clusters.flatMap((cluster) =>
          props.footprint.namespaces.map((ns) => ({ server: cluster.server, namespace: ns })),
        ),
        clusterResourceWhitelist: props.footprint.clusterResources.map((r) => ({ group: r.group, kind: r.kind })),
        orphanedResources: { warn: true },
        roles: projectRoles(env, env.name),
        syncWindows: projectSyncWindows(env),
      },
    });
    const source = {
      repoUrl: props.source.repoURL,
      targetRevision: env.props.targetRevision ?? props.source.targetRevision,
      path: props.path,
    };
    if (env.props.applicationSet) {
      this.applications = [];
      this.applicationSet = fleetApplicationSet(this, env, labels, source);
      return;
    }
    this.applications = env.props.clusters.map(
      (cluster) =>
        new Application(this, `Application-${cluster.name}`, {
          metadata: {
            name: `${env.name}-${cluster.name}`,
            namespace,
            labels: { ...labels, 'cdk8s-production.io/environment': env.name },
            // Kyverno's notes for Argo CD users: compare on the server, so the defaults and mutations the
            // API server and Kyverno apply to policies are not reported as drift.
            annotations: { [COMPARE_OPTIONS_ANNOTATION]: SERVER_SIDE_DIFF },
            finalizers: ['resources-finalizer.argocd.argoproj.io'],
          },
          spec: {
            project: env.name,
            source: {
              repoUrl: props.source.repoURL,
              targetRevision: cluster.targetRevision ?? env.props.targetRevision ?? props.source.targetRevision,
              path: props.path,
            },
            destination: { server: cluster.server, namespace: env.namespace },
            syncPolicy: automatedSyncPolicy(),
            revisionHistoryLimit: 10,
          },
        }),
    );
  }
}

/** The label of the Argo CD cluster Secrets an environment's ApplicationSet selects. */
export const FLEET_CLUSTER_LABEL = 'cdk8s-production.io/environment';

/**
 * One ApplicationSet for a fleet (Argo CD's cluster generator, Go templates): an Application
 * `<env>-<cluster>` (the normalized cluster name) per cluster registered with {@link FLEET_CLUSTER_LABEL},
 * with the same source, sync policy and compare options as the per-cluster Applications. Deletes are
 * protected twice: the generated Applications carry no resources finalizer, so deleting one (or the
 * ApplicationSet, or a cluster losing its label) never deletes what it deployed, and `create-update`
 * keeps the ApplicationSet from deleting Applications at all; a person prunes. A small typed object:
 * Argo CD's generated binding is tens of thousands of lines for the few fields written here.
 */
function fleetApplicationSet(
  scope: Construct,
  env: Environment,
  labels: Record<string, string>,
  source: { repoUrl: string; targetRevision: string; path: string },
): ApiObject {
  const sync = automatedSyncPolicy();
  return new ApiObject(scope, 'ApplicationSet', {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name: env.name, namespace: ARGOCD_NAMESPACE, labels },
    spec: {
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      generators: [{ clusters: { selector: { matchLabels: { [FLEET_CLUSTER_LABEL]: env.name } } } }],
      syncPolicy: { preserveResourcesOnDeletion: true, applicationsSync: 'create-update' },
      template: {
        metadata: {
          name: `${env.name}-{{ .nameNormalized }}`,
          labels: { ...labels, [FLEET_CLUSTER_LABEL]: env.name },
          annotations: { [COMPARE_OPTIONS_ANNOTATION]: SERVER_SIDE_DIFF },
        },
        spec: {
          project: env.name,
          source: { repoURL: source.repoUrl, targetRevision: source.targetRevision, path: source.path },
          destination: { server: '{{ .server }}', namespace: env.namespace },
          syncPolicy: {
            automated: sync.automated,
            syncOptions: sync.syncOptions,
            retry: sync.retry,
          },
          revisionHistoryLimit: 10,
        },
      },
    },
  });
}

/**
 * The roles of `project`, one of `env`'s AppProjects: `deployers` may read, sync and override its
 * Applications; with `denyExec`, Argo CD's web terminal into their pods is denied (Argo CD RBAC:
 * resource `exec`, action `create`, object `<project>/<application>`).
 */
export function projectRoles(env: Environment, project: string): AppProjectSpecRoles[] | undefined {
  const delivery = env.props.delivery;
  if (!delivery) return undefined;
  if (delivery.deployers.length === 0) {
    fail(env.path, `delivery.deployers is empty; name the Argo CD groups that may sync ${env.name}, e.g. ['sre']`);
  }
  const subject = `proj:${project}:deployers`;
  const policy = (resource: string, action: string, effect: 'allow' | 'deny') =>
    `p, ${subject}, ${resource}, ${action}, ${project}/*, ${effect}`;
  const policies = [
    policy('applications', 'get', 'allow'),
    policy('applications', 'sync', 'allow'),
    policy('applications', 'override', 'allow'),
    ...(delivery.denyExec ? [policy('exec', 'create', 'deny')] : []),
  ];
  return [
    {
      name: 'deployers',
      description: `May sync and override the ${env.name} Applications${delivery.denyExec ? '; never exec into their pods' : ''}`,
      groups: delivery.deployers,
      policies,
    },
  ];
}

/** The sync windows of `env`'s projects, from its delivery settings. */
export function projectSyncWindows(env: Environment): AppProjectSpecSyncWindows[] | undefined {
  return env.props.delivery?.syncWindows?.map((w) => ({
    kind: w.kind,
    schedule: w.schedule,
    duration: w.duration,
    timeZone: w.timeZone ?? 'UTC',
    manualSync: w.manualSync ?? false,
    applications: ['*'],
  }));
}

/** Properties of {@link RootApplication}. */
export interface RootApplicationProps {
  /** The repository. */
  readonly source: GitSource;
  /** Folder holding the generated Applications and AppProjects, e.g. `dist/argocd`. */
  readonly path: string;
  /** Folders that synthesis writes; `path` must be one of them. */
  readonly knownPaths: readonly string[];
}

/**
 * The app-of-apps: a `platform` project and a `root` Application on the Argo CD cluster that sync the
 * generated Applications, and the Application health check Argo CD needs for the root app to wait for
 * each wave (a partial `argocd-cm` that applying merges into Argo CD's own). Apply it once by hand
 * (`kubectl apply -f dist/bootstrap/`, after installing Argo CD); Git drives the rest.
 * The root app self-heals but never prunes and has no resources finalizer, so neither a change in Git nor
 * deleting the root app removes an Application without a person confirming it.
 */
export class RootApplication extends Construct {
  /** The project of the root application: only Applications and AppProjects in the Argo CD namespace. */
  public readonly project: AppProject;
  /** The root application. */
  public readonly application: Application;
  /**
   * Argo CD's `argocd-cm` with only the Application health check ({@link APPLICATION_HEALTH_KEY}):
   * `kubectl apply` adds the key to the ConfigMap Argo CD installed and leaves its other keys alone.
   */
  public readonly applicationHealth: k8s.KubeConfigMap;

  public constructor(scope: Construct, id: string, props: RootApplicationProps) {
    super(scope, id);
    if (!props.knownPaths.includes(props.path)) {
      fail(
        this,
        `path "${props.path}" does not exist in the synthesized output; use one of: ${props.knownPaths.join(', ')}`,
      );
    }
    const labels = { 'app.kubernetes.io/managed-by': MANAGED_BY, 'app.kubernetes.io/part-of': 'platform' };
    const inCluster = 'https://kubernetes.default.svc';
    this.project = new AppProject(this, 'Project', {
      metadata: { name: 'platform', namespace: ARGOCD_NAMESPACE, labels },
      spec: {
        description: 'The Argo CD objects that deploy every environment',
        sourceRepos: [props.source.repoURL],
        destinations: [{ server: inCluster, namespace: ARGOCD_NAMESPACE }],
        clusterResourceWhitelist: [],
        namespaceResourceWhitelist: [
          { group: 'argoproj.io', kind: 'Application' },
          { group: 'argoproj.io', kind: 'ApplicationSet' },
          { group: 'argoproj.io', kind: 'AppProject' },
        ],
      },
    });
    // No resources finalizer: deleting the root app leaves every Application (and what they deployed)
    // in place. No automated prune: an Application removed from Git (a renamed cluster, a dropped
    // environment) stays, OutOfSync, until a person prunes it; `npm run diff` warns about it first.
    this.application = new Application(this, 'Resource', {
      metadata: { name: 'root', namespace: ARGOCD_NAMESPACE, labels },
      spec: {
        project: 'platform',
        source: { repoUrl: props.source.repoURL, targetRevision: props.source.targetRevision, path: props.path },
        destination: { server: inCluster, namespace: ARGOCD_NAMESPACE },
        syncPolicy: automatedSyncPolicy({ prune: false }),
        revisionHistoryLimit: 10,
      },
    });
    // Argo CD reads its settings only from ConfigMaps labelled part-of: argocd.
    this.applicationHealth = new k8s.KubeConfigMap(this, 'ApplicationHealth', {
      metadata: {
        name: 'argocd-cm',
        namespace: ARGOCD_NAMESPACE,
        labels: { 'app.kubernetes.io/name': 'argocd-cm', 'app.kubernetes.io/part-of': 'argocd' },
      },
      data: { [APPLICATION_HEALTH_KEY]: APPLICATION_HEALTH_LUA },
    });
  }
}
