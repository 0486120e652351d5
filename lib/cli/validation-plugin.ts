import * as fs from 'fs';
import * as path from 'path';
import { CheckOptions } from '../readiness/check';
import { checkManifestFiles, CONSTRUCT_PATHS_FILE, LocatedReport, ManifestSource, origin } from '../readiness/files';
import { RULES_BY_ID } from '../readiness/registry';
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
}

/** Finds the construct paths a synth recorded next to the manifests, and removes that file so the output stays manifests only. */
function takeConstructPaths(
  manifest: string,
  cache: Map<string, Record<string, string[]> | null>,
): { dir: string; paths: Record<string, string[]> } | undefined {
  for (let dir = path.dirname(path.resolve(manifest)); ; dir = path.dirname(dir)) {
    if (!cache.has(dir)) {
      const file = path.join(dir, CONSTRUCT_PATHS_FILE);
      cache.set(dir, fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);
      if (fs.existsSync(file)) fs.rmSync(file);
    }
    const found = cache.get(dir);
    if (found) return { dir, paths: found };
    if (dir === path.dirname(dir) || dir === process.cwd()) return undefined;
  }
}

/** Reads the manifests the cdk8s CLI synthesized, with the construct path of each object when recorded. */
export function readSynthesized(manifests: readonly string[]): ManifestSource[] {
  const cache = new Map<string, Record<string, string[]> | null>();
  return manifests.map((file) => {
    const source = parseManifestText(fs.readFileSync(file, 'utf8'), file);
    const recorded = takeConstructPaths(file, cache);
    const paths = recorded?.paths[path.relative(recorded.dir, path.resolve(file)).split(path.sep).join('/')];
    return paths && paths.length === source.objects.length ? { ...source, paths } : source;
  });
}

/** Adds one violation per rule to the CLI report; each occurrence names its construct path itself. */
export function reportViolations(report: LocatedReport, context: ValidationContextLike): void {
  const byRule = new Map<string, LocatedReport['findings'][number][]>();
  for (const f of report.findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  for (const [ruleId, findings] of byRule) {
    const rule = RULES_BY_ID.get(ruleId);
    context.report.addViolation({
      ruleName: `${ruleId} [${findings[0].level}]`,
      recommendation: rule ? `${rule.summary} ${rule.why}` : findings[0].message,
      fix: findings[0].fix,
      violatingResources: findings.map((f) => ({
        resourceName: `${origin(f)} (${f.kind}/${f.namespace ? `${f.namespace}/` : ''}${f.name})`,
        manifestPath: f.file,
        locations: [`${f.field ?? '(object)'}: ${f.message}`],
      })),
    });
  }
  for (const s of report.suppressed) {
    context.report.addViolation({
      ruleName: `${s.ruleId} [suppressed]`,
      recommendation: `Suppressed: ${s.reason}`,
      fix: s.fix,
      violatingResources: [
        {
          resourceName: `${origin(s)} (${s.kind}/${s.name})`,
          manifestPath: s.file,
          locations: [`${s.field ?? '(object)'}: ${s.message}`],
        },
      ],
    });
  }
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
    const report = checkManifestFiles(readSynthesized(context.manifests), this.options);
    reportViolations(report, context);
    const { objects, errors, warnings, infos, suppressed } = report.summary;
    context.report.submit(errors > 0 ? 'failure' : 'success', {
      pack: report.pack,
      pssVersion: report.pssVersion,
      objects: String(objects),
      errors: String(errors),
      warnings: String(warnings),
      infos: String(infos),
      suppressed: String(suppressed),
    });
  }
}
