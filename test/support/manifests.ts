import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { collectManifests, Manifest, toYaml } from '../../lib';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '..', '..');

/** The vendored CRDs next to the repository, when this machine has them. */
export const SHARED_CRDS = path.resolve(ROOT, '..', 'shared', 'crds');

/** Builds one chart in namespace `namespace` with `build` and returns its objects. */
export function synthChart(build: (chart: Chart) => void, namespace = 'production'): Manifest[] {
  const app = new App();
  const stage = new Construct(app, namespace);
  build(new Chart(stage, 'test', { namespace, disableResourceNameHashes: true }));
  return collectManifests(app).flatMap((f) => f.objects);
}

/** Builds one chart without a namespace (for cluster-scoped objects) in stage `stage`. */
export function synthClusterChart(build: (chart: Chart) => void, stage = 'production'): Manifest[] {
  const app = new App();
  build(new Chart(new Construct(app, stage), 'test', { disableResourceNameHashes: true }));
  return collectManifests(app).flatMap((f) => f.objects);
}

/** Runs the independent validator over `objects` and returns its report. */
export function validateObjects(objects: Manifest[]): ValidationReport {
  const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'cdk8s-production-objects-'));
  try {
    fs.writeFileSync(path.join(dir, 'objects.yaml'), toYaml(objects));
    return validateManifests(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The single object of `kind` named `name`; fails the test if there is not exactly one. */
export function findObject(objects: Manifest[], kind: string, name: string): any {
  const found = objects.filter((o) => o.kind === kind && (o.metadata as any)?.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind}/${name}, found ${found.length}`);
  return found[0];
}

/** Result of the independent schema validator. */
export interface ValidationReport {
  checked: number;
  byModel: number;
  byCrd: number;
  errors: { file: string; object?: string; message: string }[];
  unvalidated: string[];
  /** Objects of kinds only the vendored CRDs describe, left unchecked because ../shared/crds is absent. */
  uncheckable: string[];
}

/** Runs the independent validator (kubernetes-models, CRD schemas) over files or folders. */
export function validateManifests(...inputs: string[]): ValidationReport {
  const args = [path.join(__dirname, 'validate-manifests.mjs')];
  if (fs.existsSync(SHARED_CRDS)) args.push('--crds', SHARED_CRDS);
  let report: ValidationReport;
  try {
    report = JSON.parse(execFileSync(process.execPath, [...args, ...inputs], { encoding: 'utf8', cwd: ROOT }));
  } catch (e: any) {
    if (!e.stdout) throw e;
    report = JSON.parse(e.stdout);
  }
  if (report.uncheckable.length > 0) {
    process.stderr.write(
      `SKIPPED schema check of ${report.uncheckable.length} object(s) only the vendored CRDs describe ` +
        `(${SHARED_CRDS} is absent): ${report.uncheckable.join(', ')}\n`,
    );
  }
  return report;
}

/** Lists every file below `dir`, relative, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}
