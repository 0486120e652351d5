import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { collectManifests, diffOutputs, Environment, EnvironmentDelivery, renderDiff, toYaml } from '../../lib';
import { environments, gitSource } from '../../apps/config';
import { promoteConfig } from '../../apps/promotion';
import { ROOT } from '../support/manifests';

const config = fs.readFileSync(path.join(ROOT, 'apps/config.ts'), 'utf8');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const changedLines = (a: string, b: string) => {
  const [x, y] = [a.split('\n'), b.split('\n')];
  return y.filter((line, i) => line !== x[i]);
};

/** The Argo CD objects that deliver `env`, rendered as the files synth writes. */
function delivery(env: Environment): Map<string, string> {
  const app = new App();
  const chart = new Chart(new Construct(app, 'argocd'), 'applications', { disableResourceNameHashes: true });
  new EnvironmentDelivery(chart, env.name, {
    environment: env,
    source: gitSource,
    path: `dist/${env.name}`,
    knownPaths: [`dist/${env.name}`],
    footprint: { namespaces: [env.namespace], clusterResources: [] },
  });
  return new Map(collectManifests(app).map((f) => [f.path, toYaml(f.objects)]));
}

describe('staged promotion', () => {
  const production = environments.get('production');

  test('staging follows main, production deploys a pinned release on both clusters', () => {
    expect(environments.get('staging').props.targetRevision).toBe('main');
    expect(production.props.targetRevision).toMatch(/^release-/);
    expect(production.props.clusters.every((c) => c.targetRevision === undefined)).toBe(true);
  });

  test('promoting production rewrites one line of apps/config.ts', () => {
    const { config: promoted, unpinned } = promoteConfig(config, 'production', 'release-2026.12');
    expect(changedLines(config, promoted)).toEqual(["    targetRevision: 'release-2026.12',"]);
    expect(unpinned).toEqual([]);
  });

  test('taking a release to one cluster first rewrites that cluster only', () => {
    const { config: promoted } = promoteConfig(config, 'production', 'release-2026.12', 'prod-eu-1');
    expect(changedLines(config, promoted)).toEqual([
      "      { name: 'prod-eu-1', server: 'https://prod-eu-1.k8s.example.com', targetRevision: 'release-2026.12' },",
    ]);
  });

  test('promoting the environment after one cluster took the release first brings that cluster along', () => {
    const first = promoteConfig(config, 'production', 'release-2026.12', 'prod-eu-1').config;
    const { config: promoted, unpinned } = promoteConfig(first, 'production', 'release-2026.12');
    expect(unpinned).toEqual(['prod-eu-1']);
    // Back to the one-line change of a plain promotion: no cluster keeps an old release of its own.
    expect(changedLines(config, promoted)).toEqual(["    targetRevision: 'release-2026.12',"]);
  });

  test('npm run promote rewrites apps/config.ts with or without --cluster', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'promote-'));
    fs.mkdirSync(path.join(copy, 'apps'));
    // A checkout whose apps/ may be rewritten: the three files, the library and the packages linked.
    for (const f of ['promote.ts', 'promotion.ts', 'config.ts']) {
      fs.copyFileSync(path.join(ROOT, 'apps', f), path.join(copy, 'apps', f));
    }
    for (const d of ['lib', 'imports', 'node_modules']) fs.symlinkSync(path.join(ROOT, d), path.join(copy, d));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [TSX, path.join(copy, 'apps/promote.ts'), ...args], { encoding: 'utf8' });
    try {
      const cluster = run('production', 'release-2026.12', '--cluster', 'prod-eu-1');
      expect([cluster.status, cluster.stdout]).toEqual([
        0,
        'production (prod-eu-1) now deploys release-2026.12; run npm run synth, then npm run diff\n',
      ]);
      const whole = run('production', 'release-2026.12');
      expect([whole.status, whole.stdout]).toEqual([
        0,
        'production now deploys release-2026.12 on every cluster (prod-eu-1 no longer pinned); run npm run synth, then npm run diff\n',
      ]);
      expect(changedLines(config, fs.readFileSync(path.join(copy, 'apps/config.ts'), 'utf8'))).toEqual([
        "    targetRevision: 'release-2026.12',",
      ]);
      const usage = run('production');
      expect([usage.status, usage.stderr]).toEqual([2, 'usage: npm run promote -- ENV REF [--cluster NAME]\n']);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  test('the diff shows a promotion as the revision of each cluster, nothing else', () => {
    const promoted = new Environment({ ...production.props, targetRevision: 'release-2026.12' });
    const text = renderDiff(diffOutputs(delivery(production), delivery(promoted)));
    const changes = text.split('\n').filter((l) => l.includes(' -> '));
    expect(changes).toEqual([
      `      spec.source.targetRevision: "${production.props.targetRevision}" -> "release-2026.12"`,
      `      spec.source.targetRevision: "${production.props.targetRevision}" -> "release-2026.12"`,
    ]);
  });

  test('refuses a revision no branch or tag can have, and an unknown environment or cluster', () => {
    expect(() => promoteConfig(config, 'production', 'release 2026')).toThrow(
      '[promote production] ref "release 2026" is not a Git branch, tag or commit; use e.g. "main" or "release-2026.12"',
    );
    expect(() => promoteConfig(config, 'prod', 'v1')).toThrow('promote: apps/config.ts has no environment "prod"');
    expect(() => promoteConfig(config, 'production', 'v1', 'prod-eu-3')).toThrow(
      'promote: environment "production" has no cluster "prod-eu-3"',
    );
  });
});
