import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { fail } from '../core/errors';
import { outputRootOf } from '../core/output-scope';
import { Manifest } from './yaml';

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
  assertUniqueObjects(root, objectsByChart);
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

/**
 * Refuses two objects with the same API group, kind, namespace and name in one output, whoever made
 * them (this library, raw cdk8s, cdk8s-plus, Include or Helm): applied together, one would overwrite
 * the other. The error names both construct paths.
 */
function assertUniqueObjects(root: IConstruct, objectsByChart: ReadonlyMap<Chart, readonly ApiObject[]>): void {
  const made = new Map<string, ApiObject>();
  for (const [chart, apiObjects] of objectsByChart) {
    const output = outputRootOf(chart, root).node.path;
    for (const o of apiObjects) {
      const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : '';
      const namespace = o.metadata.namespace ?? '';
      const key = [output, group, o.kind, namespace, o.name].join('\0');
      const first = made.get(key);
      if (first) {
        const where = namespace ? ` in namespace "${namespace}"` : '';
        fail(
          o,
          `${o.kind} "${o.name}"${where} is also made by [${first.node.path}]; applied together, one would overwrite ` +
            `the other: give one of them another name or namespace`,
        );
      }
      made.set(key, o);
    }
  }
}
