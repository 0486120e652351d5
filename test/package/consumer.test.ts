import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fromYaml } from '../../lib';
import { ROOT } from '../support/manifests';

const devDependencies = require('../../package.json').devDependencies as Record<string, string>;

const CONSUMER_APP = `
import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { collectManifests, Peer, ProductionService, writeOutput } from 'cdk8s-production';

const app = new App();
const chart = new Chart(new Construct(app, 'shop'), 'services', { namespace: 'shop', disableResourceNameHashes: true });
const catalog = new ProductionService(chart, 'catalog', {
  image: 'registry.example.com/catalog:v2.0.1',
  resources: { cpu: { request: '250m', limit: '500m' }, memory: { request: '256Mi', limit: '256Mi' } },
});
new ProductionService(chart, 'checkout', {
  image: 'registry.example.com/checkout:v1.8.0',
  resources: { cpu: { request: '500m', limit: '1' }, memory: { request: '512Mi', limit: '512Mi' } },
  autoscaling: { minReplicas: 3, maxReplicas: 9, cpuUtilization: 70 },
  network: { egress: [{ to: Peer.pods({ 'app.kubernetes.io/name': catalog.name }), ports: [{ port: catalog.containerPort }] }] },
});
writeOutput('dist', collectManifests(app));
`;

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
}

describe('the packed library in a fresh cdk8s app', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-consumer-'));
  const appDir = path.join(work, 'app');
  let tarball = '';

  beforeAll(() => {
    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], ROOT));
    tarball = path.join(work, packed[0].filename);
    fs.mkdirSync(appDir);
    fs.writeFileSync(
      path.join(appDir, 'package.json'),
      JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }),
    );
    fs.writeFileSync(
      path.join(appDir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, skipLibCheck: true, types: [] },
      }),
    );
    fs.writeFileSync(path.join(appDir, 'main.ts'), CONSUMER_APP);
    run(
      'npm',
      [
        'install',
        '--offline',
        '--no-audit',
        '--no-fund',
        tarball,
        `cdk8s@${devDependencies.cdk8s}`,
        `cdk8s-plus-28@${devDependencies['cdk8s-plus-28']}`,
        `constructs@${devDependencies.constructs}`,
      ],
      appDir,
    );
  }, 240_000);

  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  test('ships compiled code, types and bindings but no tests, sources or manifests', () => {
    const files = JSON.parse(run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT))[0].files.map(
      (f: { path: string }) => f.path,
    );
    expect(files).toContain('build/lib/index.js');
    expect(files).toContain('build/lib/index.d.ts');
    expect(files).toContain('LICENSE');
    expect(
      files.filter((f: string) => /^(test|dist|apps|lib)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts'))),
    ).toEqual([]);
  });

  test('type-checks against the shipped declarations and synthesizes two services', () => {
    // The project's own compiler; types resolve from the app's node_modules, as in the user's editor.
    run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', '.'], appDir);
    run(process.execPath, ['main.js'], appDir);
    const objects = fromYaml(fs.readFileSync(path.join(appDir, 'dist/shop/services.yaml'), 'utf8')) as any[];
    expect(objects.filter((o) => o.kind === 'Deployment').map((o) => o.metadata.name)).toEqual(['catalog', 'checkout']);
    expect(objects.find((o) => o.kind === 'HorizontalPodAutoscaler').spec.maxReplicas).toBe(9);
  });

  test('ships a working command line: --version, and check over the app output', () => {
    const bin = path.join(appDir, 'node_modules', '.bin', 'cdk8s-production');
    expect(run(bin, ['--version'], appDir).trim()).toBe(require('../../package.json').version);
    const result = spawnSync(bin, ['check', '--format', 'json', 'dist'], { cwd: appDir, encoding: 'utf8' });
    const report = JSON.parse(result.stdout);
    expect(report.summary.objects).toBeGreaterThan(10);
    expect(Array.isArray(report.findings)).toBe(true);
    expect([0, 1]).toContain(result.status);
  });
});
