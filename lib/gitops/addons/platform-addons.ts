import { PROVIDES_API_GROUPS_ANNOTATION } from '../../core/api-groups';
import { Construct } from 'constructs';
import { Application, ApplicationSpecSource } from '../../../imports/application-argoproj.io';
import { AppProject } from '../../../imports/appproject-argoproj.io';
import { MANAGED_BY } from '../../core/labels';
import { BUILT_IN_NAMESPACES } from '../../core/namespaces';
import { podSecurityLabels } from '../../core/pod-security';
import { Environment } from '../../environments/environment';
import { ARGOCD_NAMESPACE, automatedSyncPolicy, projectRoles, projectSyncWindows } from '../argocd';
import { SYNC_WAVE_ANNOTATION } from '../sync-waves';
import { AddonDefinition, AddonWave, assertAddons } from './addon';

/** The label naming the addon an Application delivers. */
export const ADDON_LABEL = 'cdk8s-production.io/addon';

/** The annotation that says why the platform needs an addon. */
export const ADDON_PURPOSE_ANNOTATION = 'cdk8s-production.io/addon-purpose';

/** Properties of {@link PlatformAddons}. */
export interface PlatformAddonsProps {
  /** The environment whose clusters get the addons. */
  readonly environment: Environment;
  /** The addons, e.g. `platformAddonsFor(services)`. */
  readonly addons: readonly AddonDefinition[];
}

/**
 * The operators and CRD sets an environment's manifests need, as Argo CD Applications delivered by the
 * root app before the environment's own Applications: an AppProject `<env>-addons` limited to the addons'
 * repositories and namespaces, and one Application per addon and cluster, pinned to an exact version with
 * its values, in the addon's sync wave. The earliest addon of each namespace creates it, with the
 * restricted Pod Security labels.
 */
export class PlatformAddons extends Construct {
  /** The project of the addon Applications. */
  public readonly project: AppProject;
  /** Every Application, by addon then cluster. */
  public readonly applications: readonly Application[];
  /** The addons as given. */
  public readonly addons: readonly AddonDefinition[];

  public constructor(scope: Construct, id: string, props: PlatformAddonsProps) {
    super(scope, id);
    assertAddons(this.node.path, props.addons, BUILT_IN_NAMESPACES);
    this.addons = props.addons;
    const env = props.environment;
    const labels = { 'app.kubernetes.io/managed-by': MANAGED_BY, 'app.kubernetes.io/part-of': 'platform-addons' };
    const projectName = `${env.name}-addons`;
    const namespaces = [...new Set(props.addons.map((a) => a.namespace))].sort();
    this.project = new AppProject(this, 'Resource', {
      metadata: {
        name: projectName,
        namespace: ARGOCD_NAMESPACE,
        labels,
        annotations: { [SYNC_WAVE_ANNOTATION]: String(AddonWave.PROJECT) },
      },
      spec: {
        description: `Operators and CRD sets the ${env.name} manifests need`,
        sourceRepos: [...new Set(props.addons.map((a) => sourceOf(a).repoUrl))].sort(),
        destinations: env.props.clusters.flatMap((c) =>
          namespaces.map((namespace) => ({ server: c.server, namespace })),
        ),
        // Operators install CRDs, cluster roles and bindings, admission webhooks and API services.
        clusterResourceWhitelist: [{ group: '*', kind: '*' }],
        orphanedResources: { warn: true },
        // An operator upgrade is a production change like any other: the same deployers and windows.
        roles: projectRoles(env, projectName),
        syncWindows: projectSyncWindows(env),
      },
    });
    this.applications = props.addons.flatMap((addon) =>
      env.props.clusters.map((cluster) => {
        return new Application(this, `${addon.name}-${cluster.name}`, {
          metadata: {
            name: `${addon.name}-${cluster.name}`,
            namespace: ARGOCD_NAMESPACE,
            labels: { ...labels, 'cdk8s-production.io/environment': env.name, [ADDON_LABEL]: addon.name },
            annotations: {
              [SYNC_WAVE_ANNOTATION]: String(addon.wave),
              [ADDON_PURPOSE_ANNOTATION]: addon.purpose,
              ...(addon.providesApiGroups?.length
                ? { [PROVIDES_API_GROUPS_ANNOTATION]: [...addon.providesApiGroups].sort().join(',') }
                : {}),
            },
            // No resources finalizer: deleting an addon's Application (or renaming a cluster) must not
            // delete the operator's CRDs, and with them every custom resource of the environment.
          },
          spec: {
            project: projectName,
            source: sourceOf(addon),
            destination: { server: cluster.server, namespace: addon.namespace },
            syncPolicy: {
              ...automatedSyncPolicy({
                createNamespace: addon.createsNamespace,
                serverSideApply: addon.serverSideApply,
              }),
              managedNamespaceMetadata: addon.createsNamespace
                ? { labels: { 'app.kubernetes.io/managed-by': MANAGED_BY, ...podSecurityLabels() } }
                : undefined,
            },
            revisionHistoryLimit: 10,
          },
        });
      }),
    );
  }
}

/** The Application source of an addon: a pinned chart with its release name and values, or a pinned Git folder. */
function sourceOf(addon: AddonDefinition): ApplicationSpecSource {
  if ('helm' in addon.source) {
    const helm = addon.source.helm;
    return {
      repoUrl: helm.repoURL,
      chart: helm.chart,
      targetRevision: helm.version,
      helm: {
        releaseName: addon.name,
        valuesObject: helm.values,
        skipCrds: helm.skipCrds,
      },
    };
  }
  const manifests = addon.source.manifests;
  return { repoUrl: manifests.repoURL, targetRevision: manifests.version, path: manifests.path };
}
