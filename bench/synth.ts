/**
 * `npm run bench [-- options]`: times the project's synth against `kubectl kustomize` and the
 * serialization floor on fleets of ProductionServices in three environments, and writes the table
 * to docs/performance.md. Cases alternate within each repetition; figures are medians.
 *
 * Options:
 *   --sizes 10,100,500         fleet sizes (services per environment)
 *   --runs-small 5             repetitions for sizes up to 100
 *   --runs-large 3             repetitions for larger sizes
 *   --kustomize-max-n 100      largest size Kustomize is repeated at; above it, one run with a limit
 *   --kustomize-timeout 120    seconds allowed for that single run of the three overlays
 *   --no-kustomize             skip Kustomize
 *   --doc docs/performance.md  where the table goes ('-' for nowhere)
 */
import * as fs from 'fs';
import * as path from 'path';
import { commandExists, median, Measurement, runMeasured } from './measure';
import { JsonManifestFile, writeKustomizeLayout } from './kustomize-layout';
import { hasFlag, optionValue } from './options';
import { CaseResult, describeMachine, loadAverage, renderTable, SizeResult } from './report';

const WORK = path.resolve('.bench');
const BUILD = path.join(WORK, 'build', 'bench');
const START_MARK = '<!-- bench:start -->';
const END_MARK = '<!-- bench:end -->';

const argv = process.argv.slice(2);
const sizes = optionValue(argv, '--sizes', '10,100,500').split(',').map(Number);
const runsSmall = Number(optionValue(argv, '--runs-small', '5'));
const runsLarge = Number(optionValue(argv, '--runs-large', '3'));
const kustomizeMaxN = Number(optionValue(argv, '--kustomize-max-n', '100'));
const kustomizeTimeout = Number(optionValue(argv, '--kustomize-timeout', '120'));
const doc = optionValue(argv, '--doc', 'docs/performance.md');
const withKustomize = !hasFlag(argv, '--no-kustomize') && commandExists('kubectl');

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function summarize(measurements: readonly Measurement[]): CaseResult {
  const peaks = measurements.map((m) => m.peakMiB).filter((p): p is number => p !== undefined);
  return {
    seconds: median(measurements.map((m) => m.seconds)),
    peakMiB: peaks.length > 0 ? Math.max(...peaks) : undefined,
    runs: measurements.length,
    timedOut: measurements.some((m) => m.timedOut),
  };
}

/** The three overlays one after the other, as one case: summed wall time, largest peak. */
function kustomizeOnce(overlays: readonly string[], out: string, limitSeconds?: number): Measurement {
  let seconds = 0;
  let peakMiB: number | undefined;
  for (const overlay of overlays) {
    const remaining = limitSeconds === undefined ? undefined : Math.max(1, Math.ceil(limitSeconds - seconds));
    const m = runMeasured('kubectl', ['kustomize', overlay], {
      stdoutFile: path.join(out, `${path.basename(overlay)}.yaml`),
      timeoutSeconds: remaining,
    });
    seconds += m.seconds;
    if (m.peakMiB !== undefined) peakMiB = Math.max(peakMiB ?? 0, m.peakMiB);
    if (m.timedOut) return { seconds, peakMiB, timedOut: true };
  }
  return { seconds, peakMiB, timedOut: false };
}

function sameTree(a: string, b: string): boolean {
  const files = (dir: string): string[] =>
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort();
  const fa = files(a);
  return (
    JSON.stringify(fa) === JSON.stringify(files(b)) &&
    fa.every((f) => fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f))))
  );
}

