import { isAbsolute } from 'path';
import { pathToFileURL } from 'url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { CHECKER_ERROR, Finding, SUPPRESSION_INVALID } from './check';
import { LocatedReport, Location, objectName } from './located';
import { PACKS } from './packs';
import { RULES_BY_ID } from './registry';
import type { UncheckedJson } from './render';
import type { Level } from './types';

const SARIF_LEVEL: Record<Level, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** Rules that are not in the registry but can appear in a report. */
const CHECKER_RULES: Record<string, Pick<ReportingDescriptor, 'shortDescription'>> = {
  [SUPPRESSION_INVALID]: {
    shortDescription: { text: 'A suppression annotation is malformed or names an unknown rule.' },
  },
  [CHECKER_ERROR]: { shortDescription: { text: 'A rule failed on this object; the object was not fully checked.' } },
};

/**
 * The report as a SARIF 2.1.0 log, for code-scanning tools: one run, the pack's rules as the driver's
 * rules, one result per finding, and suppressed findings as results with an in-source suppression
 * and its reason; inputs that could not be checked are notifications of an unsuccessful invocation.
 * Each result names its file and, when the object was read from YAML text, the line its document
 * starts on as the region, the object as a logical location, and a partial fingerprint from the rule, the
 * object and the field, so a finding keeps its identity across runs while files change around it.
 */
export function renderSarif(
  report: LocatedReport,
  tool: { readonly version: string; readonly informationUri?: string },
  unchecked: readonly UncheckedJson[] = [],
): string {
  const levels = PACKS[report.pack].levels;
  const rules: ReportingDescriptor[] = Object.keys(levels).map((id) => {
    const rule = RULES_BY_ID.get(id)!;
    return {
      id,
      shortDescription: { text: rule.summary },
      fullDescription: { text: rule.why },
      help: { text: rule.fix },
      defaultConfiguration: { level: SARIF_LEVEL[levels[id]] },
    };
  });
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const ruleFor = (id: string): number => {
    if (!ruleIndex.has(id)) {
      ruleIndex.set(id, rules.length);
      rules.push({ id, ...CHECKER_RULES[id] });
    }
    return ruleIndex.get(id)!;
  };
  const result = (f: Finding & Location): Result => ({
    ruleId: f.ruleId,
    ruleIndex: ruleFor(f.ruleId),
    level: SARIF_LEVEL[f.level],
    message: { text: `${f.message}${f.field ? ` (at ${f.field})` : ''}. Fix: ${f.fix}` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uriOf(f.file) },
          ...(f.line !== undefined && { region: { startLine: f.line } }),
        },
        logicalLocations: [{ fullyQualifiedName: objectName(f), kind: 'object' }],
      },
    ],
    partialFingerprints: { 'objectRule/v1': `${f.ruleId}|${objectName(f)}|${f.field ?? ''}` },
    ...(f.path ? { properties: { constructPath: f.path } } : {}),
  });
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cdk8s-production',
            version: tool.version,
            ...(tool.informationUri && { informationUri: tool.informationUri }),
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: unchecked.length === 0,
            toolExecutionNotifications: unchecked.map((u) => ({
              level: 'error' as const,
              message: { text: `not checked: ${u.reason}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(u.file) } } }],
            })),
          },
        ],
        results: [
          ...report.findings.map(result),
          ...report.suppressed.map((s) => ({
            ...result(s),
            suppressions: [{ kind: 'inSource' as const, justification: s.reason }],
          })),
        ],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A file path as a SARIF artifact URI: forward slashes on every platform. */
function uriOf(file: string): string {
  const slashed = file.split('\\').join('/');
  // SARIF wants URI references: an absolute path becomes a file URI, a relative one stays relative,
  // and characters a URI may not hold (the `<stdin>` of standard input, spaces) are percent-encoded.
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return slashed.split('/').map(encodeURIComponent).join('/');
}
