import { Manifest } from '../../output/yaml';
import { SYNC_WAVE_ANNOTATION as WAVE } from '../sync-waves';
import { ADDON_LABEL as ADDON, ADDON_PURPOSE_ANNOTATION as PURPOSE } from './platform-addons';

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are untyped YAML data */

/**
 * The `## Addons` section of SUMMARY.md: one row per addon Application of `applications` (the first
 * cluster's, as every cluster gets the same), in delivery order, with its chart or manifests and their
 * exact version. Reads plain manifests, so it works on any Argo CD Applications carrying the annotations.
 */
export function renderAddonSummary(applications: readonly Manifest[]): string {
  const rows = new Map<string, string>();
  const sorted = [...(applications as any[])]
    .filter((a) => a.kind === 'Application' && a.metadata?.annotations?.[PURPOSE])
    .sort((a, b) => Number(a.metadata.annotations[WAVE]) - Number(b.metadata.annotations[WAVE]));
  for (const app of sorted) {
    const source = app.spec.source;
    const what = source.chart
      ? `chart \`${source.chart}\` ${source.targetRevision}`
      : `\`${source.path}\` at ${source.targetRevision}`;
    const name = app.metadata.labels?.[ADDON] ?? app.metadata.name;
    const key = `${name} ${app.spec.destination.namespace}`;
    if (rows.has(key)) continue;
    rows.set(
      key,
      `| ${app.metadata.annotations[WAVE]} | ${name} | ${what} | ${source.repoURL} | ${app.spec.destination.namespace} | ${app.metadata.annotations[PURPOSE]} |`,
    );
  }
  return [
    '## Addons',
    '',
    'Delivered by the root app before this environment, wave by wave (lowest first); see docs/bringing-up-a-cluster.md.',
    '',
    '| Wave | Addon | Version | Repository | Namespace | Needed for |',
    '|---|---|---|---|---|---|',
    ...rows.values(),
    '',
  ].join('\n');
}
