/**
 * The serialization floor: `node yaml-floor.js FILE.json [--out DIR]`. Reads the plain objects the
 * synth produced and only dumps them with js-yaml, one dump per object as the project did before it
 * owned its writer. With --out it writes the files too, so the bench can check that the project's
 * writer produces the same bytes.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as jsyaml from 'js-yaml';
import { JS_YAML_DUMP_OPTIONS } from '../lib/output/yaml-writer';
import { optionValue } from './options';

interface JsonFile {
  readonly path: string;
  readonly objects: unknown[];
}

const argv = process.argv.slice(2);
const files = JSON.parse(fs.readFileSync(argv[0], 'utf8')) as JsonFile[];
const out = optionValue(argv, '--out', '');
let bytes = 0;
for (const file of files) {
  const text = file.objects.map((o) => jsyaml.dump(o, JS_YAML_DUMP_OPTIONS)).join('---\n');
  bytes += text.length;
  if (out) {
    const target = path.join(out, ...file.path.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
}
process.stdout.write(`${bytes}\n`);
