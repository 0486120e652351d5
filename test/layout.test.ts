import * as fs from 'fs';
import * as path from 'path';
import { listFiles, ROOT } from './support/manifests';

const APPS = path.join(ROOT, 'apps');
const TEST = path.join(ROOT, 'test');
/** The example platform's own tests and their support, which import apps/ by design. */
const APPS_TESTS = path.join(TEST, 'apps');

/**
 * The references to the example platform (`apps/`) in the source of `file`: modules it imports,
 * requires or mocks that resolve into apps/ or into the platform's tests (test/apps/, whose support
 * builds the platform), and apps/ scripts it names (to spawn or load them).
 */
function appsReferences(file: string, source: string): string[] {
  const found: string[] = [];
  const specifier =
    /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*|\bjest\.mock\s*\(\s*)['"`]([^'"`]+)['"`]/g;
  for (const [, spec] of source.matchAll(specifier)) {
    const resolved = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : path.resolve(ROOT, spec);
    const into = (dir: string) => resolved === dir || resolved.startsWith(dir + path.sep);
    if (into(APPS) || into(APPS_TESTS)) found.push(spec);
  }
  for (const [script] of source.matchAll(/\bapps\/[\w./-]+\.[cm]?[jt]s\b/g)) found.push(script);
  for (const [segment] of source.matchAll(/\(\s*ROOT\s*,\s*['"]apps['"]/g)) found.push(segment);
  return found;
}

test('no test outside test/apps/ depends on the example platform', () => {
  const offending = listFiles(TEST)
    // This file is left out: its examples below name apps/ on purpose.
    .filter((f) => /\.[cm]?[jt]s$/.test(f) && !f.startsWith('apps/') && path.join(TEST, f) !== __filename)
    .flatMap((f) => {
      const file = path.join(TEST, f);
      return appsReferences(file, fs.readFileSync(file, 'utf8')).map((ref) => `test/${f}: ${ref}`);
    });
  expect(offending).toEqual([]);
});

test('the check finds imports, requires, mocks and named scripts of apps/, and ignores apps/v1', () => {
  const file = path.join(TEST, 'workloads', 'example.test.ts');
  const source = [
    "import { buildOutput } from '../../apps/synth';",
    "import type { Output } from '../../apps/synth';",
    "import '../../apps/config';",
    "const config = require('../../apps/config');",
    "jest.mock('../../apps/stacks/platform');",
    "const later = import('../../apps/diff');",
    "spawnSync(process.execPath, [tsx, 'apps/main.ts']);",
    "const dir = path.join(ROOT, 'apps', 'services');",
    "const deployment = { apiVersion: 'apps/v1', kind: 'Deployment' };",
    "import { ProductionService } from '../../lib';",
    "import { output } from '../apps/support/output';",
  ].join('\n');
  expect(appsReferences(file, source)).toEqual([
    '../../apps/synth',
    '../../apps/synth',
    '../../apps/config',
    '../../apps/config',
    '../../apps/stacks/platform',
    '../../apps/diff',
    '../apps/support/output',
    'apps/main.ts',
    "(ROOT, 'apps'",
  ]);
});
