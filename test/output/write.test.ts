import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { OutputWriter, renderOutput, writeOutput } from '../../lib';

describe('writeOutput', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-write-'));
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));
  const manifest = (p: string, name: string) => ({ path: p, objects: [{ kind: 'ConfigMap', metadata: { name } }] });

  test('leaves exactly the given files, removing stale files and the folders they empty', () => {
    fs.mkdirSync(path.join(outdir, 'old', 'deep'), { recursive: true });
    fs.writeFileSync(path.join(outdir, 'old', 'deep', 'stale.yaml'), 'x');
    fs.writeFileSync(path.join(outdir, 'stale.json'), '{}');
    writeOutput(outdir, [manifest('dev/a.yaml', 'a')], [{ path: 'dev/SUMMARY.md', content: '# dev\n' }]);
    expect(fs.readdirSync(outdir, { recursive: true }).map(String).sort()).toEqual(
      ['dev', 'dev/SUMMARY.md', 'dev/a.yaml'].map((p) => p.split('/').join(path.sep)),
    );
    expect(fs.readFileSync(path.join(outdir, 'dev', 'a.yaml'), 'utf8')).toBe('kind: ConfigMap\nmetadata:\n  name: a\n');
  });

  test('writes exactly what renderOutput renders, which is what a diff compares', () => {
    const manifests = [manifest('dev/a.yaml', 'a'), manifest('dev/b.yaml', 'b')];
    const texts = [{ path: 'dev/SUMMARY.md', content: '# dev\n' }];
    writeOutput(outdir, manifests, texts);
    const rendered = renderOutput(manifests, texts);
    expect([...rendered.keys()]).toEqual(['dev/a.yaml', 'dev/b.yaml', 'dev/SUMMARY.md']);
    for (const [file, content] of rendered) expect(fs.readFileSync(path.join(outdir, file), 'utf8')).toBe(content);
  });

  test('does not rewrite a file whose content is unchanged, and rewrites one that changed', () => {
    const past = new Date('2020-01-01T00:00:00Z');
    writeOutput(outdir, [manifest('dev/a.yaml', 'a'), manifest('dev/b.yaml', 'b')]);
    for (const f of ['a.yaml', 'b.yaml']) fs.utimesSync(path.join(outdir, 'dev', f), past, past);
    writeOutput(outdir, [manifest('dev/a.yaml', 'a'), manifest('dev/b.yaml', 'b2')]);
    expect(fs.statSync(path.join(outdir, 'dev', 'a.yaml')).mtime).toEqual(past);
    expect(fs.statSync(path.join(outdir, 'dev', 'b.yaml')).mtime).not.toEqual(past);
    expect(fs.readFileSync(path.join(outdir, 'dev', 'b.yaml'), 'utf8')).toContain('name: b2');
  });
});

describe('OutputWriter', () => {
  const manifest = (p: string, name: string) => ({ path: p, objects: [{ kind: 'ConfigMap', metadata: { name } }] });
  const tree = (dir: string) =>
    fs
      .readdirSync(dir, { recursive: true })
      .map(String)
      .sort()
      .map((f) => [f, fs.statSync(path.join(dir, f)).isFile() ? fs.readFileSync(path.join(dir, f), 'utf8') : '']);

  test('writing in batches leaves the same tree as one writeOutput call, stale files removed', () => {
    const [batched, whole] = [1, 2].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-batches-')));
    for (const dir of [batched, whole]) fs.writeFileSync(path.join(dir, 'stale.yaml'), 'x');
    const dev = [manifest('dev/a.yaml', 'a')];
    const prod = [manifest('production/a.yaml', 'a')];
    const summary = [{ path: 'production/SUMMARY.md', content: '# production\n' }];
    const writer = new OutputWriter(batched);
    writer.write(dev);
    writer.write(prod, summary);
    writer.finish();
    writeOutput(whole, [...dev, ...prod], summary);
    expect(tree(batched)).toEqual(tree(whole));
    expect(tree(batched).map(([f]) => f)).not.toContain('stale.yaml');
    for (const dir of [batched, whole]) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('refuses a path that an earlier batch wrote', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-batches-'));
    const writer = new OutputWriter(dir);
    writer.write([manifest('dev/a.yaml', 'a')]);
    expect(() => writer.write([manifest('dev/a.yaml', 'b')])).toThrow(
      'dev/a.yaml is written twice; give each batch its own files',
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
