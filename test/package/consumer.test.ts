import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fromYaml, toYaml } from '../../lib';
import { ROOT } from '../support/manifests';

const devDependencies = require('../../package.json').devDependencies as Record<string, string>;

const CONSUMER_APP = `
import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { collectManifests, Dependency, ProductionService, Tenant, writeOutput } from 'cdk8s-production';

const app = new App();
const shop = new Construct(app, 'shop');
new Tenant(new Chart(shop, 'namespace', { disableResourceNameHashes: true }), 'shop', {
  quota: { cpu: { request: '4', limit: '8' }, memory: { request: '8Gi', limit: '8Gi' } },
});
const chart = new Chart(shop, 'services', { namespace: 'shop', disableResourceNameHashes: true });
const catalog = new ProductionService(chart, 'catalog', {
  image: 'registry.example.com/catalog:v2.0.1',
  resources: { cpu: { request: '250m', limit: '500m' }, memory: { request: '256Mi', limit: '256Mi' } },
});
new ProductionService(chart, 'checkout', {
  image: 'registry.example.com/checkout:v1.8.0',
  resources: { cpu: { request: '500m', limit: '1' }, memory: { request: '512Mi', limit: '512Mi' } },
  autoscaling: { minReplicas: 3, maxReplicas: 9, cpuUtilization: 70 },
  dependsOn: [Dependency.on(catalog)],
});
writeOutput('dist', collectManifests(app));
`;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_update_notifier: 'false', ...env },
  });
}

/** The non-relative module specifiers that the shipped declarations import (`from 'x'` and `import('x')`). */
function declarationImports(dir: string): Set<string> {
  const found = new Set<string>();
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const file = path.join(d, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.d.ts')) {
        const text = fs.readFileSync(file, 'utf8');
        for (const m of text.matchAll(/(?:from\s+|import\()['"]([^'"./][^'"]*)['"]/g)) found.add(m[1]);
      }
    }
  };
  walk(dir);
  return found;
}

/** The newest modification time of `file`, or of any file below it when it is a folder. */
function newest(file: string): number {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(file).map((entry) => newest(path.join(file, entry))));
}

/**
 * Whether build/ already holds what `npm run build` would write: its last run compiled everything
 * without errors, after the last change to the sources, the compiler settings and the installed
 * packages. Anything else (a fresh clone without build/, an edit since, a failed build) builds again.
 */
function buildIsCurrent(): boolean {
  const info = path.join(ROOT, 'build', '.build.tsbuildinfo');
  if (!fs.existsSync(info)) return false;
  const state = JSON.parse(fs.readFileSync(info, 'utf8'));
  const unfinished = ['errors', 'affectedFilesPendingEmit', 'changeFileSet', 'semanticDiagnosticsPerFile'];
  if (state.version !== require('typescript').version || unfinished.some((key) => key in state)) return false;
  const inputs = ['lib', 'imports', 'tsconfig.json', 'tsconfig.build.json', 'node_modules/.package-lock.json'];
  return inputs.every((input) => newest(path.join(ROOT, input)) <= fs.statSync(info).mtimeMs);
}

