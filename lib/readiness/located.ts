import { checkManifests, CheckOptions, Finding, Report, SuppressedFinding } from './check';
import type { KubeObject } from './types';

/** Objects from one file, as `collectManifests` returns them or as the CLI reads them. */
export interface ManifestSource {
  /** The file, relative to the output folder (e.g. `production/order-api.yaml`) or as given on the command line. */
  readonly path: string;
  /** The objects, in file order. */
  readonly objects: readonly object[];
  /**
   * The construct path of each object, parallel to `objects`.
   * @default - unknown; reports name the file and the object instead
   */
  readonly paths?: readonly string[];
  /**
   * The line (1-based) each object's YAML document starts on, parallel to `objects`.
   * @default - unknown (objects that never were YAML text); reports name no line
   */
  readonly lines?: readonly (number | undefined)[];
}

/** Where a finding's object comes from. */
export interface Location {
  /** The file. */
  readonly file: string;
  /**
   * The construct path that produced the object.
   * @default - unknown (manifests not produced by this library)
   */
  readonly path?: string;
  /**
   * The line of the file where the object's document starts.
   * @default - unknown
   */
  readonly line?: number;
}

/** A report whose findings also name their file and construct path. */
export interface LocatedReport extends Omit<Report, 'findings' | 'suppressed'> {
  /** Findings with their location. */
  readonly findings: readonly (Finding & Location)[];
  /** Suppressed findings with their location. */
  readonly suppressed: readonly (SuppressedFinding & Location)[];
}

/** Checks the objects of several files as one output (cross-object rules see all of them). */
export function checkManifestFiles(files: readonly ManifestSource[], options: CheckOptions = {}): LocatedReport {
  const objects: KubeObject[] = [];
  const locations: Location[] = [];
  for (const file of files) {
    file.objects.forEach((object, i) => {
      objects.push(object as KubeObject);
      const path = file.paths?.[i];
      const line = file.lines?.[i];
      locations.push({
        file: file.path,
        ...(path !== undefined && { path }),
        ...(line !== undefined && { line }),
      });
    });
  }
  const report = checkManifests(objects, options);
  return {
    ...report,
    findings: report.findings.map((f) => ({ ...f, ...locations[f.objectIndex] })),
    suppressed: report.suppressed.map((f) => ({ ...f, ...locations[f.objectIndex] })),
  };
}

/** An object as reports name it: `Kind/namespace/name`, or `Kind/name` when cluster-scoped. */
export function objectName(object: { kind: string; namespace?: string; name: string }): string {
  return `${object.kind}/${object.namespace ? `${object.namespace}/` : ''}${object.name}`;
}

/** Where a finding points: the construct path when known, else the file and the object. */
export function origin(finding: Finding & Location): string {
  const file = finding.line === undefined ? finding.file : `${finding.file}:${finding.line}`;
  return finding.path ?? `${file} ${finding.kind}/${finding.name}`;
}

/** Thrown when a check finds error-level problems; the message lists each with its construct path. */
export class ReadinessError extends Error {
  /** The full report, warnings and suppressions included. */
  public readonly report: LocatedReport;

  public constructor(report: LocatedReport) {
    const errors = report.findings.filter((f) => f.level === 'error');
    super(
      `Readiness check (pack ${report.pack}) found ${errors.length} error(s):\n  ` +
        errors.map((f) => `[${origin(f)}] ${f.kind}/${f.name} ${f.ruleId}: ${f.message}. Fix: ${f.fix}`).join('\n  '),
    );
    this.name = 'ReadinessError';
    this.report = report;
  }
}

/**
 * Checks synthesized files and throws a {@link ReadinessError} naming the construct path of every object
 * with an error-level finding; returns the report (warnings, suppressions) otherwise.
 */
export function assertReady(files: readonly ManifestSource[], options: CheckOptions = {}): LocatedReport {
  const report = checkManifestFiles(files, options);
  if (report.summary.errors > 0) throw new ReadinessError(report);
  return report;
}
