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

describe('npm run diff warns about removals that delete or strand', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-diff-warn-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('names a removed Application, as a renamed cluster produces, and a removed protected object', () => {
    fs.cpSync(DIST, dir, { recursive: true });
    const apps = path.join(dir, 'argocd', 'applications.yaml');
    const objects = fromYaml(fs.readFileSync(apps, 'utf8')) as any[];
    // What dist/ held before prod-eu-2 was renamed: an Application the new output no longer has.
    const old = structuredClone(
      objects.find((o) => o.kind === 'Application' && o.metadata.name === 'production-prod-eu-2'),
    );
    old.metadata.name = 'production-prod-eu-9';
    fs.writeFileSync(apps, toYaml([...objects, old]));
    const storage = path.join(dir, 'production', 'platform-storage.yaml');
    const classes = fromYaml(fs.readFileSync(storage, 'utf8')) as any[];
    const extra = structuredClone(classes[0]);
    extra.metadata.name = 'gp2-retain';
    fs.writeFileSync(storage, toYaml([...classes, extra]));

    const result = runDiff(['--against', dir]);
    expect(result.stdout).toBe(
      [
        'argocd: 0 added, 1 removed, 0 changed',
        '  WARNING: Application.argoproj.io argocd/production-prod-eu-9 is removed: a root app that prunes deletes ' +
          'this Application and, through its resources finalizer, everything it deployed except objects marked ' +
          'Delete=false, and one that does not prune leaves it out of sync until it is deleted by hand; ' +
          'a renamed cluster or environment looks like this',
        '  - Application.argoproj.io argocd/production-prod-eu-9',
        'bootstrap: no changes',
        'dev: no changes',
        'production: 0 added, 1 removed, 0 changed',
        '  WARNING: StorageClass.storage.k8s.io gp2-retain is removed but protected from deletion (Prune=false, ' +
          'Delete=false): Argo CD keeps it and shows it out of sync; delete it by hand only if losing it (and its ' +
          'data) is intended',
        '  - StorageClass.storage.k8s.io gp2-retain',
        'staging: no changes',
        '',
      ].join('\n'),
    );
    expect(result.status).toBe(1);
  });
});
