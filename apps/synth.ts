import { App, Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  ARGOCD_NAMESPACE,
  PROVIDES_API_GROUPS_ANNOTATION,
  clusterScoped,
  MANAGED_BY,
  applyDeleteProtection,
  applySyncWaves,
  applyWorkloadPeerExemptions,
  assertReady,
  collectManifests,
  CONSTRUCT_METADATA_FILE,
  constructMetadataJson,
  EnvironmentDelivery,
  footprintOf,
  Manifest,
  ManifestFile,
  PlatformAddons,
  platformAddonsFor,
  AddonDefinition,
  Environment,
  renderAddonSummary,
  renderSummary,
  RootApplication,
  TextFile,
  writeOutput,
} from '../lib';
import { environments, GATEWAY_IMPLEMENTATION, gitSource } from './config';
import { applicationStack } from './stacks/application';
import { etcdBackupStack } from './stacks/etcd-backup';
import { observabilityStack } from './stacks/observability';
import { platformStack } from './stacks/platform';

/** Everything `npm run synth` writes, relative to the output folder, checked as it writes it. */
export interface Output {
  readonly manifests: ManifestFile[];
  readonly texts: TextFile[];
  /** What each output folder holds, each folder checked on its own by the production readiness pack. */
  readonly folders: FolderSummary[];
  /** What reaches a folder's clusters before it (its add-ons; the bootstrap for argocd/), for the checks. */
  readonly deliveredBefore: ReadonlyMap<string, Manifest[]>;
}

/**
 * Builds every environment, then the Argo CD objects that deliver them, then the summaries, and
 * checks each output folder: what synth writes, what `npm run diff` compares and what the tests read.
 * Throws a ReadinessError naming the construct path of every object with an error-level finding.
 */
export function buildOutput(): Output {
  const { manifests, texts, deliveredBefore } = buildUnchecked();
  return { manifests, texts, deliveredBefore, folders: checkFolders(manifests, deliveredBefore) };
}

/**
 * One environment as plain data: its files, and what the delivery needs of it (its add-ons). The
 * constructs are built in an App of their own and dropped when this returns, so synth holds one
 * environment's construct tree at a time.
 */
function buildEnvironment(env: Environment): { files: ManifestFile[]; addons: AddonDefinition[] } {
  const app = new App();
  const stage = new Construct(app, env.name);
  const platform = platformStack(stage, env);
  const services = applicationStack(stage, env, platform);
  const etcdBackup = etcdBackupStack(stage, env);
  observabilityStack(stage, env, services, etcdBackup);
  applySyncWaves(stage);
  applyDeleteProtection(stage);
  applyWorkloadPeerExemptions(stage);
  return { files: collectManifests(app), addons: platformAddonsFor(services, GATEWAY_IMPLEMENTATION.addons) };
}

