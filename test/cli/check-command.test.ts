import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../lib/cli/main';
import { ROOT } from '../support/manifests';

const BIN = path.join(ROOT, 'bin', 'cdk8s-production.js');
const BAD_POD =
  'apiVersion: v1\nkind: Pod\nmetadata: { name: web, namespace: shop }\nspec: { containers: [ { name: c, image: nginx } ] }\n';

/** Runs the real executable, as a user would. */
function spawn(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the command in-process with captured streams. */
function runCaptured(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = run(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: () => stdin,
  });
  return { code, stdout, stderr };
}

describe('cdk8s-production check (the executable)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-cli-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('exits 0 on the committed dist/ folder', () => {
    const result = spawn(['check', 'dist']);
    expect(result).toEqual({
      code: 0,
      stdout: expect.stringMatching(/object\(s\) checked with pack production \(Pod Security v1\.28\): 0 error\(s\)/),
      stderr: '',
    });
  });

  test('exits 1 with JSON findings when stdin holds an error-level problem', () => {
    const result = spawn(['check', '--format', 'json', '--pack', 'baseline', '-'], BAD_POD);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(['findings', 'suppressed', 'unchecked', 'summary']);
    expect(json.findings[0]).toEqual({
      ruleId: 'image-tag-pinned',
      level: 'error',
      kind: 'Pod',
      namespace: 'shop',
      name: 'web',
      file: '<stdin>',
      path: null,
      field: 'spec.containers[0].image',
      message: 'container "c" image "nginx" has no tag, so it means latest',
      fix: expect.stringContaining('Pin a version'),
    });
    expect(json.summary).toEqual({
      pack: 'baseline',
      pssVersion: 'v1.28',
      objects: 1,
      errors: 1,
      warnings: 4,
      infos: 1,
      suppressed: 0,
      unchecked: 0,
    });
  });

  test('exits 2 on malformed YAML, naming the file and the line, and still checks the other files', () => {
    const folder = path.join(dir, 'mixed');
    fs.mkdirSync(folder);
    const file = path.join(folder, 'broken.yaml');
    fs.writeFileSync(file, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   labels: {}\n');
    fs.writeFileSync(path.join(folder, 'pod.yaml'), BAD_POD);
    const result = spawn(['check', '--pack', 'baseline', folder]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('ERROR image-tag-pinned Pod/shop/web');
    expect(result.stdout).toContain(`NOT CHECKED ${file}: line 5, column `);
    expect(result.stdout).toMatch(/1 object\(s\) checked .*; 1 input\(s\) NOT checked\n$/);
    expect(result.stderr).toMatch(
      new RegExp(
        `^cdk8s-production: not checked: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: line 5, column \\d+: cannot parse YAML: `,
      ),
    );
  });

  test('prints help and version on stdout with exit 0', () => {
    expect(spawn(['--help'])).toEqual({
      code: 0,
      stdout: expect.stringContaining('Usage: cdk8s-production check'),
      stderr: '',
    });
    expect(spawn(['--version']).stdout).toBe(
      `${JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`,
    );
  });
});

