import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { listFiles, ROOT } from '../support/manifests';

test('`cdk8s synth` of the example platform prints the report, succeeds and leaves only manifests and summaries', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-cli-synth-'));
  const result = spawnSync('npx', ['cdk8s', 'synth', '--check-upgrade=false', '--output', outdir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const files = listFiles(outdir);
  fs.rmSync(outdir, { recursive: true, force: true });
  expect(result.status).toBe(0);
  expect(result.stdout).toContain('Validation Report (');
  expect(result.stdout).toMatch(/pack\s+│ production/);
  expect(result.stdout).toContain('Validations ended succesfully');
  expect(result.stdout).toMatch(/reasoned exemptions\s+│ 52 /);
  expect(result.stdout).toContain('Reasoned exemptions: 52 findings suppressed on purpose, not violations.');
  expect(result.stdout).not.toContain('Construct Path: N/A');
  expect(result.stdout).not.toContain('[suppressed]');
  expect(files.filter((f) => !f.endsWith('.yaml') && !f.endsWith('SUMMARY.md'))).toEqual([]);
});
