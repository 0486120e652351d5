/**
 * Readiness checker throughput: `npm run bench:readiness -- [copies]` (compiled, run from the repository root).
 *
 * Replicates the committed production order-api stack (10 objects) `copies` times (default 2,000, so
 * 20,000 objects), once spread over one namespace per copy and once with every copy in one namespace
 * (the worst case for cross-object rules), breaks every tenth copy so findings are produced, and
 * reports objects and findings per second of the production pack. Not part of `npm test`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { checkManifests, fromYaml, KubeObject } from '../lib';

const copies = Number(process.argv[2] ?? 2000);
const stack = fromYaml(fs.readFileSync(path.join(process.cwd(), 'dist', 'production', 'order-api.yaml'), 'utf8'));

/** Copy `i` of the stack, renamed (and relabelled) so copies in one namespace stay distinct. */
function copy(i: number, sameNamespace: boolean): KubeObject[] {
  const suffix = `-${i}`;
  const text = JSON.stringify(stack).replace(
    /"order-api(-config)?"/g,
    (_m, config: string | undefined) => `"order-api${suffix}${config ?? ''}"`,
  );
  const objects = JSON.parse(text) as Record<string, any>[];
  for (const o of objects) {
    o.metadata.namespace = sameNamespace ? 'production' : `tenant${suffix}`;
    if (o.spec?.namespaceSelector?.matchNames) o.spec.namespaceSelector.matchNames = [o.metadata.namespace];
    for (const subject of o.subjects ?? []) subject.namespace = o.metadata.namespace;
    if (i % 10 === 0 && o.kind === 'Deployment') delete o.spec.template.spec.containers[0].resources.limits;
  }
  return objects;
}

function measure(label: string, objects: KubeObject[]): void {
  checkManifests(objects.slice(0, 1000)); // warm-up
  const runs = 5;
  let best = Infinity;
  let findings = 0;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    findings = checkManifests(objects).findings.length;
    best = Math.min(best, performance.now() - start);
  }
  const seconds = best / 1000;
  process.stdout.write(
    `${label}: ${objects.length} objects, ${findings} findings in ${best.toFixed(0)} ms (best of ${runs}): ` +
      `${Math.round(objects.length / seconds).toLocaleString('en')} objects/s, ${Math.round(findings / seconds).toLocaleString('en')} findings/s\n`,
  );
}

measure('one namespace per copy', Array.from({ length: copies }, (_, i) => copy(i, false)).flat());
measure('all copies in one namespace', Array.from({ length: copies }, (_, i) => copy(i, true)).flat());
