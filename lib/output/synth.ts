import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { Manifest, toYaml } from './yaml';

/** One output file: its path relative to the output folder and the objects it holds. */
export interface ManifestFile {
  /** Relative path with forward slashes, e.g. `production/order-api.yaml`. */
  readonly path: string;
  /** The objects, in construct order. */
  readonly objects: Manifest[];
  /**
   * The construct path of each object, parallel to `objects`, e.g. `production/order-api/order-api/Deployment`.
   * Not enumerable, so snapshots and equality checks of a ManifestFile are unchanged by it.
   * @default - unknown (files not built by `collectManifests`)
   */
  readonly paths?: string[];
}

/** Runs every construct's validations once and throws one error listing them all. */
export function validateTree(root: IConstruct): void {
  const errors: string[] = [];
  for (const c of root.node.findAll()) {
    for (const message of c.node.validate()) errors.push(`[${c.node.path}] ${message}`);
  }
  if (errors.length > 0) {
    throw new Error(`Validation failed:\n  ${errors.join('\n  ')}`);
  }
}

/**
 * Renders every chart under `root` to plain objects, one file per chart, named after the chart's
 * construct path: chart `production/order-api` becomes `production/order-api.yaml`.
 * Validation runs once for the whole tree (cdk8s's `Chart.toJson` repeats it per chart).
 */
export function collectManifests(root: IConstruct): ManifestFile[] {
  validateTree(root);
  const files: ManifestFile[] = [];
  for (const chart of root.node.findAll().filter((c): c is Chart => Chart.isChart(c))) {
    const apiObjects = chart.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject && Chart.of(c) === chart);
    if (apiObjects.length === 0) continue;
    const relative = chart.node.path.split('/').filter(Boolean).join('/');
    const file: ManifestFile = { path: `${relative}.yaml`, objects: apiObjects.map((o) => o.toJson() as Manifest) };
    Object.defineProperty(file, 'paths', { value: apiObjects.map((o) => o.node.path), enumerable: false });
    files.push(file);
  }
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`two charts write ${f.path}; give them different construct ids`);
    seen.add(f.path);
  }
  return files;
}

/** A file that is not a manifest, such as a generated summary. */
export interface TextFile {
  /** Relative path with forward slashes. */
  readonly path: string;
  /** The full content. */
  readonly content: string;
}

/**
 * Replaces `outdir` with exactly the given files: manifests as YAML, text files as they are.
 * Nothing else is left behind (no construct metadata, no stale files).
 */
export function writeOutput(outdir: string, manifests: readonly ManifestFile[], texts: readonly TextFile[] = []): void {
  fs.rmSync(outdir, { recursive: true, force: true });
  const all: TextFile[] = [...manifests.map((m) => ({ path: m.path, content: toYaml(m.objects) })), ...texts];
  for (const file of all) {
    const target = path.join(outdir, ...file.path.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content);
  }
}
