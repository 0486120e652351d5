#!/usr/bin/env node
// Copies each example file into the Markdown pages that show it, after a marker line
// `<!-- example: docs/examples/<file>.ts -->` followed by a ```ts block. Run after editing an example:
// `npm run docs:embed`. The docs tests fail when a page and its example differ.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const pages = ['README.md', ...fs.readdirSync(path.join(root, 'docs/constructs')).map((f) => `docs/constructs/${f}`)];
const MARKER = /(<!-- example: (\S+) -->\n```ts\n)[\s\S]*?```/g;

for (const page of pages.filter((p) => p.endsWith('.md'))) {
  const file = path.join(root, page);
  const text = fs.readFileSync(file, 'utf8');
  const updated = text.replace(
    MARKER,
    (_, head, example) => `${head}${fs.readFileSync(path.join(root, example), 'utf8')}\`\`\``,
  );
  if (updated !== text) {
    fs.writeFileSync(file, updated);
    process.stdout.write(`updated ${page}\n`);
  }
}