describe('the packed library in a fresh cdk8s app', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-consumer-'));
  const appDir = path.join(work, 'app');
  let tarball = '';
  let npmInstall = '';

  beforeAll(() => {
    // `npm pack` builds first (prepack); when build/ is already current, packing it is enough.
    const pack = ['pack', '--json', '--pack-destination', work, ...(buildIsCurrent() ? ['--ignore-scripts'] : [])];
    const packed = JSON.parse(run('npm', pack, ROOT));
    tarball = path.join(work, packed[0].filename);
    fs.mkdirSync(appDir);
    fs.writeFileSync(
      path.join(appDir, 'package.json'),
      JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }),
    );
    // tsc's defaults, as `tsc --init` leaves them for a Node app: declarations of every package are checked.
    fs.writeFileSync(
      path.join(appDir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, skipLibCheck: false },
      }),
    );
    fs.writeFileSync(path.join(appDir, 'main.ts'), CONSUMER_APP);
    // A user's machine: an empty npm cache, the registry online. A warm cache must never hide a
    // package the tarball needs but does not declare.
    npmInstall = run(
      'npm',
      [
        'install',
        '--cache',
        path.join(work, 'empty-npm-cache'),
        '--no-audit',
        '--no-fund',
        tarball,
        `cdk8s@${devDependencies.cdk8s}`,
        `cdk8s-plus-28@${devDependencies['cdk8s-plus-28']}`,
        `constructs@${devDependencies.constructs}`,
      ],
      appDir,
      { npm_config_loglevel: 'warn' },
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

  test('installs on an empty cache without engine warnings', () => {
    const installed = JSON.parse(
      fs.readFileSync(path.join(appDir, 'node_modules/cdk8s-production/package.json'), 'utf8'),
    );
    expect(installed.version).toBe(require('../../package.json').version);
    expect(npmInstall).not.toContain('EBADENGINE');
    // The install filled the cache folder it was given, so nothing came from a warm cache elsewhere.
    expect(fs.readdirSync(path.join(work, 'empty-npm-cache'))).toContain('_cacache');
  });

  test('ships declarations that need only its dependencies and peers', () => {
    const pkg = require('../../package.json');
    const allowed = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
    const imported = [...declarationImports(path.join(appDir, 'node_modules/cdk8s-production/build'))];
    expect(
      imported.filter((m) => !allowed.has(m.startsWith('@') ? m.split('/').slice(0, 2).join('/') : m.split('/')[0])),
    ).toEqual([]);
  });

  test('ships a working command line: --version, and check over the app output', () => {
    const bin = path.join(appDir, 'node_modules', '.bin', 'cdk8s-production');
    expect(run(bin, ['--version'], appDir).trim()).toBe(require('../../package.json').version);
    const result = spawnSync(bin, ['check', '--format', 'json', 'dist'], { cwd: appDir, encoding: 'utf8' });
    const report = JSON.parse(result.stdout);
    // The tenant: Namespace, ResourceQuota, LimitRange, default-deny and DNS policies. Two services, each:
    // ServiceAccount, Deployment, Service, PDB, NetworkPolicy, ServiceMonitor; checkout adds its HPA.
    // The production pack finds nothing in them: exit 0.
    expect(report.summary).toEqual({
      pack: 'production',
      pssVersion: 'v1.28',
      objects: 18,
      errors: 0,
      warnings: 0,
      infos: 0,
      suppressed: 0,
      unchecked: 0,
    });
    expect(report.findings).toEqual([]);
    expect(result.status).toBe(0);
  });

  test('check exits 1 and names the rule when the app output breaks one', () => {
    const bin = path.join(appDir, 'node_modules', '.bin', 'cdk8s-production');
    const broken = path.join(work, 'broken.yaml');
    const objects = ['namespace', 'services'].flatMap(
      (chart) => fromYaml(fs.readFileSync(path.join(appDir, `dist/shop/${chart}.yaml`), 'utf8')) as any[],
    );
    const catalog = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'catalog');
    catalog.spec.template.spec.containers[0].image = 'registry.example.com/catalog:latest';
    fs.writeFileSync(broken, toYaml(objects));
    const result = spawnSync(bin, ['check', '--format', 'json', broken], { cwd: appDir, encoding: 'utf8' });
    const report = JSON.parse(result.stdout);
    expect(result.status).toBe(1);
    expect(report.summary).toMatchObject({ objects: 18, errors: 1, warnings: 0, infos: 0, suppressed: 0 });
    expect(report.findings.map((f: any) => `${f.level} ${f.ruleId} ${f.kind}/${f.name}`)).toEqual([
      'error image-tag-pinned Deployment/catalog',
    ]);
  });
});
