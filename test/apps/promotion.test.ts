import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { collectManifests, diffOutputs, Environment, EnvironmentDelivery, renderDiff, toYaml } from '../../lib';
import { environments, gitSource } from '../../apps/config';
import { promoteConfig } from '../../apps/promotion';
import { ROOT } from '../support/manifests';

const config = fs.readFileSync(path.join(ROOT, 'apps/config.ts'), 'utf8');
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
    const promoted = promoteConfig(config, 'production', 'release-2026.12');
    expect(changedLines(config, promoted)).toEqual(["    targetRevision: 'release-2026.12',"]);
  });

  test('taking a release to one cluster first rewrites that cluster only', () => {
    const promoted = promoteConfig(config, 'production', 'release-2026.12', 'prod-eu-1');
    expect(changedLines(config, promoted)).toEqual([
      "      { name: 'prod-eu-1', server: 'https://prod-eu-1.k8s.example.com', targetRevision: 'release-2026.12' },",
    ]);
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
