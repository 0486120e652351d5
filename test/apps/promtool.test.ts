import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../support/manifests';
import { haveTool } from '../support/tools';
import { alertsOf, prometheusRules, PromtoolTestFiles, writePromtoolFiles } from '../observability/promtool-suite';

const DIST = path.join(ROOT, 'dist');
const rules = prometheusRules(DIST);
const describeWithPromtool = haveTool('promtool', 'prometheus') ? describe : describe.skip;

let dir = '';
let files: PromtoolTestFiles[] = [];
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-promtool-'));
  files = rules.map((r) => writePromtoolFiles(dir, r));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs promtool in the temporary folder; resolves with its exit status and output. */
function promtool(args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('promtool', args, { cwd: dir });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

describe('alert rules in dist/', () => {
  test('exist for the cluster, platform, service and business layers of every environment', () => {
    expect(rules.map((r) => `${r.file} ${r.name}`)).toEqual(
      expect.arrayContaining(
        ['dev', 'staging', 'production'].flatMap((env) => [
          `${env}/monitoring.yaml cluster-alerts`,
          `${env}/monitoring.yaml platform-alerts`,
          `${env}/order-api.yaml order-api-alerts`,
          `${env}/order-api.yaml business-alerts`,
        ]),
      ),
    );
  });

  test('every alert has promtool scenarios: one where it fires and at least one where it stays silent', () => {
    expect(files.flatMap((f) => f.missing)).toEqual([]);
    expect(files.flatMap((f) => Object.keys(f.checks)).length).toBe(rules.flatMap(alertsOf).length);
  });
});

describeWithPromtool('promtool', () => {
  test('check rules accepts the spec of every PrometheusRule in dist/', () => {
    const run = spawnSync('promtool', ['check', 'rules', ...files.map((f) => path.basename(f.rulesFile))], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout.match(/SUCCESS/g)).toHaveLength(files.length);
  });

  test('test rules: every alert fires after its hold time on broken series and stays silent on healthy ones', async () => {
    // One promtool per environment, run side by side.
    const byEnvironment = new Map<string, string[]>();
    for (const f of files) {
      for (const t of f.testFiles) {
        const env = path.basename(t).split('-')[0];
        byEnvironment.set(env, [...(byEnvironment.get(env) ?? []), path.basename(t)]);
      }
    }
    const runs = await Promise.all([...byEnvironment.values()].map((tests) => promtool(['test', 'rules', ...tests])));
    const failures = runs.filter((r) => r.status !== 0).map((r) => r.output);
    if (failures.length > 0) throw new Error(`promtool test rules failed:\n${failures.join('\n')}`);

    const totals: Record<string, number> = {};
    for (const f of files) for (const [alert, n] of Object.entries(f.checks)) totals[alert] = (totals[alert] ?? 0) + n;
    const lines = Object.entries(totals).map(([alert, n]) => `  ${alert}: ${n}`);
    // Reported so the figures can be read from the test log.
    process.stdout.write(`promtool checks per alert, all environments:\n${lines.join('\n')}\n`);
  }, 120_000);
});