describe('cdk8s-production check (arguments and inputs)', () => {
  test.each([
    [['check', '--pack', 'strict', 'dist'], 'unknown pack "strict"'],
    [['check', '--format', 'yaml', 'dist'], 'unknown format "yaml"; use text, json or sarif'],
    [['check', '--pss-version', '1.28', 'dist'], 'Pod Security policy version "1.28" is not valid'],
    [
      ['check', '--pss-version', 'v1.99', 'dist'],
      'Pod Security policy version "v1.99" is newer than v1.37, the newest this checker knows',
    ],
    [
      ['check', '--kube-version', 'latest', 'dist'],
      '--kube-version "latest" is not a Kubernetes version; use one such as v1.28',
    ],
    [['check', '--strict', 'dist'], 'unknown option --strict'],
    [['check'], 'no PATH given'],
    [['lint', 'dist'], 'unknown command "lint"'],
    [['check', 'no/such/folder'], 'no/such/folder: no such file or folder'],
  ])('%j exits 2 with "%s" on stderr', (args, message) => {
    const result = runCaptured(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  test.each([
    [
      'a document that is not a Kubernetes object',
      'name: web\nimage: nginx\n',
      'document 1 is not a Kubernetes object (it has no apiVersion and kind)',
    ],
    ['an empty file', '', 'holds no Kubernetes object'],
  ])('names %s as not checked and exits 2', (_what, text, reason) => {
    const result = runCaptured(['check', '-'], text);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`NOT CHECKED <stdin>: ${reason}\n`);
    expect(result.stdout).toContain('0 object(s) checked');
    expect(result.stderr).toBe(`cdk8s-production: not checked: <stdin>: ${reason}\n`);
  });

  test('names an empty folder as not checked and exits 2, as for an empty file', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-cli-'));
    const result = runCaptured(['check', '--format', 'json', empty]);
    fs.rmSync(empty, { recursive: true, force: true });
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).unchecked).toEqual([
      { file: empty, reason: 'folder holds no .yaml, .yml or .json file' },
    ]);
  });

  test('names a file of a folder that holds only comments, and still checks the others', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-cli-'));
    fs.writeFileSync(path.join(dir, 'a-notes.yaml'), '# nothing here yet\n---\n');
    fs.writeFileSync(
      path.join(dir, 'b-config.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings, namespace: shop }\ndata: { MODE: fast }\n',
    );
    const result = runCaptured(['check', '--format', 'json', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report.unchecked).toEqual([{ file: path.join(dir, 'a-notes.yaml'), reason: 'holds no Kubernetes object' }]);
    expect(report.summary.objects).toBe(1);
  });

  test('reads folders recursively, JSON files and kind: List documents', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-cli-'));
    fs.mkdirSync(path.join(dir, 'nested'));
    fs.writeFileSync(
      path.join(dir, 'nested', 'pods.json'),
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec: { hostPID: true, containers: [] } }],
      }),
    );
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a manifest');
    const result = runCaptured(['check', '--pack=pod-security-baseline', '--format=json', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(result.code).toBe(1);
    expect(
      JSON.parse(result.stdout).findings.map((f: { ruleId: string; file: string }) => [
        f.ruleId,
        path.basename(f.file),
      ]),
    ).toEqual([['pss-host-namespaces', 'pods.json']]);
  });

  test('lists suppressions in the text report with their reason', () => {
    const pod = BAD_POD.replace(
      'namespace: shop',
      'namespace: shop, annotations: { cdk8s-production.io/suppress: \'[{"rule":"image-tag-pinned","reason":"vendor image, pinned by digest upstream"}]\' }',
    );
    const result = runCaptured(['check', '--pack', 'baseline', '-'], pod);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'SUPPRESSED image-tag-pinned Pod/shop/web [<stdin>:1 Pod/web]: container "c" image "nginx" has no tag, so it means latest\n  reason: vendor image, pinned by digest upstream\n',
    );
  });
});

describe('cdk8s-production check --kube-version', () => {
  test('reports an API version the target no longer serves, and exits 1', () => {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'cdk8s-production-kube-version-'));
    const file = path.join(dir, 'pdb.yaml');
    fs.writeFileSync(
      file,
      'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata: { name: api, namespace: shop }\nspec: { maxUnavailable: 1, selector: { matchLabels: { app: api } } }\n',
    );
    const served = runCaptured(['check', '--pack', 'baseline', '--kube-version', 'v1.24', '--format', 'json', file]);
    const removed = runCaptured(['check', '--pack', 'baseline', '--kube-version', 'v1.25', '--format', 'json', file]);
    fs.rmSync(dir, { recursive: true, force: true });
    const ids = (r: { stdout: string }) => JSON.parse(r.stdout).findings.map((f: any) => f.ruleId);
    expect(ids(served)).not.toContain('api-version-served');
    expect(ids(removed)).toContain('api-version-served');
    expect(removed.code).toBe(1);
  });
});
