import { kindOf, nameOf, namespaceOf } from './object';
import { ObjectIndex } from './object-index';
import { DEFAULT_KUBE_MINOR, parseKubeMinor } from './removed-apis';
import { packNamed, PackName } from './packs';
import { parsePolicyVersion, PolicyVersionName } from './policy-version';
import { RULES, RULES_BY_ID } from './registry';
import { peerSuppressions } from './peer-suppressions';
import { parseSuppressions, SUPPRESS_ANNOTATION } from './suppressions';
import type { KubeObject, Level, Rule, RuleContext } from './types';

/** Id of the findings the checker itself reports when a rule crashes. */
export const CHECKER_ERROR = 'checker-error';
/** Id of the findings about malformed or unjustified suppressions. */
export const SUPPRESSION_INVALID = 'suppression-invalid';

/** Options of a check. */
export interface CheckOptions {
  /**
   * The pack that decides which rules run and at what level.
   * @default 'production'
   */
  readonly pack?: PackName;
  /**
   * Pod Security Standards policy version (`v1.25` … `v1.37`, or `latest`).
   * @default 'v1.28'
   */
  readonly pssVersion?: PolicyVersionName;
  /**
   * The Kubernetes version the output targets (`v1.28` ... `v1.33`); API versions it no longer serves
   * are reported.
   * @default 'v1.28'
   */
  readonly kubeVersion?: string;
  /**
   * Objects delivered before the checked ones (the platform add-ons: operator namespaces, secret
   * stores): references may resolve to them, but they are not checked themselves.
   * @default - none
   */
  readonly alsoPresent?: readonly KubeObject[];
}

/** One problem in one object. */
export interface Finding {
  /** The rule, or `checker-error` / `suppression-invalid`. */
  readonly ruleId: string;
  /** The level the pack gives the rule. */
  readonly level: Level;
  /** The object's kind. */
  readonly kind: string;
  /** The object's namespace, empty for cluster-scoped objects. */
  readonly namespace: string;
  /** The object's name. */
  readonly name: string;
  /** What is wrong. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
  /**
   * Field path inside the object.
   * @default - the object as a whole
   */
  readonly field?: string;
  /** Position of the object in the checked list. */
  readonly objectIndex: number;
}

/** A finding that a suppression on the object silenced, with its reason. */
export interface SuppressedFinding extends Finding {
  /** The reason the suppression gives. */
  readonly reason: string;
}

/** Counts of a report. */
export interface ReportSummary {
  /** Objects checked. */
  readonly objects: number;
  /** Findings at level error. */
  readonly errors: number;
  /** Findings at level warning. */
  readonly warnings: number;
  /** Findings at level info. */
  readonly infos: number;
  /** Findings silenced by suppressions. */
  readonly suppressed: number;
}

/** The result of a check. */
export interface Report {
  /** The pack used. */
  readonly pack: PackName;
  /** The Pod Security policy version used. */
  readonly pssVersion: PolicyVersionName;
  /** Findings, in object order then rule order. */
  readonly findings: readonly Finding[];
  /** Silenced findings, listed so that no suppression goes unseen. */
  readonly suppressed: readonly SuppressedFinding[];
  /** Counts. */
  readonly summary: ReportSummary;
}

const KNOWN_RULES: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

/**
 * Runs a pack over plain manifest objects. Pure: no I/O, the objects are not modified. The object index
 * is built once, and each object only meets the rules for its kind, so the check is linear in the input.
 * A rule that throws yields a `checker-error` finding at level error, never a pass.
 */
export function checkManifests(objects: readonly KubeObject[], options: CheckOptions = {}): Report {
  const pack = packNamed(options.pack ?? 'production');
  const pssVersion = parsePolicyVersion(options.pssVersion ?? 'v1.28');
  const rulesByKind = new Map<string, { rule: Rule; level: Level }[]>();
  for (const [id, level] of Object.entries(pack.levels)) {
    const rule = RULES_BY_ID.get(id);
    if (!rule) throw new Error(`pack "${pack.name}" names unknown rule "${id}"`);
    for (const kind of rule.kinds) {
      const list = rulesByKind.get(kind) ?? [];
      list.push({ rule, level });
      rulesByKind.set(kind, list);
    }
  }
  // The rules for one kind, then the rules for every kind: merged once per kind, not once per object.
  const merged = new Map<string, { rule: Rule; level: Level }[]>();
  const rulesFor = (kind: string) => {
    if (!merged.has(kind)) merged.set(kind, [...(rulesByKind.get(kind) ?? []), ...(rulesByKind.get('*') ?? [])]);
    return merged.get(kind)!;
  };
  const kubeMinor = parseKubeMinor(options.kubeVersion ?? `v1.${DEFAULT_KUBE_MINOR}`);
  if (kubeMinor === undefined) {
    throw new Error(`kube version "${options.kubeVersion}" is not a Kubernetes version; use one such as v1.28`);
  }
  const context: RuleContext = {
    index: ObjectIndex.build([...objects, ...(options.alsoPresent ?? [])]),
    pssVersion,
    kubeMinor,
  };
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];

  objects.forEach((object, objectIndex) => {
    const base = { kind: kindOf(object), namespace: namespaceOf(object), name: nameOf(object), objectIndex };
    const suppressions = parseSuppressions(object, KNOWN_RULES);
    for (const problem of suppressions.problems) {
      findings.push({
        ...base,
        ruleId: SUPPRESSION_INVALID,
        level: 'error',
        message: problem,
        fix: `Give ${SUPPRESS_ANNOTATION} a JSON array of {"rule": "<rule id>", "reason": "<why, 10+ characters>"}.`,
        field: `metadata.annotations.${SUPPRESS_ANNOTATION}`,
      });
    }
    // The object's own suppressions win over the exemptions of peer tools.
    const reasons = new Map([...peerSuppressions(object), ...suppressions.accepted].map((s) => [s.rule, s.reason]));
    for (const { rule, level } of rulesFor(base.kind)) {
      let violations;
      try {
        violations = rule.check(object, context);
      } catch (e) {
        findings.push({
          ...base,
          ruleId: CHECKER_ERROR,
          level: 'error',
          message: `rule ${rule.id} failed on this object: ${(e as Error).message}`,
          fix: 'Check that the object is well-formed; if it is, report the failing rule as a bug.',
        });
        continue;
      }
      for (const v of violations) {
        const finding: Finding = {
          ...base,
          ruleId: rule.id,
          level,
          message: v.message,
          fix: rule.fix,
          ...(v.field ? { field: v.field } : {}),
        };
        const reason = reasons.get(rule.id);
        if (reason !== undefined) suppressed.push({ ...finding, reason });
        else findings.push(finding);
      }
    }
  });

  const count = (level: Level) => findings.filter((f) => f.level === level).length;
  return {
    pack: pack.name,
    pssVersion: pssVersion.name,
    findings,
    suppressed,
    summary: {
      objects: objects.length,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      suppressed: suppressed.length,
    },
  };
}
