import { CHECKER_ERROR, SUPPRESSION_INVALID } from './check';
import { PACKS } from './packs';
import { PEER_CHECK_MAPPINGS, PeerTool } from './peer-checks';
import { LATEST_PSS_MINOR, OLDEST_PSS_MINOR } from './policy-version';
import { CHECKLIST, PLAYBOOK, POD_SECURITY_BASELINE, POD_SECURITY_RESTRICTED } from './registry';
import { MIN_REASON_LENGTH, POD_SECURITY_EXEMPTION, SUPPRESS_ANNOTATION } from './suppressions';
import type { Rule } from './types';

const packNames = Object.keys(PACKS) as (keyof typeof PACKS)[];

function ruleSection(rule: Rule): string {
  const levels = packNames.map((p) => `\`${p}\`: ${PACKS[p].levels[rule.id] ?? 'off'}`).join(' · ');
  const peers = PEER_CHECK_MAPPINGS.filter((m) => m.rule === rule.id);
  const differences = [...new Set(peers.flatMap((m) => (m.difference ? [m.difference] : [])))];
  return [
    `### \`${rule.id}\``,
    '',
    rule.summary,
    '',
    `- **Levels:** ${levels}`,
    `- **Kinds:** ${rule.kinds.includes('*') ? 'every kind' : rule.kinds.join(', ')}`,
    `- **Why:** ${rule.why}`,
    `- **Fix:** ${rule.fix}`,
    ...(peers.length > 0 ? [`- **Peer checks:** ${peers.map((m) => `${m.tool} \`${m.check}\``).join(', ')}`] : []),
    ...differences.map((d) => `- **Differs on purpose:** ${d}`),
    '',
  ].join('\n');
}

function peerSection(): string[] {
  const count = (tool: PeerTool) => PEER_CHECK_MAPPINGS.filter((m) => m.tool === tool).length;
  const differing = PEER_CHECK_MAPPINGS.filter((m) => m.difference).length;
  return [
    '## Peer checkers: Polaris, kube-linter, kube-score',
    '',
    `${PEER_CHECK_MAPPINGS.length} checks of the three tools map to a rule here (Polaris ${count(PeerTool.POLARIS)}, kube-linter`,
    `${count(PeerTool.KUBE_LINTER)}, kube-score ${count(PeerTool.KUBE_SCORE)}); each rule below names its peer checks. For ${PEER_CHECK_MAPPINGS.length - differing} of them the rule`,
    `reports what the peer check reports; the other ${differing} differ on purpose (a broader or narrower rule, another level or`,
    'another object), each said under its rule as **Differs on purpose**. test/readiness/parity.test.ts proves every',
    'mapping on a fixture the peer check flags: the rule flags it too, or passes it where a difference says why.',
    '',
    'Their exemption annotations are honoured, so a team moving over keeps its exemptions: a rule is',
    'silenced on an object when the object is exempted from every check of one tool that the rule covers.',
    '',
    '| Tool | Annotation | Reason in the report |',
    '|---|---|---|',
    '| Polaris | `polaris.fairwinds.com/<check>-exempt: "true"`, or `polaris.fairwinds.com/exempt: "true"` for all | the annotation |',
    '| kube-linter | `ignore-check.kube-linter.io/<check>: <reason>` | the annotation and its reason |',
    '| kube-score | `kube-score/ignore: <check>,<check>` on the object or its pod template | the annotation |',
    '',
    `The object's own \`${SUPPRESS_ANNOTATION}\` wins over them. Checks of the peers that map to no rule here are not honoured`,
    'and not reported.',
    '',
    'The library writes these annotations itself for its deliberate choices, each with its reason in',
    '`cdk8s-production.io/peer-exemption-reason` (Polaris and kube-score keep none): the Pod Security exemptions',
    "(the etcd backup's host network and root user, a node agent's host paths), and, through",
    '`applyWorkloadPeerExemptions`, pinned images pulled `IfNotPresent`, replicas left to the HPA, tokens a',
    "binding needs, Jobs under a default deny and DaemonSets' spread; the tenant debug and break-glass Roles",
    'carry the exec exemptions of the access model.',
    '',
  ];
}

/** The rules reference (docs/rules.md), generated from the registry and the packs so it cannot drift. */
export function renderRulesReference(): string {
  const groups: [string, readonly Rule[]][] = [
    ['Pod Security Standards: baseline', POD_SECURITY_BASELINE],
    ['Pod Security Standards: restricted', POD_SECURITY_RESTRICTED],
    ["The guide's checklist", CHECKLIST],
    ['Playbook checks: how objects fit together', PLAYBOOK],
  ];
  return [
    '# Readiness rules',
    '',
    '<!-- Generated from lib/readiness by `npx tsx docs/generate-rules.ts`; test/readiness/docs.test.ts fails when it drifts. -->',
    '',
    "Every rule is a pure function over plain manifest objects (any YAML, not only this library's), with a",
    'stable id. A pack decides which rules run and at what level; error-level findings fail the check.',
    '',
    '## Running the check',
    '',
    "- **During synth:** `apps/synth.ts` calls `assertReady(manifests, { pack: 'production' })` between",
    '  `collectManifests` and `writeOutput`; the error names the construct path of each offending object.',
    '- **`cdk8s synth`:** `cdk8s.yaml` declares `bin/cdk8s-validation-plugin.js` under `validations:`; the',
    '  report is printed after synthesis, each violation carrying its construct path.',
    '- **Command line:** `cdk8s-production check [--pack NAME] [--format text|json|sarif] [--pss-version vX.Y] [--kube-version vX.Y] PATH...`',
    '  (files, folders, `-` for stdin). Exit 0 without error-level findings, 1 with, 2 on a usage error or',
    '  when an input is not checked (unparseable, not a Kubernetes object, or a path holding no object): the',
    '  other inputs are still checked and the unchecked ones named, per file, in the report. `--format sarif`',
    "  writes SARIF 2.1.0 for code-scanning tools; test/cli/sarif-schema.test.ts validates it with Microsoft's",
    "  SARIF Multitool (no errors, no warnings). Text and SARIF reports name the line where each object's",
    '  document starts (`file:line`, the SARIF region), except for the items of a `kind: List`.',
    '- **In code:** `checkManifests(objects, { pack, pssVersion })` returns the report.',
    '',
    `Pod Security rules follow the policy version given by \`pssVersion\` (v1.${OLDEST_PSS_MINOR} to v1.${LATEST_PSS_MINOR}, or \`latest\`;`,
    'default v1.28, the version the namespaces of this repository enforce). They agree with every upstream',
    'conformance fixture for v1.28 and v1.37 (`test/readiness/conformance.test.ts`).',
    '',
    '## Packs',
    '',
    '| Pack | Purpose |',
    '|---|---|',
    ...packNames.map((p) => `| \`${p}\` | ${PACKS[p].description} |`),
    '',
    '## Suppressions',
    '',
    `An object that may not meet a rule says so on itself, in the annotation \`${SUPPRESS_ANNOTATION}\`: a JSON`,
    `array of \`{"rule": "<rule id>", "reason": "<why>"}\`. The reason must be at least ${MIN_REASON_LENGTH} characters. The`,
    'suppression silences that rule on that object only, travels with the manifest into Git, and is listed in',
    'every report with its reason. For example, a node agent that must read host logs:',
    '',
    '```yaml',
    'metadata:',
    '  annotations:',
    `    ${SUPPRESS_ANNOTATION}: '[{"rule":"pss-host-path-volumes","reason":"reads /var/log of the node to ship logs"}]'`,
    '```',
    '',
    'In code, `suppressionAnnotation([{ rule, reason }])` builds the value.',
    '',
    `A workload that is exempt from the Pod Security profile as a whole (a \`NodeAgent\` with host paths) carries`,
    `\`${POD_SECURITY_EXEMPTION}: "<what and why>"\` instead: it suppresses every \`pss-*\` rule on that object, with its`,
    'text as the reason, as the namespace labels of such a workload admit it; every other rule still applies.',
    '',
    `Two findings come from the checker itself and are errors in every pack: \`${SUPPRESSION_INVALID}\` (an annotation that`,
    `is not JSON, names an unknown rule, or gives a reason under ${MIN_REASON_LENGTH} characters; the suppression is not applied)`,
    `and \`${CHECKER_ERROR}\` (a rule threw on an object: reported, never counted as a pass).`,
    '',
    ...peerSection(),
    ...groups.flatMap(([title, rules]) => [`## ${title}`, '', ...rules.map(ruleSection)]),
  ].join('\n');
}
