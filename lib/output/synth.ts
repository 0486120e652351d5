import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { Manifest } from './yaml';
import { YamlWriter } from './yaml-writer';

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
  validateConstructs(root.node.findAll());
}

function validateConstructs(constructs: readonly IConstruct[]): void {
  const errors: string[] = [];
  for (const c of constructs) {
    for (const message of c.node.validate()) errors.push(`[${c.node.path}] ${message}`);
  }
  if (errors.length > 0) {
    throw new Error(`Validation failed:\n  ${errors.join('\n  ')}`);
  }
}

/**
 * Renders every chart under `root` to plain objects, one file per chart, named after the chart's
 * construct path: chart `production/order-api` becomes `production/order-api.yaml`.
 * One walk of the tree serves validation (once for the whole tree; cdk8s's `Chart.toJson` repeats
 * it per chart) and the grouping of objects by chart, so the cost stays linear in the tree size.
 */
export function collectManifests(root: IConstruct): ManifestFile[] {
  const constructs = root.node.findAll();
  validateConstructs(constructs);
  // Pre-order: a chart comes before its objects, and each chart's objects keep their order.
  const objectsByChart = new Map<Chart, ApiObject[]>();
  for (const c of constructs) {
    if (Chart.isChart(c)) objectsByChart.set(c, []);
    else if (c instanceof ApiObject) objectsByChart.get(c.chart)?.push(c);
  }
  const files: ManifestFile[] = [];
  const seen = new Set<string>();
  for (const [chart, apiObjects] of objectsByChart) {
    if (apiObjects.length === 0) continue;
    const relative = chart.node.path.split('/').filter(Boolean).join('/');
    const file: ManifestFile = { path: `${relative}.yaml`, objects: apiObjects.map((o) => o.toJson() as Manifest) };
    // The construct path of each object, for error reports; not enumerable, so snapshots ignore it.
    Object.defineProperty(file, 'paths', { value: apiObjects.map((o) => o.node.path), enumerable: false });
    if (seen.has(file.path)) throw new Error(`two charts write ${file.path}; give them different construct ids`);
    seen.add(file.path);
    files.push(file);
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
 * The content of every output file, by relative path: manifests as YAML, text files as they are.
 * What {@link writeOutput} writes, byte for byte, so a diff can compare it without writing.
 */
export function renderOutput(manifests: readonly ManifestFile[], texts: readonly TextFile[] = []): Map<string, string> {
  const files = new Map<string, string>();
  const yaml = new YamlWriter(); // one writer, so its string cache serves every file
  for (const m of manifests) files.set(m.path, yaml.stream(m.objects));
  for (const t of texts) files.set(t.path, t.content);
  return files;
}

/**
 * Replaces `outdir` with exactly the given files: manifests as YAML, text files as they are.
 * Nothing else is left behind (no construct metadata, no stale files). Files whose content is
 * already there are not rewritten, so a synth that changes one service touches one file, and
 * stale files are removed one by one instead of deleting and recreating the whole folder.
 */
export function writeOutput(outdir: string, manifests: readonly ManifestFile[], texts: readonly TextFile[] = []): void {
  const files = renderOutput(manifests, texts);
  for (const file of listFiles(outdir)) {
    if (!files.has(file)) fs.rmSync(path.join(outdir, ...file.split('/')), { force: true });
  }
  removeEmptyFolders(outdir);
  const folders = new Set<string>();
  for (const [relative, content] of files) {
    const target = path.join(outdir, ...relative.split('/'));
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    if (!hasContent(target, content)) fs.writeFileSync(target, content);
  }
}

/** Relative paths, with forward slashes, of everything below `dir` that is not a folder. */
function listFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), relative) : [relative];
  });
}

function hasContent(file: string, content: string): boolean {
  try {
    const existing = fs.readFileSync(file);
    return existing.length === Buffer.byteLength(content) && existing.toString('utf8') === content;
  } catch {
    return false;
  }
}

/** Removes folders below `dir` left empty once stale files are gone. */
function removeEmptyFolders(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = path.join(dir, entry.name);
    removeEmptyFolders(folder);
    if (fs.readdirSync(folder).length === 0) fs.rmdirSync(folder);
  }
}
