import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fromYaml, toYaml } from '../../lib';
import { DIST, runScript } from './support/output';

/** `npm run diff -- ...args`, run by its entry point in this process. */
const runDiff = (args: string[]) => runScript('apps/diff.ts', args);

describe('npm run diff', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-diff-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('exits 0 and says so when the output matches', () => {
    const result = runDiff(['--against', 'dist', 'production']);
    expect(result.stdout).toBe('production: no changes\n');
    expect(result.status).toBe(0);
  });

  test('prints added, removed and changed objects with old -> new values and exits 1', () => {
    fs.cpSync(DIST, dir, { recursive: true });
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
