import * as fs from 'fs';
import * as path from 'path';
import { CheckOptions } from '../readiness/check';
import { checkManifestFiles, LocatedReport, ManifestSource, origin } from '../readiness/located';
import { RULES_BY_ID } from '../readiness/registry';
import { CONSTRUCT_METADATA_FILE, ConstructMetadata, violationResourceName } from './construct-metadata';
import { parseManifestText } from './read-manifests';

/** The part of the cdk8s CLI's validation context this plugin uses (cdk8s-cli `ValidationContext`). */
export interface ValidationContextLike {
  /** Paths of the synthesized manifest files. */
  readonly manifests: readonly string[];
  /** The report the CLI prints. */
  readonly report: {
    addViolation(violation: {
      ruleName: string;
      recommendation: string;
      fix: string;
      violatingResources: { resourceName: string; locations: string[]; manifestPath: string }[];
    }): void;
    submit(status: 'success' | 'failure', metadata?: Record<string, string>): void;
  };
  /**
   * The CLI's logger; reasoned exemptions are listed through it.
   * @default - exemptions are only counted in the report's summary
   */
  readonly logger?: { log(message: string): void };
}

/** Manifests the cdk8s CLI synthesized, read with the construct path of each object where the synth recorded it. */
export interface SynthesizedManifests {
  /** One source per manifest file, `path` as the CLI gave it. */
  readonly sources: ManifestSource[];
  /** Each manifest's path relative to the output folder (the key the synth recorded it under). */
  readonly relativePaths: ReadonlyMap<string, string>;
}

/** Finds the construct metadata a synth recorded above `manifest`, and removes that file so the output stays manifests only. */
function takeConstructMetadata(
  manifest: string,
  cache: Map<string, ConstructMetadata | null>,
): { dir: string; metadata: ConstructMetadata } | undefined {
  for (let dir = path.dirname(path.resolve(manifest)); ; dir = path.dirname(dir)) {
    if (!cache.has(dir)) {
      const file = path.join(dir, CONSTRUCT_METADATA_FILE);
      const found = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as ConstructMetadata) : null;
      cache.set(dir, found?.manifests ? found : null);
      if (found?.manifests) fs.rmSync(file);
    }
    const found = cache.get(dir);
    if (found) return { dir, metadata: found };
    if (dir === path.dirname(dir) || dir === process.cwd()) return undefined;
  }
}

/** Reads the manifests the cdk8s CLI synthesized, with the construct path of each object when recorded. */
export function readSynthesized(manifests: readonly string[]): SynthesizedManifests {
  const cache = new Map<string, ConstructMetadata | null>();
  const relativePaths = new Map<string, string>();
  const sources = manifests.map((file) => {
    const source = parseManifestText(fs.readFileSync(file, 'utf8'), file);
    const recorded = takeConstructMetadata(file, cache);
    if (!recorded) return source;
    const relative = path.relative(recorded.dir, path.resolve(file)).split(path.sep).join('/');
    relativePaths.set(file, relative);
    const paths = recorded.metadata.manifests[relative];
    return paths && paths.length === source.objects.length ? { ...source, paths } : source;
  });
  return { sources, relativePaths };
}

/** How a violation names an object: the key under which the synth recorded its construct path for the CLI. */
function resourceName(
  f: { file: string; kind: string; namespace?: string; name: string },
  relativePaths: ReadonlyMap<string, string>,
): string {
  return violationResourceName(relativePaths.get(f.file) ?? f.file, f);
}

/**
 * Adds one violation per rule to the CLI report; the CLI prints each occurrence's construct path.
 * Suppressed findings are not violations: they are reasoned exemptions, listed through the logger.
 */
export function reportViolations(
  report: LocatedReport,
  context: ValidationContextLike,
  relativePaths: ReadonlyMap<string, string> = new Map(),
): void {
  const byRule = new Map<string, LocatedReport['findings'][number][]>();
  for (const f of report.findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  for (const [ruleId, findings] of byRule) {
    const rule = RULES_BY_ID.get(ruleId);
    context.report.addViolation({
      ruleName: `${ruleId} [${findings[0].level}]`,
      recommendation: rule ? `${rule.summary} ${rule.why}` : findings[0].message,
      fix: findings[0].fix,
      violatingResources: findings.map((f) => ({
        resourceName: resourceName(f, relativePaths),
        manifestPath: f.file,
        locations: [`${f.field ?? '(object)'}: ${f.message}`],
      })),
    });
  }
  if (report.suppressed.length > 0 && context.logger) context.logger.log(describeExemptions(report));
}

/** The suppressed findings as what they are: one line per object and reason, naming the rules it is exempt from. */
export function describeExemptions(report: LocatedReport): string {
  const byObject = new Map<string, { where: string; reason: string; rules: Set<string> }>();
  for (const s of report.suppressed) {
    const key = `${origin(s)}\0${s.reason}`;
    if (!byObject.has(key)) byObject.set(key, { where: origin(s), reason: s.reason, rules: new Set() });
    byObject.get(key)!.rules.add(s.ruleId);
  }
  return [
    `Reasoned exemptions: ${report.suppressed.length} findings suppressed on purpose, not violations.`,
    ...[...byObject.values()].map((e) => `  - ${e.where} is exempt from ${[...e.rules].join(', ')}: ${e.reason}`),
  ].join('\n');
}

/**
 * A cdk8s CLI validation plugin that runs a readiness pack over the synthesized manifests. Declared in
 * cdk8s.yaml under `validations:` (see docs/rules.md). Error-level findings fail the synth.
 */
export class ReadinessValidation {
  private readonly options: CheckOptions;

  public constructor(properties: CheckOptions = {}) {
    this.options = properties;
  }

  public async validate(context: ValidationContextLike): Promise<void> {
    const { sources, relativePaths } = readSynthesized(context.manifests);
    const report = checkManifestFiles(sources, this.options);
    reportViolations(report, context, relativePaths);
    const { objects, errors, warnings, infos, suppressed } = report.summary;
    context.report.submit(errors > 0 ? 'failure' : 'success', {
      pack: report.pack,
      pssVersion: report.pssVersion,
      objects: String(objects),
      errors: String(errors),
      warnings: String(warnings),
      infos: String(infos),
      'reasoned exemptions': String(suppressed),
    });
  }
}