function benchSize(services: number): SizeResult {
  const dir = path.join(WORK, `n-${services}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, 'manifests.json');
  const synthOut = path.join(dir, 'synth');
  const synthArgs = [path.join(BUILD, 'fleet-synth.js'), '--services', String(services), '--out', synthOut];
  const floorArgs = [path.join(BUILD, 'yaml-floor.js'), json];

  log(`n=${services}: preparing (synth with --json, floor with --out, Kustomize layout)`);
  runMeasured('node', [...synthArgs, '--json', json]);
  runMeasured('node', [...floorArgs, '--out', path.join(dir, 'floor')]);
  const sameBytes = sameTree(synthOut, path.join(dir, 'floor'));
  const files = JSON.parse(fs.readFileSync(json, 'utf8')) as JsonManifestFile[];
  const objects = files.reduce((n, f) => n + f.objects.length, 0);
  const overlays = withKustomize ? writeKustomizeLayout(path.join(dir, 'kustomize'), files, services) : [];
  const kustomizeOut = path.join(dir, 'kustomize-out');
  fs.mkdirSync(kustomizeOut, { recursive: true });

  const runs = services <= 100 ? runsSmall : runsLarge;
  const repeatKustomize = withKustomize && services <= kustomizeMaxN;
  const cases: Record<string, () => Measurement> = {
    synth: () => {
      fs.rmSync(synthOut, { recursive: true, force: true });
      return runMeasured('node', synthArgs);
    },
    synthUnchanged: () => runMeasured('node', synthArgs),
    synthChecked: () => {
      fs.rmSync(synthOut, { recursive: true, force: true });
      return runMeasured('node', [...synthArgs, '--check']);
    },
    floor: () => runMeasured('node', floorArgs),
  };
  if (repeatKustomize) cases.kustomize = () => kustomizeOnce(overlays, kustomizeOut);
  const measured: Record<string, Measurement[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  const names = Object.keys(cases);
  for (let r = 0; r < runs; r++) {
    // Rotate the order each repetition so no case always runs first or after the same neighbour.
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + r) % names.length];
      const m = cases[name]();
      measured[name].push(m);
      log(`n=${services} run ${r + 1}/${runs} ${name}: ${m.seconds.toFixed(2)} s, ${m.peakMiB?.toFixed(0) ?? '-'} MiB`);
    }
  }
  let kustomize = repeatKustomize ? summarize(measured.kustomize) : undefined;
  if (withKustomize && !repeatKustomize) {
    log(`n=${services}: one Kustomize run, stopped after ${kustomizeTimeout} s`);
    kustomize = summarize([kustomizeOnce(overlays, kustomizeOut, kustomizeTimeout)]);
  }
  return {
    services,
    objects,
    synth: summarize(measured.synth),
    synthUnchanged: summarize(measured.synthUnchanged),
    synthChecked: summarize(measured.synthChecked),
    floor: summarize(measured.floor),
    kustomize,
    sameBytes,
  };
}

function writeDoc(section: string): void {
  const block = `${START_MARK}\n${section}\n${END_MARK}`;
  const existing = fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : '# Performance\n\n';
  const start = existing.indexOf(START_MARK);
  const end = existing.indexOf(END_MARK);
  const next =
    start !== -1 && end > start
      ? existing.slice(0, start) + block + existing.slice(end + END_MARK.length)
      : `${existing.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(doc, next);
}

function main(): void {
  if (!withKustomize) {
    log(
      hasFlag(argv, '--no-kustomize')
        ? 'Kustomize skipped (--no-kustomize)'
        : 'kubectl not found on PATH: the Kustomize column is skipped',
    );
  }
  const loadBefore = loadAverage();
  const started = new Date();
  const results = sizes.map(benchSize);
  const section = [
    `Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench -- ${argv.join(' ')}\`; ` +
      `medians of ${runsSmall} (N <= 100) and ${runsLarge} (N > 100) runs, cases alternating.`,
    '',
    ...describeMachine(),
    `- Load average (1, 5, 15 min): ${loadBefore} before, ${loadAverage()} after`,
    '',
    ...renderTable(results),
    ...(withKustomize
      ? []
      : [
          '',
          hasFlag(argv, '--no-kustomize')
            ? 'Kustomize was not measured (--no-kustomize).'
            : 'kubectl was not found on PATH, so Kustomize was not measured.',
        ]),
  ].join('\n');
  process.stdout.write(`${section}\n`);
  if (doc !== '-') writeDoc(section);
}

main();
