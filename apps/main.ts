import { synthesize } from './synth';

synthesize(process.env.CDK8S_OUTDIR ?? 'dist');
