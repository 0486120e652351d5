/**
 * `tsx bench/profile-summary.ts FILE.cpuprofile [--top N]`: self time of a V8 CPU profile, by
 * function and by module (an npm package, or the project folder), so the top costs can be named.
 */
import * as fs from 'fs';
import { optionValue } from './options';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface CpuProfile {
  readonly nodes: ProfileNode[];
  readonly samples: number[];
  readonly timeDeltas: number[];
}

/** The package a script belongs to (`cdk8s-plus-28`, `@swc/core`), its project folder (`lib/output`), or a V8 category. */
export function moduleOf(url: string): string {
  if (!url) return '(native or V8)';
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inPackage) return inPackage[1];
  if (url.startsWith('node:')) return 'node core';
  const inProject = /\/(lib|bench|apps|imports)\/(?:([^/]+)\/)?[^/]+$/.exec(url);
  if (inProject) return inProject[2] ? `${inProject[1]}/${inProject[2]}` : inProject[1];
  return url;
}

/** Self milliseconds per key, largest first. */
export function selfTimes(profile: CpuProfile, keyOf: (node: ProfileNode) => string): [string, number][] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const key = keyOf(byId.get(id)!);
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}

function table(title: string, rows: [string, number][], total: number, top: number): string {
  const lines = [`| ${title} | self ms | share |`, '|---|---:|---:|'];
  for (const [key, ms] of rows.slice(0, top))
    lines.push(`| ${key.replace(/\|/g, '\\|')} | ${ms.toFixed(0)} | ${((100 * ms) / total).toFixed(1)}% |`);
  return lines.join('\n');
}

function main(argv: string[]): void {
  const profile = JSON.parse(fs.readFileSync(argv[0], 'utf8')) as CpuProfile;
  const top = Number(optionValue(argv, '--top', '15'));
  const total = profile.timeDeltas.reduce((a, b) => a + b, 0) / 1000;
  const functionKey = (n: ProfileNode) => {
    const file = n.callFrame.url.split('/').slice(-2).join('/');
    return `${n.callFrame.functionName || '(anonymous)'} ${file ? `(${file}:${n.callFrame.lineNumber + 1})` : ''}`.trim();
  };
  process.stdout.write(`total sampled: ${total.toFixed(0)} ms\n\n`);
  process.stdout.write(
    table(
      'module',
      selfTimes(profile, (n) => moduleOf(n.callFrame.url)),
      total,
      top,
    ) + '\n\n',
  );
  process.stdout.write(table('function', selfTimes(profile, functionKey), total, top) + '\n');
}

if (require.main === module) main(process.argv.slice(2));
