import { LabelSelector, selectorMatches } from '../core/label-selector';
import { declaredReplicas, podTemplateOf } from '../readiness/workload';
import { externalDependenciesOf } from '../core/external-dependency';
import { Manifest } from './yaml';

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are untyped YAML data */

interface Workload {
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly pod: any;
  readonly object: any;
}

/** Every object that runs pods, with its pod template: the kinds the readiness rules know, read as they read them. */
function workloadsOf(objects: readonly Manifest[]): Workload[] {
  return objects.flatMap((o: any) => {
    const template = podTemplateOf(o);
    if (!template) return [];
    return [
      {
        kind: o.kind,
        name: o.metadata.name,
        namespace: o.metadata.namespace ?? '',
        labels: template.labels,
        pod: template.spec,
        object: o,
      },
    ];
  });
}

/** Objects of one kind in one namespace; built once per summary so each workload's lookups stay cheap. */
type Lookup = (kind: string, namespace: string) => any[];

function lookupOf(objects: readonly Manifest[]): Lookup {
  const byKey = new Map<string, any[]>();
  for (const o of objects as any[]) {
    const key = `${o.kind}\u0000${o.metadata?.namespace ?? ''}`;
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key)!.push(o);
  }
  return (kind, namespace) => byKey.get(`${kind}\u0000${namespace}`) ?? [];
}

function replicasOf(w: Workload, inNamespace: Lookup): string {
  const hpa = inNamespace('HorizontalPodAutoscaler', w.namespace).find(
    (h) => h.spec?.scaleTargetRef?.kind === w.kind && h.spec?.scaleTargetRef?.name === w.name,
  );
  if (hpa) return `${hpa.spec.minReplicas ?? 1}..${hpa.spec.maxReplicas} (HPA)`;
  if (w.kind === 'DaemonSet') return 'one per node';
  if (w.kind === 'CronJob') return `schedule \`${w.object.spec.schedule}\``;
  return String(declaredReplicas(w.object) ?? 1);
}

function resourcesOf(w: Workload, resource: 'cpu' | 'memory'): string {
  return (w.pod.containers ?? [])
    .map((c: any) => `${c.resources?.requests?.[resource] ?? '-'} / ${c.resources?.limits?.[resource] ?? '-'}`)
    .join(', ');
}

function budgetOf(w: Workload, inNamespace: Lookup): string {
  const pdbs = inNamespace('PodDisruptionBudget', w.namespace).filter((p) =>
    selectorMatches(p.spec?.selector as LabelSelector, w.labels),
  );
  if (pdbs.length === 0) return 'none';
  return pdbs
    .map((p) =>
      p.spec.minAvailable !== undefined
        ? `minAvailable ${p.spec.minAvailable}`
        : `maxUnavailable ${p.spec.maxUnavailable}`,
    )
    .join(', ');
}

function placementOf(w: Workload): string {
  const parts: string[] = [];
  const terms = w.pod.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    for (const e of term.matchExpressions ?? []) parts.push(`${e.key} ${e.operator} ${(e.values ?? []).join('|')}`);
  }
  for (const [k, v] of Object.entries(w.pod.nodeSelector ?? {})) parts.push(`${k}=${v}`);
  if (w.pod.affinity?.podAntiAffinity) parts.push('apart across hosts');
  for (const t of w.pod.topologySpreadConstraints ?? []) {
    parts.push(`spread over ${t.topologyKey.split('/').pop()} (skew ${t.maxSkew}, ${t.whenUnsatisfiable})`);
  }
  return parts.length > 0 ? parts.join('; ') : 'anywhere';
}

function portsOf(w: Workload, inNamespace: Lookup): string {
  const services = inNamespace('Service', w.namespace).filter(
    (s) => s.spec?.selector && selectorMatches({ matchLabels: s.spec.selector }, w.labels),
  );
  const exposed = services.flatMap((s) =>
    (s.spec.ports ?? []).map(
      (p: any) => `${s.metadata.name}:${p.port}${p.name ? ` (${p.name})` : ''} -> ${p.targetPort ?? p.port}`,
    ),
  );
  return exposed.length > 0 ? exposed.join(', ') : 'not exposed';
}

/** The peers a NetworkPolicy peer stands for: the workloads it selects where it names them, else a description. */
function describePeer(peer: any, namespace: string, workloads: Workload[]): string[] {
  if (peer.ipBlock) return [`cidr ${peer.ipBlock.cidr}`];
  const nsName = peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'];
  const nsPart = peer.namespaceSelector
    ? nsName
      ? `namespace ${nsName}`
      : Object.keys(peer.namespaceSelector).length === 0
        ? 'all namespaces'
        : `namespaces ${labelText(peer.namespaceSelector.matchLabels)}`
    : undefined;
  if (!peer.podSelector) return [nsPart ?? 'anyone'];
  const targetNs = nsName ?? (peer.namespaceSelector ? undefined : namespace);
  const matches = workloads.filter(
    (w) => targetNs !== undefined && w.namespace === targetNs && selectorMatches(peer.podSelector, w.labels),
  );
  if (matches.length > 0) return matches.map((m) => `${m.namespace}/${m.name}`);
  const pods = `pods ${labelText(peer.podSelector.matchLabels) || 'all'}`;
  return [nsPart ? `${pods} in ${nsPart}` : pods];
}

