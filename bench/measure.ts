import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** One timed run of a whole process. */
export interface Measurement {
  /** Wall-clock seconds from spawn to exit. */
  readonly seconds: number;
  /** Peak resident set size in MiB, when GNU time is installed. */
  readonly peakMiB?: number;
  /** Whether the process was stopped by the timeout. */
  readonly timedOut: boolean;
}

/** Options of {@link runMeasured}. */
export interface RunOptions {
  /**
   * File that receives the process's standard output.
   * @default - discarded
   */
  readonly stdoutFile?: string;
  /**
   * Seconds after which the process is stopped (with coreutils `timeout`).
   * @default - no limit
   */
  readonly timeoutSeconds?: number;
  /**
   * Working directory.
   * @default - the current directory
   */
  readonly cwd?: string;
}

const GNU_TIME = '/usr/bin/time';

/** Whether a command is on PATH. */
export function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Whether peak memory can be measured (GNU time at /usr/bin/time). */
export function canMeasureMemory(): boolean {
  return fs.existsSync(GNU_TIME);
}

/** Runs `command args` to completion and measures wall time and peak RSS; throws when it fails. */
export function runMeasured(command: string, args: readonly string[], options: RunOptions = {}): Measurement {
  const rssFile = path.join(os.tmpdir(), `bench-rss-${process.pid}.txt`);
  let argv = [command, ...args];
  if (options.timeoutSeconds !== undefined) argv = ['timeout', String(options.timeoutSeconds), ...argv];
  if (canMeasureMemory()) argv = [GNU_TIME, '-f', '%M', '-o', rssFile, ...argv];
  const stdout = options.stdoutFile ? fs.openSync(options.stdoutFile, 'w') : 'ignore';
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), {
    cwd: options.cwd,
    stdio: ['ignore', stdout, 'pipe'],
    maxBuffer: 1 << 26,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (typeof stdout === 'number') fs.closeSync(stdout);
  const timedOut = options.timeoutSeconds !== undefined && result.status === 124;
  if (!timedOut && result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status ?? result.signal}): ${String(result.stderr).slice(-2000)}`,
    );
  }
  let peakMiB: number | undefined;
  if (canMeasureMemory() && fs.existsSync(rssFile)) {
    const kib = Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    if (Number.isFinite(kib)) peakMiB = kib / 1024;
    fs.rmSync(rssFile, { force: true });
  }
  return { seconds, peakMiB, timedOut };
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
