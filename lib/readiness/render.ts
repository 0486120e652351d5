import type { Finding } from './check';
import type { LocatedReport, Location } from './located';
import { origin } from './located';

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

/** The report as a JSON document: `{ findings, suppressed, summary }`, stable key order, one trailing newline. */
export function renderJson(report: LocatedReport): string {
  return `${JSON.stringify(
    {
      findings: report.findings.map(toJson),
      suppressed: report.suppressed.map((s) => ({ ...toJson(s), reason: s.reason })),
      summary: { pack: report.pack, pssVersion: report.pssVersion, ...report.summary },
    },
    null,
    2,
  )}\n`;
}

/** The report for a terminal: one block per finding, suppressions listed, a summary line. */
export function renderText(report: LocatedReport): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    lines.push(
      `${f.level.toUpperCase()} ${f.ruleId} ${f.kind}/${f.namespace ? `${f.namespace}/` : ''}${f.name} [${origin(f)}]`,
    );
    lines.push(`  ${f.message}${f.field ? ` (at ${f.field})` : ''}`);
    lines.push(`  fix: ${f.fix}`);
  }
  for (const s of report.suppressed) {
    lines.push(
      `SUPPRESSED ${s.ruleId} ${s.kind}/${s.namespace ? `${s.namespace}/` : ''}${s.name} [${origin(s)}]: ${s.message}`,
    );
    lines.push(`  reason: ${s.reason}`);
  }
  const { objects, errors, warnings, infos, suppressed } = report.summary;
  lines.push(
    `${objects} object(s) checked with pack ${report.pack} (Pod Security ${report.pssVersion}): ${errors} error(s), ${warnings} warning(s), ${infos} info, ${suppressed} suppressed`,
  );
  return `${lines.join('\n')}\n`;
}