function labelText(labels: Record<string, string> | undefined): string {
  return Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

function portText(ports: any[] | undefined): string {
  if (!ports || ports.length === 0) return 'any port';
  return ports.map((p) => `${p.protocol ?? 'TCP'}/${p.port ?? '*'}`).join(', ');
}

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly ports: string;
}

function networkOf(w: Workload, inNamespace: Lookup, workloads: Workload[]) {
  const policies = inNamespace('NetworkPolicy', w.namespace).filter((p) =>
    selectorMatches(p.spec?.podSelector as LabelSelector, w.labels),
  );
  const self = `${w.namespace}/${w.name}`;
  const ingress: Edge[] = [];
  const egress: Edge[] = [];
  for (const policy of policies) {
    for (const rule of policy.spec.ingress ?? []) {
      for (const peer of rule.from ?? [{}])
        for (const from of describePeer(peer, w.namespace, workloads))
          ingress.push({ from, to: self, ports: portText(rule.ports) });
    }
    for (const rule of policy.spec.egress ?? []) {
      for (const peer of rule.to ?? [{}])
        for (const to of describePeer(peer, w.namespace, workloads))
          egress.push({ from: self, to, ports: portText(rule.ports) });
    }
  }
  const isolated = policies.length > 0;
  return { ingress: uniqueEdges(ingress), egress: uniqueEdges(egress), isolated };
}

function uniqueEdges(edges: Edge[]): Edge[] {
  const seen = new Set<string>();
  return edges.filter((e) => {
    const key = `${e.from}\u0000${e.to}\u0000${e.ports}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function nodeId(name: string, ids: Map<string, string>): string {
  if (!ids.has(name)) ids.set(name, `n${ids.size}`);
  return ids.get(name)!;
}

/**
 * A human summary of one environment's manifests in Markdown: a table of workloads (replica range,
 * resources, disruption budget, priority, placement, exposed ports, allowed peers) and a Mermaid
 * diagram of who may talk to whom according to the NetworkPolicies. Works on any manifests.
 */
export function renderSummary(environment: string, objects: readonly Manifest[]): string {
  const workloads = workloadsOf(objects).sort((a, b) =>
    `${a.namespace}/${a.name}/${a.kind}` < `${b.namespace}/${b.name}/${b.kind}` ? -1 : 1,
  );
  const lines: string[] = [
    `# ${environment}`,
    '',
    'Generated by `npm run synth` from the manifests in this folder; do not edit.',
    '',
    '## Workloads',
    '',
    '| Workload | Replicas | CPU request / limit | Memory request / limit | Disruption budget | Priority | Placement | Exposed as | Ingress from | Egress to |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  const inNamespace = lookupOf(objects);
  const edges: Edge[] = [];
  for (const w of workloads) {
    const net = networkOf(w, inNamespace, workloads);
    edges.push(...net.ingress, ...net.egress);
    const fmt = (list: Edge[], side: 'from' | 'to') =>
      net.isolated
        ? list.length > 0
          ? list.map((e) => `${e[side]} (${e.ports})`).join('<br>')
          : 'nobody'
        : 'unrestricted';
    lines.push(
      '| ' +
        [
          `${w.kind} ${w.namespace}/${w.name}`,
          replicasOf(w, inNamespace),
          resourcesOf(w, 'cpu'),
          resourcesOf(w, 'memory'),
          budgetOf(w, inNamespace),
          w.pod.priorityClassName ?? 'none',
          placementOf(w),
          portsOf(w, inNamespace),
          fmt(net.ingress, 'from'),
          fmt(net.egress, 'to'),
        ]
          .map(cell)
          .join(' | ') +
        ' |',
    );
  }
  if (workloads.length === 0) lines.push('| (none) | | | | | | | | | |');
  lines.push('', '## Who may talk to whom', '', '```mermaid', 'flowchart LR');
  const ids = new Map<string, string>();
  const unique = [...new Set(edges.map((e) => `${e.from}\u0000${e.to}\u0000${e.ports}`))].sort();
  for (const key of unique) {
    const [from, to, ports] = key.split('\u0000');
    lines.push(`  ${nodeId(from, ids)}["${from}"] -->|"${ports}"| ${nodeId(to, ids)}["${to}"]`);
  }
  lines.push('```', '');
  const external = objects.flatMap((o) =>
    externalDependenciesOf(o as { metadata?: { annotations?: Record<string, string> } }).map((d) => ({
      who: `${String((o as any).kind)} ${String((o as any).metadata?.namespace ?? '')}/${String((o as any).metadata?.name)}`,
      d,
    })),
  );
  if (external.length > 0) {
    lines.push(
      '## External dependencies',
      '',
      '| Workload | Depends on | Address | Why outside this repository |',
      '|---|---|---|---|',
    );
    for (const { who, d } of external) {
      lines.push(
        '| ' +
          [who, d.host ? `${d.name} (${d.host})` : d.name, `${d.cidr} ${d.protocol}/${d.port}`, d.reason]
            .map(cell)
            .join(' | ') +
          ' |',
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
