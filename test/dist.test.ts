import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { listFiles, ROOT, validateManifests } from './support/manifests';

const DIST = path.join(ROOT, 'dist');

/** Runs the project's synth entry point (`npm run synth -- ...args`) into a fresh temporary folder. */
function synthTo(...args: string[]): { out: string; printed: string } {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-synth-'));
  const printed = execFileSync(process.execPath, [require.resolve('tsx/cli'), 'apps/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, CDK8S_OUTDIR: out },
    encoding: 'utf8',
    stdio: 'pipe',
  });
  return { out, printed };
}

describe('synthesized output', () => {
  const firstRun = synthTo();
  const secondRun = synthTo('--quiet');
  const [first, second] = [firstRun.out, secondRun.out];
  afterAll(() => {
    fs.rmSync(first, { recursive: true, force: true });
    fs.rmSync(second, { recursive: true, force: true });
  });

  test('equals the committed dist/ byte for byte (run `npm run synth` and commit dist/ when this fails)', () => {
    expect(listFiles(first)).toEqual(listFiles(DIST));
    for (const file of listFiles(DIST)) {
      expect({ file, content: fs.readFileSync(path.join(first, file), 'utf8') }).toEqual({
        file,
        content: fs.readFileSync(path.join(DIST, file), 'utf8'),
      });
    }
  });

  test('is byte-identical across two synths', () => {
    expect(listFiles(second)).toEqual(listFiles(first));
    for (const file of listFiles(first)) {
      expect(fs.readFileSync(path.join(second, file))).toEqual(fs.readFileSync(path.join(first, file)));
    }
  });

  test('npm run synth says what it wrote: one line per output folder, then the total and the time', () => {
    const lines = firstRun.printed.replaceAll(first, 'OUT').split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'OUT/dev: 12 files, 71 objects, 2 reasoned exemptions',
      'OUT/staging: 13 files, 83 objects, 17 reasoned exemptions',
      'OUT/production: 13 files, 78 objects, 17 reasoned exemptions',
      'OUT/argocd: 2 files, 49 objects, 0 reasoned exemptions',
      'OUT/bootstrap: 1 file, 2 objects, 0 reasoned exemptions',
    ]);
    expect(lines[5]).toMatch(/^synthesized 283 objects into OUT\/ in \d+\.\d\d s; readiness check passed$/);
    expect(lines.slice(6)).toEqual(['']);
  });

  test('npm run synth -- --quiet prints nothing', () => {
    expect(secondRun.printed).toBe('');
  });

  test('holds no construct metadata or other JSON that Argo CD would read', () => {
    expect(listFiles(DIST).filter((f) => f.endsWith('.json'))).toEqual([]);
  });

  test('writes the production order-api stack', () => {
    expect(listFiles(DIST)).toContain('production/order-api.yaml');
  });

  test('writes the platform stack of every environment as separate chart files', () => {
    for (const env of ['dev', 'staging', 'production']) {
      for (const chart of [
        'platform-namespaces',
        'platform-storage',
        'platform-priority-classes',
        'platform-policies',
        'redis',
        'log-collector',
        'nightly-report',
      ]) {
        expect(listFiles(DIST)).toContain(`${env}/${chart}.yaml`);
      }
    }
  });
});

describe('independent schema validation', () => {
  test('every object in dist/ is valid against the Kubernetes schema or its CRD schema', () => {
    const report = validateManifests('dist');
    expect(report.errors).toEqual([]);
    expect(report.unvalidated).toEqual([]);
    expect(report.checked).toBeGreaterThan(0);
    // Reported so the figure can be read from the test log.
    process.stdout.write(
      `validated ${report.checked} objects (${report.byModel} by model, ${report.byCrd} by CRD schema)\n`,
    );
  });

  test('the validator rejects a broken Deployment and an unknown field type in a ServiceMonitor', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-invalid-'));
    fs.writeFileSync(
      path.join(dir, 'bad.yaml'),
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: { name: bad }',
        'spec: { replicas: "three", selector: { matchLabels: { a: b } }, template: { spec: { containers: [] } } }',
        '---',
        'apiVersion: monitoring.coreos.com/v1',
        'kind: ServiceMonitor',
        'metadata: { name: bad }',
        'spec: { selector: {}, endpoints: [ { port: 8080 } ] }',
      ].join('\n'),
    );
    const report = validateManifests(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(report.errors.map((e) => e.object)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Deployment/bad'),
        expect.stringContaining('ServiceMonitor/bad'),
      ]),
    );
  });
});
