import type { Finding } from './check';
import type { LocatedReport, Location } from './located';
import { objectName, origin } from './located';

/** A finding as the JSON output shows it. */
export interface FindingJson {
  readonly ruleId: string;
  readonly level: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly file: string;
  /** The construct path, or null for manifests from elsewhere. */
  readonly path: string | null;
  /** The field inside the object, or null. */
  readonly field: string | null;
  readonly message: string;
  readonly fix: string;
}

function toJson(f: Finding & Location): FindingJson {
  return {
    ruleId: f.ruleId,
    level: f.level,
    kind: f.kind,
    namespace: f.namespace,
    name: f.name,
    file: f.file,
    path: f.path ?? null,
    field: f.field ?? null,
    message: f.message,
    fix: f.fix,
  };
}

/** An input the check could not take (an unparseable file, a document that is not a Kubernetes object). */
export interface UncheckedJson {
  /** The file or folder. */
  readonly file: string;
  /** Why it was not checked. */
  readonly reason: string;
}

/**
 * The report as a JSON document: `{ findings, suppressed, unchecked, summary }`, stable key order, one
 * trailing newline; `summary.unchecked` counts the inputs that were not checked.
 */
export function renderJson(report: LocatedReport, unchecked: readonly UncheckedJson[] = []): string {
  return `${JSON.stringify(
    {
      findings: report.findings.map(toJson),
      suppressed: report.suppressed.map((s) => ({ ...toJson(s), reason: s.reason })),
      unchecked: unchecked.map((u) => ({ file: u.file, reason: u.reason })),
      summary: { pack: report.pack, pssVersion: report.pssVersion, ...report.summary, unchecked: unchecked.length },
    },
    null,
    2,
  )}\n`;
}

/** The report for a terminal: one block per finding, suppressions and unchecked inputs listed, a summary line. */
export function renderText(report: LocatedReport, unchecked: readonly UncheckedJson[] = []): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    lines.push(`${f.level.toUpperCase()} ${f.ruleId} ${objectName(f)} [${origin(f)}]`);
    lines.push(`  ${f.message}${f.field ? ` (at ${f.field})` : ''}`);
    lines.push(`  fix: ${f.fix}`);
  }
  for (const s of report.suppressed) {
    lines.push(`SUPPRESSED ${s.ruleId} ${objectName(s)} [${origin(s)}]: ${s.message}`);
    lines.push(`  reason: ${s.reason}`);
  }
  for (const u of unchecked) lines.push(`NOT CHECKED ${u.file}: ${u.reason}`);
  const { objects, errors, warnings, infos, suppressed } = report.summary;
  lines.push(
    `${objects} object(s) checked with pack ${report.pack} (Pod Security ${report.pssVersion}): ${errors} error(s), ${warnings} warning(s), ${infos} info, ${suppressed} suppressed${unchecked.length > 0 ? `; ${unchecked.length} input(s) NOT checked` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}
