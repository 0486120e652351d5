import { describeSynth, synthesize } from './synth';

// Usage: npm run synth [-- --quiet]   (the output folder is CDK8S_OUTDIR, default dist)
const quiet = process.argv.slice(2).includes('--quiet');
const outdir = process.env.CDK8S_OUTDIR ?? 'dist';
try {
  const summaries = synthesize(outdir);
  // Since the process started: loading the libraries is most of a synth.
  const seconds = process.uptime();
  if (!quiet) process.stdout.write(describeSynth(outdir, summaries, seconds));
} catch (e) {
  // Configuration and readiness errors carry the construct path and the fix; the stack adds nothing.
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 1;
}
