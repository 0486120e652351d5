import { fail, show } from '../../core/errors';
import { assertDnsLabel } from '../../core/names';

/** A Helm value: what `spec.source.helm.valuesObject` holds. */
export type HelmValue = string | number | boolean | null | readonly HelmValue[] | HelmValues;

/** Helm values as a typed object, written to `spec.source.helm.valuesObject`. */
export interface HelmValues {
  readonly [key: string]: HelmValue;
}

/**
 * When the root app delivers an addon. Argo CD applies one wave, waits until it is synced and healthy,
 * then applies the next; the environment Applications follow at wave 0.
 */
export enum AddonWave {
  /** The AppProject of the addons. */
  PROJECT = -6,
  /** CRD sets other addons build on (Gateway API, Istio base). */
  CRDS = -5,
  /** Operators with their own CRDs. */
  OPERATORS = -4,
  /** Addons that need an operator, or a namespace an operator's Application creates. */
  DEPENDENTS = -3,
}

/** A chart in a Helm repository, pinned to one version. */
export interface HelmChartSource {
  /** Helm repository URL, e.g. `https://charts.jetstack.io`. */
  readonly repoURL: string;
  /** Chart name, e.g. `cert-manager`. */
  readonly chart: string;
  /** Exact chart version, e.g. `v1.21.1`; never a range. */
  readonly version: string;
  /**
   * The values, as a typed object.
   * @default - the chart's defaults
   */
  readonly values?: HelmValues;
  /**
   * Leave out the chart's `crds/` folder (when the CRDs come from elsewhere).
   * @default false
   */
  readonly skipCrds?: boolean;
}

/** Plain manifests in a Git repository, pinned to one tag (for CRD sets published without a chart). */
export interface GitManifestSource {
  /** Git repository URL. */
  readonly repoURL: string;
  /** Exact release tag, e.g. `v1.6.1`; never a branch. */
  readonly version: string;
  /** Folder of the manifests in the repository. */
  readonly path: string;
}

/** One operator or CRD set the platform's manifests need, delivered as an Argo CD Application. */
export interface AddonDefinition {
  /** Addon name; also the Helm release name and the prefix of its Applications' names. */
  readonly name: string;
  /** What in the platform's manifests needs it; written to the Application as an annotation. */
  readonly purpose: string;
  /** Namespace the addon runs in. */
  readonly namespace: string;
  /**
   * Whether this addon's Application creates its namespace (with the restricted Pod Security labels).
   * Exactly one addon creates each addon namespace.
   * @default false
   */
  readonly createsNamespace?: boolean;
  /** Where the manifests come from: a chart, or manifests at a tag. */
  readonly source: { readonly helm: HelmChartSource } | { readonly manifests: GitManifestSource };
  /** When the root app delivers it. */
  readonly wave: AddonWave;
  /**
   * Apply server-side (CRDs too large for the last-applied annotation of 262144 bytes).
   * @default false
   */
  readonly serverSideApply?: boolean;
  /**
   * The API groups whose CRDs this addon installs, so the readiness check knows a custom resource of
   * the environment is served once the addon's wave has synced.
   * @default - none
   */
  readonly providesApiGroups?: readonly string[];
}

/** The version of an addon's source. */
export function versionOf(addon: AddonDefinition): string {
  return 'helm' in addon.source ? addon.source.helm.version : addon.source.manifests.version;
}

const EXACT_VERSION = /^v?\d+\.\d+\.\d+$/;

/**
 * Checks one addon: a DNS-label name and namespace, an https source and an exact version.
 * Fails naming `where` and the addon.
 */
export function assertAddon(where: string, addon: AddonDefinition): AddonDefinition {
  assertDnsLabel(where, `addon name`, addon.name);
  assertDnsLabel(where, `addon "${addon.name}" namespace`, addon.namespace);
  const version = versionOf(addon);
  if (!EXACT_VERSION.test(version)) {
    fail(
      where,
      `addon "${addon.name}" version ${show(version)} is not pinned; use the exact chart or release version ` +
        `(such as 3.9.0 or v1.6.1), never a range, a branch or "latest"`,
    );
  }
  const repoURL = 'helm' in addon.source ? addon.source.helm.repoURL : addon.source.manifests.repoURL;
  if (!repoURL.startsWith('https://')) {
    fail(
      where,
      `addon "${addon.name}" repoURL ${show(repoURL)} is not an https URL; use the project's published https URL`,
    );
  }
  return addon;
}

/**
 * Checks a set of addons: names are unique, and each addon namespace is created by exactly one of them
 * (namespaces that exist on every cluster, such as kube-system, by none).
 */
export function assertAddons(where: string, addons: readonly AddonDefinition[], builtIn: readonly string[]): void {
  const names = new Set<string>();
  for (const addon of addons) {
    assertAddon(where, addon);
    if (names.has(addon.name)) fail(where, `addon "${addon.name}" is listed twice; addon names must be unique`);
    names.add(addon.name);
  }
  for (const namespace of [...new Set(addons.map((a) => a.namespace))]) {
    const creators = addons.filter((a) => a.namespace === namespace && a.createsNamespace).map((a) => a.name);
    const users = addons.filter((a) => a.namespace === namespace).map((a) => a.name);
    if (builtIn.includes(namespace)) {
      if (creators.length > 0) {
        fail(
          where,
          `addon "${creators[0]}" creates namespace "${namespace}", which every cluster already has; remove createsNamespace`,
        );
      }
    } else if (creators.length !== 1) {
      fail(
        where,
        `namespace "${namespace}" of addons ${users.map((n) => `"${n}"`).join(', ')} is created by ` +
          `${creators.length === 0 ? 'none of them' : creators.map((n) => `"${n}"`).join(' and ')}; ` +
          `set createsNamespace on exactly one addon of the namespace, in its earliest wave`,
      );
    } else {
      const creator = addons.find((a) => a.name === creators[0])!;
      const earlier = addons.find((a) => a.namespace === namespace && a.wave < creator.wave);
      if (earlier) {
        fail(
          where,
          `addon "${earlier.name}" (wave ${earlier.wave}) is delivered before "${creator.name}" (wave ${creator.wave}), ` +
            `which creates its namespace "${namespace}"; let the earliest addon of the namespace create it`,
        );
      }
    }
  }
}
