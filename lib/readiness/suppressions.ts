import { POD_SECURITY_EXEMPTION_ANNOTATION } from '../core/pod-security';
import { READINESS_SUPPRESS_ANNOTATION } from '../core/readiness-suppression';
import { at, record, text } from './object';
import type { KubeObject } from './types';

/** The annotation that carries an object's suppressions, as a JSON array (the key the constructs write). */
export const SUPPRESS_ANNOTATION = READINESS_SUPPRESS_ANNOTATION;

/**
 * The annotation with which a workload declares itself exempt from the Pod Security profile, stating
 * what and why (e.g. a node agent's host paths). It suppresses every `pss-*` rule on that object, with
 * the annotation's text as the reason, just as the namespace's Pod Security labels admit it. The same
 * key as {@link POD_SECURITY_EXEMPTION_ANNOTATION}, which the constructs write.
 */
export const POD_SECURITY_EXEMPTION = POD_SECURITY_EXEMPTION_ANNOTATION;

/** The shortest reason a suppression may give. */
export const MIN_REASON_LENGTH = 10;

/** One accepted suppression: the rule it silences on this object and why. */
export interface Suppression {
  /** The rule id. */
  readonly rule: string;
  /** Why the object may break the rule, at least `MIN_REASON_LENGTH` characters. */
  readonly reason: string;
}

/** The suppressions of an object, plus the problems with the ones that could not be accepted. */
export interface ParsedSuppressions {
  /** Accepted suppressions. */
  readonly accepted: readonly Suppression[];
  /** Why an entry (or the whole annotation) was refused; each becomes a finding. */
  readonly problems: readonly string[];
}

/**
 * Builds the annotation value for `suppressions`, for constructs that exempt an object:
 * `metadata.annotations[SUPPRESS_ANNOTATION] = suppressionAnnotation([{ rule, reason }])`.
 */
export function suppressionAnnotation(suppressions: readonly Suppression[]): string {
  return JSON.stringify(suppressions.map((s) => ({ rule: s.rule, reason: s.reason })));
}

const NONE: ParsedSuppressions = { accepted: [], problems: [] };

/**
 * Reads the suppression annotation of `object` (and its Pod Security exemption). An entry needs a `rule` that the registry knows and a
 * `reason` of at least ten characters; anything else is refused and reported, never silently applied.
 */
export function parseSuppressions(object: KubeObject, knownRules: ReadonlySet<string>): ParsedSuppressions {
  const raw = text(at(object, 'metadata', 'annotations', SUPPRESS_ANNOTATION));
  const exemption = text(at(object, 'metadata', 'annotations', POD_SECURITY_EXEMPTION));
  if (raw === undefined && exemption === undefined) return NONE;
  const accepted: Suppression[] = [];
  const problems: string[] = [];
  if (exemption !== undefined) {
    if (exemption.trim().length < MIN_REASON_LENGTH)
      problems.push(
        `${POD_SECURITY_EXEMPTION} needs a reason of at least ${MIN_REASON_LENGTH} characters, got "${exemption}"`,
      );
    else for (const rule of knownRules) if (rule.startsWith('pss-')) accepted.push({ rule, reason: exemption.trim() });
  }
  if (raw === undefined) return { accepted, problems };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { accepted, problems: [...problems, `annotation ${SUPPRESS_ANNOTATION} is not valid JSON: ${raw}`] };
  }
  if (!Array.isArray(parsed)) {
    return {
      accepted,
      problems: [...problems, `annotation ${SUPPRESS_ANNOTATION} must be a JSON array of {"rule","reason"} entries`],
    };
  }
  for (const entry of parsed) {
    const rule = text(record(entry).rule) ?? '';
    const reason = (text(record(entry).reason) ?? '').trim();
    if (!knownRules.has(rule)) problems.push(`suppression names unknown rule "${rule}"`);
    else if (reason.length < MIN_REASON_LENGTH) {
      problems.push(
        `suppression of ${rule} needs a reason of at least ${MIN_REASON_LENGTH} characters, got "${reason}"`,
      );
    } else accepted.push({ rule, reason });
  }
  return { accepted, problems };
}
