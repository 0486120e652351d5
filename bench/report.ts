import { execFileSync } from 'child_process';
import * as os from 'os';

/** Medians of one case at one size; undefined when the case did not run. */
export interface CaseResult {
  /** Median wall seconds. */
  readonly seconds: number;
  /** Largest peak RSS over the runs, in MiB. */
  readonly peakMiB?: number;
  /** Runs the median is taken over. */
  readonly runs: number;
  /** Set when the case hit its time limit: the figure is a lower bound. */
  readonly timedOut?: boolean;
}

/** Every case at one fleet size. */
export interface SizeResult {
  readonly services: number;
  readonly objects: number;
  readonly synth: CaseResult;
  readonly synthUnchanged: CaseResult;
  /** Fresh output, each environment passing the production pack's readiness check first. */
  readonly synthChecked: CaseResult;
  readonly floor: CaseResult;
  readonly kustomize?: CaseResult;
  /** Whether js-yaml wrote the floor's objects byte for byte as the project's writer did. */
  readonly sameBytes: boolean;
}

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '(not available)';
  }
}

/** The machine the figures come from: CPU, memory, Node.js, kubectl/Kustomize and the load. */
export function describeMachine(): string[] {
  const cpus = os.cpus();
  return [
    `- CPU: ${cpus.length} x ${cpus[0]?.model ?? 'unknown'}`,
    `- RAM: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- OS: ${os.type()} ${os.release()}`,
    `- Node.js: ${process.version}`,
    `- kubectl: ${run('kubectl', ['version', '--client']).replace(/\n/g, '; ')}`,
  ];
}

/** The load averages over 1, 5 and 15 minutes. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
}

function time(c: CaseResult | undefined): string {
  if (!c) return 'skipped';
  const s = c.seconds < 10 ? c.seconds.toFixed(2) : c.seconds.toFixed(1);
  return c.timedOut ? `> ${s} s (timed out, 1 run)` : `${s} s`;
}

function memory(c: CaseResult | undefined): string {
  return c?.peakMiB !== undefined ? `${c.peakMiB.toFixed(0)} MiB` : '-';
}

function ratio(a: CaseResult | undefined, b: CaseResult | undefined): string {
  if (!a || !b) return '-';
  const r = a.seconds / b.seconds;
  return b.timedOut ? `< ${r.toFixed(2)}` : r.toFixed(2);
}

/** The results as a Markdown table plus the linearity line. */
export function renderTable(results: readonly SizeResult[]): string[] {
  const lines = [
    '| services x 3 envs | objects | synth (node), fresh output | synth, output unchanged | synth with readiness check | `kubectl kustomize`, 3 overlays | YAML floor (js-yaml only) | synth / floor | synth with check / floor | synth / Kustomize | same bytes as js-yaml |',
    '|---:|---:|---|---|---|---|---|---:|---:|---:|---|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.services} | ${r.objects} | ${time(r.synth)}, ${memory(r.synth)} | ${time(r.synthUnchanged)}, ${memory(r.synthUnchanged)} | ` +
        `${time(r.synthChecked)}, ${memory(r.synthChecked)} | ` +
        `${time(r.kustomize)}${r.kustomize ? `, ${memory(r.kustomize)}` : ''} | ${time(r.floor)}, ${memory(r.floor)} | ` +
        `${ratio(r.synth, r.floor)} | ${ratio(r.synthChecked, r.floor)} | ${ratio(r.synth, r.kustomize)} | ${r.sameBytes ? 'yes' : 'NO'} |`,
    );
  }
  const bySize = new Map(results.map((r) => [r.services, r]));
  const [small, large] = [bySize.get(100), bySize.get(500)];
  if (small && large) {
    lines.push(
      '',
      `Linearity: synth at 500 services takes ${(large.synth.seconds / small.synth.seconds).toFixed(2)}x the time at 100 (linear is 5x).`,
    );
  }
  const largest = results.at(-1);
  if (large && largest && largest.services > 500) {
    const perService = (r: SizeResult) => r.synthChecked.seconds / r.services;
    lines.push(
      '',
      `Time per service with the check: ${(perService(largest) * 1000).toFixed(2)} ms at ${largest.services} services, ` +
        `${(perService(large) * 1000).toFixed(2)} ms at 500: ${(perService(largest) / perService(large)).toFixed(2)}x.`,
    );
  }
  return lines;
}