function buildUnchecked(): Pick<Output, 'manifests' | 'texts' | 'deliveredBefore'> {
  const envFiles: ManifestFile[] = [];
  const addonsOf = new Map<string, AddonDefinition[]>();
  for (const env of environments.all) {
    const built = buildEnvironment(env);
    envFiles.push(...built.files);
    addonsOf.set(env.name, built.addons);
  }
  const objectsIn = (folder: string) =>
    envFiles.filter((f) => f.path.startsWith(`${folder}/`)).flatMap((f) => f.objects);

  const delivery = new App();
  const argocdStage = new Construct(delivery, 'argocd');
  const argocd = new Chart(argocdStage, 'applications', { disableResourceNameHashes: true });
  // The operators and CRD sets each environment needs, delivered before it (earlier sync waves).
  const addonsChart = new Chart(argocdStage, 'addons', { disableResourceNameHashes: true });
  const addons = environments.all.map(
    (env) =>
      new PlatformAddons(addonsChart, env.name, {
        environment: env,
        addons: addonsOf.get(env.name)!,
      }),
  );
  const knownPaths = [...environments.all.map((e) => `dist/${e.name}`), 'dist/argocd'];
  for (const env of environments.all) {
    new EnvironmentDelivery(argocd, env.name, {
      environment: env,
      source: gitSource,
      path: `dist/${env.name}`,
      knownPaths,
      footprint: footprintOf(objectsIn(env.name)),
    });
  }
  const bootstrap = new Chart(new Construct(delivery, 'bootstrap'), 'root', { disableResourceNameHashes: true });
  // Applied once by hand: Argo CD's namespace (install Argo CD into it), then the root app.
  clusterScoped(
    new k8s.KubeNamespace(bootstrap, 'ArgocdNamespace', {
      metadata: {
        name: ARGOCD_NAMESPACE,
        labels: { 'app.kubernetes.io/managed-by': MANAGED_BY },
        // Argo CD, installed into this namespace before the root app is applied, brings its own CRDs.
        annotations: { [PROVIDES_API_GROUPS_ANNOTATION]: 'argoproj.io' },
      },
    }),
  );
  new RootApplication(bootstrap, 'root', { source: gitSource, path: 'dist/argocd', knownPaths });
  // The add-on Applications carry their own waves, before the environments'; the bootstrap is applied by hand.
  applySyncWaves(argocd);

  // What reaches each environment's clusters before it: its add-ons (their namespaces, for instance).
  const addonApplications = addons.map((a) => a.applications.map((app) => app.toJson() as Manifest));
  const texts = environments.all.map((env, i) => ({
    path: `${env.name}/SUMMARY.md`,
    content: `${renderSummary(env.name, objectsIn(env.name))}\n${renderAddonSummary(addonApplications[i])}`,
  }));
  const deliveredBefore = new Map(environments.all.map((env, i) => [env.name, addonApplications[i]]));
  // The bootstrap (Argo CD's namespace and the root app) is applied before everything it delivers.
  const deliveryFiles = collectManifests(delivery);
  const bootstrapObjects = deliveryFiles.filter((f) => f.path.startsWith('bootstrap/')).flatMap((f) => f.objects);
  deliveredBefore.set('argocd', bootstrapObjects);
  return { manifests: [...envFiles, ...deliveryFiles], texts, deliveredBefore };
}

/** What one output folder holds after a synth. */
export interface FolderSummary {
  /** The folder, relative to the output folder (`production`, `argocd`). */
  readonly folder: string;
  /** Manifest files written. */
  readonly files: number;
  /** Kubernetes objects in them. */
  readonly objects: number;
  /** Readiness findings suppressed with a reason (the exemption annotation). */
  readonly exemptions: number;
}

/**
 * One check per output folder: each environment goes to its own clusters, so objects of one (say
 * infra/redis in staging) must not satisfy or confuse the cross-object rules of another.
 */
function checkFolders(
  manifests: readonly ManifestFile[],
  deliveredBefore: ReadonlyMap<string, Manifest[]>,
): FolderSummary[] {
  const folders = new Map<string, ManifestFile[]>();
  for (const file of manifests) {
    const folder = file.path.split('/')[0];
    if (!folders.has(folder)) folders.set(folder, []);
    folders.get(folder)!.push(file);
  }
  return [...folders].map(([folder, files]) => ({
    folder,
    files: files.length,
    objects: files.reduce((n, f) => n + f.objects.length, 0),
    exemptions: assertReady(files, { pack: 'production', alsoPresent: deliveredBefore.get(folder) }).summary.suppressed,
  }));
}

/** Writes the whole output into `outdir`, replacing what was there, and says what each folder holds. */
export function synthesize(outdir: string): FolderSummary[] {
  const output = buildOutput();
  // The cdk8s CLI reads construct metadata when validation plugins run; our plugin reads, then removes, it.
  const recorded =
    process.env.CDK8S_RECORD_CONSTRUCT_METADATA === 'true'
      ? [{ path: CONSTRUCT_METADATA_FILE, content: constructMetadataJson(output.manifests) }]
      : [];
  writeOutput(outdir, output.manifests, [...output.texts, ...recorded]);
  return output.folders;
}

/** One line per output folder, then the total: what `npm run synth` prints. */
export function describeSynth(outdir: string, summaries: readonly FolderSummary[], seconds: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const lines = summaries.map(
    (s) =>
      `${outdir}/${s.folder}: ${plural(s.files, 'file')}, ${plural(s.objects, 'object')}, ` +
      `${plural(s.exemptions, 'reasoned exemption')}`,
  );
  const objects = summaries.reduce((n, s) => n + s.objects, 0);
  lines.push(
    `synthesized ${plural(objects, 'object')} into ${outdir}/ in ${seconds.toFixed(2)} s; readiness check passed`,
  );
  return `${lines.join('\n')}\n`;
}
