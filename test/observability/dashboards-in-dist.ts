import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'js-yaml';
import { GRAFANA_DASHBOARD_LABEL } from '../../lib';
import { listFiles } from '../support/manifests';

/** One panel of a synthesized dashboard. */
export interface FoundPanel {
  readonly id: number;
  readonly title: string;
  readonly type: string;
  readonly exprs: string[];
}

/** A dashboard found in a ConfigMap of a synthesized file. */
export interface FoundDashboard {
  /** e.g. `production/monitoring.yaml` */
  readonly file: string;
  /** The output folder, e.g. `production`. */
  readonly folder: string;
  readonly configMap: { readonly name: string; readonly namespace: string; readonly labels: Record<string, string> };
  readonly uid: string;
  readonly title: string;
  /** Row titles with the titles of the panels below each. */
  readonly rows: { readonly title: string; readonly panels: string[] }[];
  readonly panels: FoundPanel[];
  /** The expressions of its annotations (change events). */
  readonly annotationExprs: string[];
}

/** Every dashboard ConfigMap (labelled for the Grafana sidecar) below `dir`, in file order. */
export function dashboardsIn(dir: string): FoundDashboard[] {
  return listFiles(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((file) =>
      yaml
        .loadAll(fs.readFileSync(path.join(dir, file), 'utf8'))
        .filter((d: any) => d?.kind === 'ConfigMap' && d.metadata.labels?.[GRAFANA_DASHBOARD_LABEL] !== undefined)
        .flatMap((d: any) =>
          Object.values(d.data as Record<string, string>).map((json) => found(file, d, JSON.parse(json))),
        ),
    );
}

function found(file: string, configMap: any, model: any): FoundDashboard {
  const rows: { title: string; panels: string[] }[] = [];
  const panels: FoundPanel[] = [];
  for (const p of model.panels) {
    if (p.type === 'row') {
      rows.push({ title: p.title, panels: [] });
      continue;
    }
    rows[rows.length - 1]?.panels.push(p.title);
    panels.push({ id: p.id, title: p.title, type: p.type, exprs: (p.targets ?? []).map((t: any) => t.expr) });
  }
  return {
    file,
    folder: file.split('/')[0],
    configMap: {
      name: configMap.metadata.name,
      namespace: configMap.metadata.namespace,
      labels: configMap.metadata.labels,
    },
    uid: model.uid,
    title: model.title,
    rows,
    panels,
    annotationExprs: (model.annotations?.list ?? []).map((a: any) => a.expr),
  };
}

/** Every PromQL expression a dashboard runs: its panels' queries and its annotations. */
export function queriesOf(d: FoundDashboard): string[] {
  return [...d.panels.flatMap((p) => p.exprs), ...d.annotationExprs];
}
