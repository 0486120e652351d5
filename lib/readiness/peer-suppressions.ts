import { annotationsOf, at, kindOf, stringMap } from './object';
import { PEER_CHECK_KINDS, PEER_CHECK_MAPPINGS, PeerTool } from './peer-checks';
import type { Suppression } from './suppressions';
import type { KubeObject } from './types';

const POLARIS_ALL = 'polaris.fairwinds.com/exempt';
const POLARIS_CHECK = /^polaris\.fairwinds\.com\/(.+)-exempt$/;
const KUBE_LINTER_PREFIX = 'ignore-check.kube-linter.io/';
const KUBE_SCORE_IGNORE = 'kube-score/ignore';

/** For each tool, the peer checks each rule covers: a rule is silenced only when all of them are exempted. */
const CHECKS_BY_RULE = new Map<PeerTool, Map<string, string[]>>();
for (const m of PEER_CHECK_MAPPINGS) {
  const byRule = CHECKS_BY_RULE.get(m.tool) ?? new Map<string, string[]>();
  CHECKS_BY_RULE.set(m.tool, byRule);
  byRule.set(m.rule, [...(byRule.get(m.rule) ?? []), m.check]);
}

/** The checks one tool exempts an object from, each with the annotation that says so. */
type Exempted = Map<string, string>;

/**
 * The suppressions that the exemption annotations of Polaris, kube-linter and kube-score on `object`
 * imply, so a team moving over keeps its exemptions: a rule is silenced when the object is exempted
 * from every check of one tool that the rule covers (Polaris `polaris.fairwinds.com/<check>-exempt: "true"`
 * or `polaris.fairwinds.com/exempt: "true"`, kube-linter `ignore-check.kube-linter.io/<check>`,
 * kube-score `kube-score/ignore` on the object or its pod template). The reason cites the annotation
 * (with kube-linter's reason), so the report shows where each exemption came from.
 */
export function peerSuppressions(object: KubeObject): Suppression[] {
  const annotations = annotationsOf(object);
  const template = templateAnnotations(object);
  if (!hasPeerAnnotation(annotations) && !(KUBE_SCORE_IGNORE in template)) return [];
  const exempted = new Map<PeerTool, Exempted>([
    [PeerTool.POLARIS, polarisExemptions(annotations)],
    [PeerTool.KUBE_LINTER, kubeLinterExemptions(annotations)],
    [PeerTool.KUBE_SCORE, kubeScoreExemptions(annotations, template)],
  ]);
  const suppressions = new Map<string, string>();
  for (const [tool, byRule] of CHECKS_BY_RULE) {
    const checks = exempted.get(tool)!;
    if (checks.size === 0) continue;
    for (const [rule, all] of byRule) {
      // Only the checks that look at this kind of object need an exemption.
      const covered = all.filter((c) => PEER_CHECK_KINDS[`${tool}/${c}`]?.includes(kindOf(object)) ?? true);
      if (suppressions.has(rule) || covered.length === 0 || !covered.every((c) => checks.has(c))) continue;
      suppressions.set(rule, `exempted for ${tool}: ${[...new Set(covered.map((c) => checks.get(c)))].join('; ')}`);
    }
  }
  return [...suppressions].map(([rule, reason]) => ({ rule, reason }));
}

function hasPeerAnnotation(annotations: Record<string, string>): boolean {
  return Object.keys(annotations).some(
    (k) => k.startsWith('polaris.fairwinds.com/') || k.startsWith(KUBE_LINTER_PREFIX) || k === KUBE_SCORE_IGNORE,
  );
}

function polarisExemptions(annotations: Record<string, string>): Exempted {
  const exempted: Exempted = new Map();
  const isTrue = (v: string | undefined) => v?.toLowerCase() === 'true';
  if (isTrue(annotations[POLARIS_ALL])) {
    for (const m of PEER_CHECK_MAPPINGS)
      if (m.tool === PeerTool.POLARIS) exempted.set(m.check, `${POLARIS_ALL}: "true"`);
  }
  for (const [key, value] of Object.entries(annotations)) {
    const check = POLARIS_CHECK.exec(key)?.[1];
    if (check && isTrue(value)) exempted.set(check, `${key}: "true"`);
  }
  return exempted;
}

function kubeLinterExemptions(annotations: Record<string, string>): Exempted {
  const exempted: Exempted = new Map();
  for (const [key, value] of Object.entries(annotations)) {
    if (!key.startsWith(KUBE_LINTER_PREFIX)) continue;
    exempted.set(key.slice(KUBE_LINTER_PREFIX.length), value.trim() === '' ? key : `${key} (${value.trim()})`);
  }
  return exempted;
}

function kubeScoreExemptions(annotations: Record<string, string>, template: Record<string, string>): Exempted {
  const exempted: Exempted = new Map();
  for (const source of [annotations, template]) {
    const value = source[KUBE_SCORE_IGNORE];
    if (value === undefined) continue;
    for (const check of value.split(',').map((c) => c.trim())) {
      if (check !== '') exempted.set(check, `${KUBE_SCORE_IGNORE}: ${value}`);
    }
  }
  return exempted;
}

/** The annotations of a workload's pod template (a CronJob's too), where kube-score also reads its ignores. */
function templateAnnotations(object: KubeObject): Record<string, string> {
  const spec = at(object, 'spec');
  return stringMap(
    at(spec, 'template', 'metadata', 'annotations') ??
      at(spec, 'jobTemplate', 'spec', 'template', 'metadata', 'annotations'),
  );
}
