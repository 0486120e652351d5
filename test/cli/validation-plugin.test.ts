import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ReadinessValidation, ValidationContextLike } from '../../lib/cli/validation-plugin';
import { CONSTRUCT_PATHS_FILE } from '../../lib';
import { listFiles, ROOT } from '../support/manifests';

/** A stand-in for the cdk8s CLI's validation context that records what the plugin reports. */
function fakeContext(manifests: string[]) {
  const violations: Parameters<ValidationContextLike['report']['addViolation']>[0][] = [];
  let status = '';
  const context: ValidationContextLike = {
    manifests,
    report: {
      addViolation: (v) => {
        violations.push(v);
      },
      submit: (s) => {
        status = s;
      },
    },
  };
  return { context, violations, status: () => status };
}

describe('the cdk8s CLI validation plugin', () => {
  test('reports each finding with the construct path the synth recorded, then removes the record', async () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-plugin-'));
    fs.mkdirSync(path.join(outdir, 'production'));
    const manifest = path.join(outdir, 'production', 'tools.yaml');
    fs.writeFileSync(
      manifest,
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: toolbox, namespace: production }\n---\napiVersion: v1\nkind: Pod\nmetadata: { name: toolbox, namespace: production }\nspec: { containers: [ { name: shell, image: busybox } ] }\n',
    );
    fs.writeFileSync(
      path.join(outdir, CONSTRUCT_PATHS_FILE),
      JSON.stringify({ 'production/tools.yaml': ['production/tools/toolbox/Config', 'production/tools/toolbox/Pod'] }),
    );
    const { context, violations, status } = fakeContext([manifest]);

    await new ReadinessValidation({ pack: 'baseline' }).validate(context);
    const recordLeft = fs.existsSync(path.join(outdir, CONSTRUCT_PATHS_FILE));

    fs.rmSync(outdir, { recursive: true, force: true });
    expect(recordLeft).toBe(false);
    expect(status()).toBe('failure');
    const tag = violations.find((v) => v.ruleName === 'image-tag-pinned [error]');
    expect(tag?.violatingResources).toEqual([
      {
        resourceName: 'production/tools/toolbox/Pod (Pod/production/toolbox)',
        manifestPath: manifest,
        locations: ['spec.containers[0].image: container "shell" image "busybox" has no tag, so it means latest'],
      },
    ]);
    expect(tag?.fix).toContain('Pin a version');
  });

  test('`cdk8s synth` from this repository prints the report, succeeds and leaves only manifests and summaries', () => {
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
    expect(files.filter((f) => !f.endsWith('.yaml') && !f.endsWith('SUMMARY.md'))).toEqual([]);
  });
});
