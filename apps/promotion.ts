import { assertGitRevision } from '../lib';

/**
 * `config` (the text of apps/config.ts) with environment `env`, or one of its clusters, promoted to
 * Git revision `ref`: the one line that says what the environment (or cluster) deploys is rewritten.
 */
export function promoteConfig(config: string, env: string, ref: string, cluster?: string): string {
  assertGitRevision(`promote ${env}`, 'ref', ref);
  const start = config.indexOf(`name: '${env}',`);
  if (start < 0) throw new Error(`promote: apps/config.ts has no environment "${env}"`);
  const next = config.indexOf('new Environment(', start);
  const end = next < 0 ? config.length : next;
  const block = config.slice(start, end);
  let promoted: string;
  if (cluster) {
    const entry = new RegExp(`\\{ name: '${cluster}', server: '([^']*)'(?:, targetRevision: '[^']*')? \\}`);
    if (!entry.test(block)) throw new Error(`promote: environment "${env}" has no cluster "${cluster}"`);
    promoted = block.replace(
      entry,
      (_, server) => `{ name: '${cluster}', server: '${server}', targetRevision: '${ref}' }`,
    );
  } else {
    if (!/targetRevision: '[^']*',/.test(block)) {
      throw new Error(`promote: environment "${env}" sets no targetRevision in apps/config.ts; add one first`);
    }
    promoted = block.replace(/^( {4})targetRevision: '[^']*',/m, `$1targetRevision: '${ref}',`);
  }
  return config.slice(0, start) + promoted + config.slice(end);
}
