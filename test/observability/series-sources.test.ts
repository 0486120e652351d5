import * as fs from 'fs';
import * as path from 'path';
import { renderSeriesTable, SERIES_BEGIN, SERIES_END, seriesOfAlert } from '../../docs/series-table';
import { ROOT } from '../support/manifests';
import { metricNamesOf } from '../../lib';
import { alertCases } from './alert-cases';
import { dashboardsIn, queriesOf } from './dashboards-in-dist';
import { isRecorded, SERIES_SOURCES } from './known-series';
import { FoundRule, prometheusRules } from './promtool-suite';

const rules = prometheusRules(path.join(ROOT, 'dist'));

/** Every alert of dist/ with the raw series it reads (through the recording rules of its group). */
function alertsWithSeries(found: readonly FoundRule[]) {
  return found.flatMap((rule) =>
    rule.spec.groups.flatMap((group) => {
      const records = group.rules.filter((r) => r.record);
      return group.rules
        .filter((r) => r.alert)
        .map((alert) => ({ rule, alert: alert.alert!, series: seriesOfAlert(alert, records) }));
    }),
  );
}

/** The metric names of a promtool input series such as `up{job="x"}`. */
const metricOf = (selector: string) => selector.replace(/\{.*$/, '');

describe('the series the alerts read', () => {
  const alerts = alertsWithSeries(rules);

  test('each has a known source (exporter and version), or is recorded by a rule of its group', () => {
    const unknown = alerts.flatMap((a) =>
      a.series.filter((s) => !(s in SERIES_SOURCES)).map((s) => `${a.rule.file} ${a.alert}: ${s}`),
    );
    expect(unknown).toEqual([]);
    expect(alerts.every((a) => a.series.every((s) => !isRecorded(s)))).toBe(true);
  });

  test('the promtool scenarios that fire an alert feed it only the series it reads', () => {
    // Silent scenarios may add decoys (a failed pod of a retried Job) to prove the alert ignores them.
    const extra: string[] = [];
    for (const a of alerts) {
      const cases = alertCases({ namespace: a.rule.namespace, service: a.rule.labels['app.kubernetes.io/name'] ?? '' })[
        a.alert
      ];
      const scenarios = [cases.fires, ...(cases.alsoFires ?? [])];
      for (const scenario of scenarios) {
        for (const selector of Object.keys(scenario.series)) {
          if (!a.series.includes(metricOf(selector))) extra.push(`${a.alert}: ${metricOf(selector)}`);
        }
      }
    }
    expect([...new Set(extra)]).toEqual([]);
  });

  test('the source list names only series that an alert or a dashboard of dist/ reads', () => {
    const read = new Set([
      ...alerts.flatMap((a) => a.series),
      ...dashboardsIn(path.join(ROOT, 'dist')).flatMap((d) => queriesOf(d).flatMap(metricNamesOf)),
    ]);
    expect(Object.keys(SERIES_SOURCES).filter((s) => !read.has(s))).toEqual([]);
  });

  test('finds a series an alert reads through a recording rule', () => {
    const burn = alerts.find((a) => a.alert === 'ErrorBudgetBurnFast')!;
    expect(burn.series).toEqual(['http_server_requests_seconds_count']);
  });

  test('are listed per alert in docs/observability.md (run `npx tsx docs/generate-dashboards.ts` when this fails)', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'observability.md'), 'utf8');
    expect(doc.slice(doc.indexOf(SERIES_BEGIN), doc.indexOf(SERIES_END) + SERIES_END.length)).toBe(
      renderSeriesTable(rules),
    );
  });
});
