import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  applySyncWaves,
  assertReady,
  collectManifests,
  CONSTRUCT_PATHS_FILE,
  constructPathsJson,
  EnvironmentDelivery,
  footprintOf,
  ManifestFile,
  renderSummary,
  RootApplication,
  TextFile,
  writeOutput,
} from '../lib';
import { environments, gitSource } from './config';
import { applicationStack } from './stacks/application';
import { etcdBackupStack } from './stacks/etcd-backup';
import { observabilityStack } from './stacks/observability';
import { platformStack } from './stacks/platform';

/** Everything `npm run synth` writes, relative to the output folder. */
export interface Output {
  readonly manifests: ManifestFile[];
  readonly texts: TextFile[];
}

/** Builds every environment, then the Argo CD objects that deliver them, then the summaries. */
export function buildOutput(): Output {
  const app = new App();
  for (const env of environments.all) {
    const stage = new Construct(app, env.name);
    observabilityStack(stage, env, applicationStack(stage, env));
    platformStack(stage, env);
    etcdBackupStack(stage, env);
    applySyncWaves(stage);
  }
  const envFiles = collectManifests(app);
  const objectsIn = (folder: string) =>
    envFiles.filter((f) => f.path.startsWith(`${folder}/`)).flatMap((f) => f.objects);

  const delivery = new App();
  const argocd = new Chart(new Construct(delivery, 'argocd'), 'applications', { disableResourceNameHashes: true });
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
  new RootApplication(bootstrap, 'root', { source: gitSource, path: 'dist/argocd', knownPaths });
  applySyncWaves(argocd);

  const texts = environments.all.map((env) => ({
    path: `${env.name}/SUMMARY.md`,
    content: renderSummary(env.name, objectsIn(env.name)),
  }));
  return { manifests: [...envFiles, ...collectManifests(delivery)], texts };
}

/** Writes the whole output into `outdir`, replacing what was there. */
export function synthesize(outdir: string): void {
  const output = buildOutput();
  // One check per output folder: each environment goes to its own clusters, so objects of one
  // (say infra/redis in staging) must not satisfy or confuse the cross-object rules of another.
  const folders = new Map<string, ManifestFile[]>();
  for (const file of output.manifests) {
    const folder = file.path.split('/')[0];
    if (!folders.has(folder)) folders.set(folder, []);
    folders.get(folder)!.push(file);
  }
  for (const files of folders.values()) assertReady(files, { pack: 'production' });
  // The cdk8s CLI asks for construct metadata when validation plugins run; ours reads, then removes, this file.
  const recorded =
    process.env.CDK8S_RECORD_CONSTRUCT_METADATA === 'true'
      ? [{ path: CONSTRUCT_PATHS_FILE, content: constructPathsJson(output.manifests) }]
      : [];
  writeOutput(outdir, output.manifests, [...output.texts, ...recorded]);
}
