import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { diffOutputs, fromYaml, hasDifferences, renderDiff, toYaml } from '../../lib';
import { diffValues } from '../../lib/output/diff';
import { ROOT } from '../support/manifests';

describe('diffValues', () => {
  test('addresses list items with a name by that name', () => {
    const before = {
      spec: {
        containers: [
          { name: 'app', image: 'a:v1' },
          { name: 'side', image: 's:v1' },
        ],
      },
    };
    const after = {
      spec: {
        containers: [
          { name: 'side', image: 's:v1' },
          { name: 'app', image: 'a:v2' },
        ],
      },
    };
    expect(diffValues(before, after)).toEqual([{ path: 'spec.containers[app].image', before: 'a:v1', after: 'a:v2' }]);
  });

  test('reports added and removed fields', () => {
    expect(diffValues({ a: 1 }, { b: 2 })).toEqual([
      { path: 'a', before: 1, after: undefined },
      { path: 'b', before: undefined, after: 2 },
    ]);
  });
});

function runDiff(args: string[]) {
  return spawnSync(process.execPath, [require.resolve('tsx/cli'), 'apps/diff.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

describe('npm run diff', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-diff-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('exits 0 and says so when the output matches', () => {
    const result = runDiff(['--against', 'dist', 'production']);
    expect(result.stdout).toBe('production: no changes\n');
    expect(result.status).toBe(0);
  });

  test('prints added, removed and changed objects with old -> new values and exits 1', () => {
    fs.cpSync(path.join(ROOT, 'dist'), dir, { recursive: true });
    const file = path.join(dir, 'production', 'order-api.yaml');
    const objects = fromYaml(fs.readFileSync(file, 'utf8')) as any[];
    const hpa = objects.find((o) => o.kind === 'HorizontalPodAutoscaler');
    hpa.spec.minReplicas = 4;
    const kept = objects.filter((o) => o.kind !== 'ServiceMonitor');
    kept.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'stale', namespace: 'production' } });
    fs.writeFileSync(file, toYaml(kept));

    const result = runDiff(['--against', dir, 'production']);
    expect(result.stdout).toBe(
      [
        'production: 1 added, 1 removed, 1 changed',
        '  + ServiceMonitor.monitoring.coreos.com production/order-api',
        '  - ConfigMap production/stale',
        '  ~ HorizontalPodAutoscaler.autoscaling production/order-api',
        '      spec.minReplicas: 4 -> 8',
        '',
      ].join('\n'),
    );
    expect(result.status).toBe(1);
  });

  test('exits 2 with a message on an unknown environment', () => {
    const result = runDiff(['prod']);
    expect(result.stderr).toBe('[environments] unknown environment "prod"; use one of: dev, staging, production\n');
    expect(result.status).toBe(2);
  });
});

test('renderDiff and hasDifferences agree on an unchanged output', () => {
  const files = new Map([['production/a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n']]);
  const diffs = diffOutputs(files, files);
  expect(hasDifferences(diffs)).toBe(false);
  expect(renderDiff(diffs)).toBe('production: no changes\n');
});
