import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { listFiles, ROOT } from '../support/manifests';
import { DIST, runScript } from './support/output';

const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `cdk8s-production-${name}-`));

/** The one synth in a process of its own: `npm run synth` as a user runs it, through tsx. */
function spawnSynth(): { out: string; printed: string } {
  const out = tmp('synth');
  const printed = execFileSync(process.execPath, [require.resolve('tsx/cli'), 'apps/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, CDK8S_OUTDIR: out },
    encoding: 'utf8',
    stdio: 'pipe',
  });
  return { out, printed };
}

/** `npm run synth -- --quiet`, run by the same entry point in this process. */
function quietSynth(): { out: string; printed: string } {
  const out = tmp('synth-quiet');
  const result = runScript('apps/main.ts', ['--quiet'], { CDK8S_OUTDIR: out });
  if (result.status !== 0 || result.stderr !== '') {
    throw new Error(`npm run synth -- --quiet exited ${result.status}: ${result.stderr}`);
  }
  return { out, printed: result.stdout };
}

describe('synthesized output', () => {
  const firstRun = spawnSynth();
  const secondRun = quietSynth();
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
      'OUT/dev: 12 files, 80 objects, 7 reasoned exemptions',
      'OUT/staging: 13 files, 96 objects, 23 reasoned exemptions',
      'OUT/production: 13 files, 91 objects, 22 reasoned exemptions',
      'OUT/argocd: 2 files, 57 objects, 0 reasoned exemptions',
      'OUT/bootstrap: 1 file, 4 objects, 0 reasoned exemptions',
    ]);
    expect(lines[5]).toMatch(/^synthesized 328 objects into OUT\/ in \d+\.\d\d s; readiness check passed$/);
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
