/**
 * `npm run diff [-- [--base REF | --against DIR] [ENV...]]`: synthesizes in memory, checks each output
 * folder with the readiness pack as synth does, and prints, per
 * environment, the objects added, removed and changed against dist/ (or against dist/ at git
 * revision REF, or against another output folder DIR),
 * with old -> new values for every changed field. Exits 1 when anything differs, 0 when not,
 * 2 on usage errors and when the output fails the readiness check.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { diffOutputs, hasDifferences, renderDiff, renderOutput } from '../lib';
import { environments } from './config';
import { buildOutput } from './synth';

const DIST = 'dist';

function readFolder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(dir, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

function readRevision(ref: string): Map<string, string> {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const files = new Map<string, string>();
  for (const file of git('ls-tree', '-r', '--name-only', ref, '--', `${DIST}/`).split('\n').filter(Boolean)) {
    files.set(file.slice(DIST.length + 1), git('show', `${ref}:${file}`));
  }
  return files;
}

function main(argv: string[]): number {
  let base: string | undefined;
  let against = DIST;
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--base') base = argv[++i];
    else if (argv[i] === '--against') against = argv[++i];
    else if (argv[i] === '--help' || argv[i] === '-h') {
      process.stdout.write('usage: npm run diff -- [--base REF | --against DIR] [ENV...]\n');
      return 0;
    } else if (argv[i].startsWith('-')) {
      throw new Error(`unknown option ${argv[i]}; usage: npm run diff -- [--base REF | --against DIR] [ENV...]`);
    } else only.push(argv[i]);
  }
  if (!base && !fs.existsSync(against))
    throw new Error(`${against} does not exist; run npm run synth first or pass --against DIR`);
  for (const name of only) environments.get(name);

  // The checked output, rendered exactly as synth writes it.
  const output = buildOutput();
  const after = renderOutput(output.manifests, output.texts);
  const before = base ? readRevision(base) : readFolder(against);
  const folders = (diff: ReturnType<typeof diffOutputs>) =>
    only.length === 0 ? diff : diff.filter((d) => only.includes(d.folder));
  const diffs = folders(diffOutputs(before, after));
  process.stdout.write(renderDiff(diffs));
  return hasDifferences(diffs) ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 2;
}
