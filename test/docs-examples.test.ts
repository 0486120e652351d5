import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { collectManifests } from '../lib';
import { ROOT } from './support/manifests';

const DOCS = path.join(ROOT, 'docs', 'constructs');
const pages = fs
  .readdirSync(DOCS)
  .filter((f) => f.endsWith('.md'))
  .sort();
const MARKER = /<!-- example: (\S+) -->\n```ts\n([\s\S]*?)```/g;
const HAS_EXAMPLE = /<!-- example: \S+ -->\n```ts\n/;

test('every construct page carries at least one example', () => {
  const withoutExample = pages.filter((page) => !HAS_EXAMPLE.test(fs.readFileSync(path.join(DOCS, page), 'utf8')));
  expect(withoutExample).toEqual([]);
});

describe.each(pages)('docs/constructs/%s', (page) => {
  const text = fs.readFileSync(path.join(DOCS, page), 'utf8');
  const examples = [...text.matchAll(MARKER)].map((m) => ({ file: m[1], code: m[2] }));

  test.each(examples.map((e) => [e.file, e] as const))(
    'shows %s unchanged (npm run typecheck compiles it)',
    (_file, e) => {
      expect(e.code).toBe(fs.readFileSync(path.join(ROOT, e.file), 'utf8'));
    },
  );

  test.each(examples.map((e) => [e.file] as const))('%s synthesizes', (file) => {
    const mod = require(path.join(ROOT, file));
    if (typeof mod.example === 'function') {
      const app: App = mod.example();
      expect(collectManifests(app).length).toBeGreaterThan(0);
    } else {
      expect(Object.values(mod).some((v) => typeof v === 'function')).toBe(true);
    }
  });
});
