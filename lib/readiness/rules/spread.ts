import { objectRule, templateFor } from '../define';
import { at, records, text } from '../object';
import { minimumReplicas } from '../relations';
import { Violation } from '../types';
import { PodTemplate } from '../workload';

const HOST = ['kubernetes.io/hostname'];
const ZONE = ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'];

/** The topology keys the pod spreads over, by topology spread constraint or pod anti-affinity. */
export function spreadKeys(template: PodTemplate): Set<string> {
  const keys = new Set<string>();
  for (const c of records(template.spec.topologySpreadConstraints)) keys.add(text(c.topologyKey) ?? '');
  const anti = at(template.spec, 'affinity', 'podAntiAffinity');
  for (const term of records(at(anti, 'requiredDuringSchedulingIgnoredDuringExecution')))
    keys.add(text(term.topologyKey) ?? '');
  for (const weighted of records(at(anti, 'preferredDuringSchedulingIgnoredDuringExecution')))
    keys.add(text(at(weighted, 'podAffinityTerm', 'topologyKey')) ?? '');
  return keys;
}

/** Guide 16.3 and 14.10: replicas spread across hosts and zones. */
export const spreadHostsZones = objectRule({
  id: 'spread-hosts-zones',
  summary: 'Workloads with more than one replica spread across hosts and across zones.',
  why: 'Guide 16.3 ("Replica count ≠ HA") and 14.10: without spreading, the scheduler may place every replica on one node or in one zone, and a single failure takes the service down.',
  fix: 'Add podAntiAffinity (or a topology spread constraint) on kubernetes.io/hostname and a topologySpreadConstraint on topology.kubernetes.io/zone.',
  kinds: ['Deployment', 'StatefulSet', 'ReplicaSet'],
  check(object, { index }) {
    const template = templateFor(object, index);
    const replicas = minimumReplicas(index, object) ?? 0;
    if (!template || replicas <= 1) return [];
    const keys = spreadKeys(template);
    const out: Violation[] = [];
    if (!HOST.some((k) => keys.has(k)))
      out.push({
        message: `${replicas} replicas are not spread across hosts (kubernetes.io/hostname)`,
        field: `${template.specPath}.affinity`,
      });
    if (!ZONE.some((k) => keys.has(k)))
      out.push({
        message: `${replicas} replicas are not spread across zones (topology.kubernetes.io/zone)`,
        field: `${template.specPath}.topologySpreadConstraints`,
      });
    return out;
  },
});
