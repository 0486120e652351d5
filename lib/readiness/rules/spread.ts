import { objectRule, templateFor } from '../define';
import { at, namespaceOf, record, records, text } from '../object';
import { minimumReplicas } from '../relations';
import { matchesSelector, parseSelector } from '../selector';
import { KubeObject, Violation } from '../types';
import { PodTemplate } from '../workload';

const HOST = ['kubernetes.io/hostname'];
const ZONE = ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'];

/** One anti-affinity term or spread constraint: its topology key and whether it counts the workload's own pods. */
export interface SpreadTerm {
  /** The topology key. */
  readonly key: string;
  /** Whether its labelSelector (and namespaces) select the pods of the workload that declares it. */
  readonly selectsOwnPods: boolean;
  /** Field path of the term. */
  readonly field: string;
}

/** Whether a term's selector selects the template's pods; a missing or malformed selector selects none. */
function selectsOwn(selector: unknown, template: PodTemplate): boolean {
  try {
    return matchesSelector(parseSelector(selector), template.labels);
  } catch {
    return false;
  }
}

/** Whether an affinity term's `namespaces` (default: the pod's own) and `namespaceSelector` include `ns`. */
function coversNamespace(term: Record<string, unknown>, ns: string): boolean {
  const names = Array.isArray(term.namespaces) ? term.namespaces.map(String) : [];
  if (names.length === 0 || names.includes(ns)) return true;
  return term.namespaceSelector !== undefined && term.namespaceSelector !== null;
}

/** The terms the pod spreads over, by topology spread constraint or pod anti-affinity. */
export function spreadTerms(template: PodTemplate, object: KubeObject): SpreadTerm[] {
  const ns = namespaceOf(object);
  const out: SpreadTerm[] = [];
  records(template.spec.topologySpreadConstraints).forEach((c, i) =>
    out.push({
      key: text(c.topologyKey) ?? '',
      selectsOwnPods: selectsOwn(c.labelSelector, template),
      field: `${template.specPath}.topologySpreadConstraints[${i}]`,
    }),
  );
  const anti = at(template.spec, 'affinity', 'podAntiAffinity');
  const path = `${template.specPath}.affinity.podAntiAffinity`;
  const addTerm = (term: Record<string, unknown>, field: string) =>
    out.push({
      key: text(term.topologyKey) ?? '',
      selectsOwnPods: selectsOwn(term.labelSelector, template) && coversNamespace(term, ns),
      field,
    });
  records(at(anti, 'requiredDuringSchedulingIgnoredDuringExecution')).forEach((term, i) =>
    addTerm(term, `${path}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`),
  );
  records(at(anti, 'preferredDuringSchedulingIgnoredDuringExecution')).forEach((weighted, i) =>
    addTerm(
      record(weighted.podAffinityTerm),
      `${path}.preferredDuringSchedulingIgnoredDuringExecution[${i}].podAffinityTerm`,
    ),
  );
  return out;
}

/** The violation for one topology, or none when a term on one of `keys` selects the workload's own pods. */
function unspread(
  terms: readonly SpreadTerm[],
  keys: readonly string[],
  what: string,
  replicas: number,
  field: string,
): Violation[] {
  const onKey = terms.filter((t) => keys.includes(t.key));
  if (onKey.some((t) => t.selectsOwnPods)) return [];
  const base = `${replicas} replicas are not spread across ${what} (${keys[0]})`;
  return onKey.length === 0
    ? [{ message: base, field }]
    : [
        {
          message: `${base}: the term at ${onKey[0].field} has no labelSelector selecting the workload's own pods (or names other namespaces), so it spreads nothing`,
          field: `${onKey[0].field}.labelSelector`,
        },
      ];
}

/** Guide 16.3 and 14.10: replicas spread across hosts and zones. */
export const spreadHostsZones = objectRule({
  id: 'spread-hosts-zones',
  summary:
    "Workloads with more than one replica spread across hosts and across zones, by terms whose labelSelector selects the workload's own pods.",
  why: 'Guide 16.3 ("Replica count ≠ HA") and 14.10: without spreading, the scheduler may place every replica on one node or in one zone, and a single failure takes the service down. A term or constraint counts only the pods its labelSelector selects: one without a labelSelector, or selecting other pods, spreads nothing.',
  fix: "Add podAntiAffinity (or a topology spread constraint) on kubernetes.io/hostname and a topologySpreadConstraint on topology.kubernetes.io/zone, each with a labelSelector matching the pod template's own labels.",
  kinds: ['Deployment', 'StatefulSet', 'ReplicaSet'],
  check(object, { index }) {
    const template = templateFor(object, index);
    const replicas = minimumReplicas(index, object) ?? 0;
    if (!template || replicas <= 1) return [];
    const terms = spreadTerms(template, object);
    return [
      ...unspread(terms, HOST, 'hosts', replicas, `${template.specPath}.affinity`),
      ...unspread(terms, ZONE, 'zones', replicas, `${template.specPath}.topologySpreadConstraints`),
    ];
  },
});
