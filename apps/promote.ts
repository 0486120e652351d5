import * as fs from 'fs';
import * as path from 'path';
import { promoteConfig } from './promotion';

// Usage: npm run promote -- ENV REF [--cluster NAME]
// Rewrites the environment's (or the cluster's) targetRevision in apps/config.ts; then run
// `npm run synth` and review `npm run diff` before committing both.
const args = process.argv.slice(2);
const clusterAt = args.indexOf('--cluster');
const cluster = clusterAt >= 0 ? args[clusterAt + 1] : undefined;
const [env, ref] = clusterAt >= 0 ? args.filter((_, i) => i !== clusterAt && i !== clusterAt + 1) : args;
const file = path.join(__dirname, 'config.ts');
try {
  if (!env || !ref) throw new Error('usage: npm run promote -- ENV REF [--cluster NAME]');
  const { config, unpinned } = promoteConfig(fs.readFileSync(file, 'utf8'), env, ref, cluster);
  fs.writeFileSync(file, config);
  process.stdout.write(
    `${env}${cluster ? ` (${cluster})` : ''} now deploys ${ref}` +
      `${unpinned.length > 0 ? ` on every cluster (${unpinned.join(', ')} no longer pinned)` : ''}` +
      '; run npm run synth, then npm run diff\n',
  );
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 2;
}
