import { synthesize } from './synth';

try {
  synthesize(process.env.CDK8S_OUTDIR ?? 'dist');
} catch (e) {
  // Configuration and readiness errors carry the construct path and the fix; the stack adds nothing.
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 1;
}
