import { assertGitRevision } from '../lib';

/** A promotion: the new text of apps/config.ts, and the clusters whose own revision it dropped. */
export interface Promotion {
  readonly config: string;
  /** Clusters that had been given a release of their own first and now follow the environment again. */
  readonly unpinned: string[];
}

/** A cluster entry of apps/config.ts, with its own targetRevision when it has one. */
const clusterEntry = (name: string) =>
  new RegExp(`\\{ name: '${name}', server: '([^']*)'(?:, targetRevision: '[^']*')? \\}`);
const PINNED_CLUSTER = /\{ name: '([^']*)', server: '([^']*)', targetRevision: '[^']*' \}/g;

/**
 * `config` (the text of apps/config.ts) with environment `env`, or one of its clusters, promoted to
 * Git revision `ref`: the one line that says what the environment (or cluster) deploys is rewritten.
 * Promoting the environment also drops the revision of a cluster that took a release first, so every
 * cluster deploys `ref` (one line more per such cluster, named in `unpinned`).
 */
export function promoteConfig(config: string, env: string, ref: string, cluster?: string): Promotion {
  assertGitRevision(`promote ${env}`, 'ref', ref);
  const start = config.indexOf(`name: '${env}',`);
  if (start < 0) throw new Error(`promote: apps/config.ts has no environment "${env}"`);
  const next = config.indexOf('new Environment(', start);
  const end = next < 0 ? config.length : next;
  const block = config.slice(start, end);
  let promoted: string;
  const unpinned: string[] = [];
  if (cluster) {
    const entry = clusterEntry(cluster);
    if (!entry.test(block)) throw new Error(`promote: environment "${env}" has no cluster "${cluster}"`);
    promoted = block.replace(
      entry,
      (_, server) => `{ name: '${cluster}', server: '${server}', targetRevision: '${ref}' }`,
    );
  } else {
    if (!/targetRevision: '[^']*',/.test(block)) {
      throw new Error(`promote: environment "${env}" sets no targetRevision in apps/config.ts; add one first`);
    }
    promoted = block
      .replace(/^( {4})targetRevision: '[^']*',/m, `$1targetRevision: '${ref}',`)
      .replace(PINNED_CLUSTER, (_, name: string, server: string) => {
        unpinned.push(name);
        return `{ name: '${name}', server: '${server}' }`;
      });
  }
  return { config: config.slice(0, start) + promoted + config.slice(end), unpinned };
}
