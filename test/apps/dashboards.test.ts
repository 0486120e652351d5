import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as yaml from 'js-yaml';
import {
  GRAFANA_DASHBOARD_LABEL,
  GRAFANA_DASHBOARD_LABEL_VALUE,
  GRAFANA_PROMETHEUS_DATASOURCE_UID,
  metricNamesOf,
  MONITORING_NAMESPACE,
} from '../../lib';
import { BEGIN, END, renderDashboardCatalogue } from '../../docs/dashboard-catalogue';
import { dashboardsIn, FoundDashboard, queriesOf } from '../observability/dashboards-in-dist';
import { SERIES_SOURCES } from '../observability/known-series';
import { alertsOf, prometheusRules } from '../observability/promtool-suite';
import { ROOT } from '../support/manifests';
import { haveTool } from '../support/tools';

const DIST = path.join(ROOT, 'dist');
const dashboards = dashboardsIn(DIST);
const rules = prometheusRules(DIST);
const FOLDERS = ['dev', 'staging', 'production'];

/** Runs `promtool test rules` on `tests` (written to `dir`) and expects every case to pass. */
function expectPromtoolSuccess(dir: string, tests: object): void {
  fs.writeFileSync(path.join(dir, 'tests.yaml'), yaml.dump(tests));
  const run = spawnSync('promtool', ['test', 'rules', 'tests.yaml'], { cwd: dir, encoding: 'utf8' });
  expect({ status: run.status, output: run.stdout + run.stderr }).toEqual({
    status: 0,
    output: expect.stringContaining('SUCCESS'),
  });
}

/** The series the rules of dist/ record. */
function recordedSeries(): Set<string> {
  return new Set(rules.flatMap((r) => r.spec.groups.flatMap((g) => g.rules.flatMap((rule) => rule.record ?? []))));
}

/** The metrics a dashboard's queries read that no rule records and no known source provides. */
function unknownSeries(found: readonly FoundDashboard[], recorded: ReadonlySet<string>): string[] {
  return found.flatMap((d) =>
    queriesOf(d)
      .flatMap(metricNamesOf)
      .filter((n) => !recorded.has(n) && !(n in SERIES_SOURCES))
      .map((n) => `${d.folder}/${d.uid}: ${n}`),
  );
}

describe('dashboards in dist/', () => {
  test('every environment has a dashboard per layer and per service', () => {
    for (const folder of FOLDERS) {
      expect(dashboards.filter((d) => d.folder === folder).map((d) => d.uid)).toEqual([
        `${folder}-order-api`,
        'cluster',
        'platform',
        'application',
        'business',
      ]);
    }
  });

  test('are ConfigMaps in the monitoring namespace with the label the Grafana sidecar watches', () => {
    for (const d of dashboards) {
      expect(d.configMap.namespace).toBe(MONITORING_NAMESPACE);
      expect(d.configMap.labels[GRAFANA_DASHBOARD_LABEL]).toBe(GRAFANA_DASHBOARD_LABEL_VALUE);
      expect(d.file).toBe(`${d.folder}/monitoring.yaml`);
    }
  });

  test('the kube-prometheus-stack addon loads them: its sidecar label and data source UID come from the same constants', () => {
    const addons = yaml.loadAll(fs.readFileSync(path.join(DIST, 'argocd', 'addons.yaml'), 'utf8')) as any[];
    const stacks = addons.filter((o) => o.kind === 'Application' && o.spec.source?.chart === 'kube-prometheus-stack');
    expect(stacks.length).toBeGreaterThan(0);
    for (const app of stacks) {
      const grafana = app.spec.source.helm.valuesObject.grafana;
      expect(grafana.sidecar.dashboards).toEqual({
        enabled: true,
        label: GRAFANA_DASHBOARD_LABEL,
        labelValue: GRAFANA_DASHBOARD_LABEL_VALUE,
      });
      expect(grafana.sidecar.datasources.uid).toBe(GRAFANA_PROMETHEUS_DATASOURCE_UID);
    }
  });

  test('every alert links the panel that shows it, on a dashboard of its own environment', () => {
    const broken: string[] = [];
    for (const rule of rules) {
      const folder = rule.file.split('/')[0];
      for (const alert of alertsOf(rule)) {
        const url = alert.annotations?.dashboard_url;
        const match = url?.match(/^https:\/\/grafana\.([a-z]+)\.example\.com\/d\/([a-z0-9-]+)\?viewPanel=([0-9]+)$/);
        const dashboard = match && dashboards.find((d) => d.folder === folder && d.uid === match[2]);
        const panel = dashboard && dashboard.panels.find((p) => p.id === Number(match[3]));
        if (!match || match[1] !== folder || !panel) broken.push(`${rule.file} ${alert.alert}: ${url}`);
      }
    }
    expect(broken).toEqual([]);
    expect(rules.flatMap(alertsOf).length).toBeGreaterThan(60);
  });

  test('panel ids and titles are unique within each dashboard', () => {
    for (const d of dashboards) {
      expect(new Set(d.panels.map((p) => p.id)).size).toBe(d.panels.length);
      expect(new Set(d.panels.map((p) => p.title)).size).toBe(d.panels.length);
    }
  });

  test('the staging service dashboard draws the canary beside the stable track', () => {
    const staging = dashboards.find((d) => d.uid === 'staging-order-api')!;
    const errors = staging.panels.find((p) => p.title === 'Error ratio (5m)')!;
    expect(errors.exprs).toEqual([
      'namespace_service:http_requests:error_ratio_rate5m{namespace="staging",service=~"order-api|order-api-canary"}',
    ]);
    expect(staging.annotationExprs).toEqual([
      '(kube_replicaset_spec_replicas{namespace="staging",replicaset=~"(order-api|order-api-canary)-[bcdfghjklmnpqrstvwxz2456789]{1,10}"} > 0) unless (kube_replicaset_spec_replicas{namespace="staging",replicaset=~"(order-api|order-api-canary)-[bcdfghjklmnpqrstvwxz2456789]{1,10}"} offset 2m > 0)',
    ]);
  });

  test('every query reads only series that a rule in dist/ records or a known source provides', () => {
    const known = recordedSeries();
    expect(unknownSeries(dashboards, known)).toEqual([]);
    // The same check finds a panel whose metric nothing provides.
    const invented: FoundDashboard = {
      ...dashboards[0],
      panels: [{ id: 1, title: 'x', type: 'timeseries', exprs: ['rate(orders_invented_total[5m])'] }],
      annotationExprs: [],
    };
    expect(unknownSeries([invented], known)).toEqual([`${invented.folder}/${invented.uid}: orders_invented_total`]);
  });

  test('docs/observability.md lists each dashboard’s rows and panels (run `npx tsx docs/generate-dashboards.ts` when this fails)', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'observability.md'), 'utf8');
    expect(doc.slice(doc.indexOf(BEGIN), doc.indexOf(END) + END.length)).toBe(renderDashboardCatalogue(dashboards));
  });

  test('every runbook names the dashboard and panel its alert links', () => {
    const wrong: string[] = [];
    for (const rule of rules) {
      const folder = rule.file.split('/')[0];
      for (const alert of alertsOf(rule)) {
        const url = new URL(alert.annotations!.dashboard_url);
        const dashboard = dashboards.find((d) => d.folder === folder && d.uid === url.pathname.split('/').pop())!;
        const panel = dashboard.panels.find((p) => p.id === Number(url.searchParams.get('viewPanel')))!;
        const service = rule.labels['app.kubernetes.io/name'];
        const title = service
          ? dashboard.title.replace(service, '<service>').replace(rule.namespace, '<namespace>')
          : dashboard.title;
        const page = fs.readFileSync(path.join(ROOT, 'docs', 'runbooks', `${alert.alert}.md`), 'utf8');
        const line = `**Dashboard:** ${title}, panel "${panel.title}"`;
        if (!page.includes(line)) wrong.push(`${alert.alert}.md lacks: ${line}`);
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
  });
});

const describeWithPromtool = haveTool('promtool', 'prometheus') ? describe : describe.skip;

describeWithPromtool('promtool', () => {
  test('parses every panel query and annotation of every dashboard in dist/', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-dashboards-'));
    try {
      // Each query becomes a recording rule, so `promtool check rules` parses and type-checks it.
      const queries = dashboards.flatMap((d) => queriesOf(d).map((expr) => ({ where: `${d.folder}/${d.uid}`, expr })));
      const groups = [
        { name: 'dashboard-queries', rules: queries.map((q, i) => ({ record: `dashboard:query:${i}`, expr: q.expr })) },
      ];
      fs.writeFileSync(path.join(dir, 'queries.yaml'), yaml.dump({ groups }));
      const run = spawnSync('promtool', ['check', 'rules', 'queries.yaml'], { cwd: dir, encoding: 'utf8' });
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      expect(run.stdout).toContain(`SUCCESS: ${queries.length} rules found`);
      const panels = dashboards.reduce((n, d) => n + d.panels.length, 0);
      // Reported so the figures can be read from the test log.
      process.stdout.write(
        `promtool parsed ${queries.length} dashboard queries: ${dashboards.length} dashboards, ${panels} panels\n`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a service without a single failed request shows an error ratio of 0 and its whole budget, not no data', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-dashboards-'));
    try {
      const rule = rules.find((r) => r.file === 'production/order-api.yaml' && r.name === 'order-api-alerts')!;
      const dashboard = dashboards.find((d) => d.folder === 'production' && d.uid === 'production-order-api')!;
      const budgetLeft = dashboard.panels.find((p) => p.title === 'Error budget left (30d)')!.exprs[0];
      fs.writeFileSync(path.join(dir, 'rules.yaml'), yaml.dump(rule.spec));
      const scope = 'namespace="production",service="order-api"';
      const tests = {
        rule_files: ['rules.yaml'],
        evaluation_interval: '1m',
        tests: [
          {
            interval: '1m',
            input_series: [{ series: `http_server_requests_seconds_count{${scope},status="200"}`, values: '0+60x30' }],
            promql_expr_test: [
              {
                expr: `namespace_service:http_requests:error_ratio_rate5m{${scope}}`,
                eval_time: '20m',
                exp_samples: [{ labels: `namespace_service:http_requests:error_ratio_rate5m{${scope}}`, value: 0 }],
              },
              { expr: budgetLeft, eval_time: '20m', exp_samples: [{ labels: '{namespace="production"}', value: 1 }] },
            ],
          },
        ],
      };
      expectPromtoolSuccess(dir, tests);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('marks a rollout and a rollback on the service dashboard, and not autoscaling', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-dashboards-'));
    try {
      const [rollouts] = dashboards.find((d) => d.uid === 'production-order-api')!.annotationExprs;
      const rs = (name: string) => `kube_replicaset_spec_replicas{namespace="production",replicaset="${name}"}`;
      // ReplicaSet A autoscales 3 -> 5 at 4m, hands over to B (created at 6m), and takes over again at 12m.
      const [a, b] = ['order-api-7d9f8b6c5', 'order-api-5c6d7f8b9'];
      const at = (minute: number, replicaSets: string[]) => ({
        expr: rollouts,
        eval_time: `${minute}m`,
        exp_samples: replicaSets.map((name) => ({ labels: rs(name), value: name === a ? 4 : 1 })),
      });
      const tests = {
        rule_files: [],
        evaluation_interval: '1m',
        tests: [
          {
            interval: '1m',
            input_series: [
              { series: rs(a), values: '3 3 3 3 5 5 5 0 0 0 0 0 4 4 4' },
              { series: rs(b), values: '_ _ _ _ _ _ 1 3 5 5 5 5 0 0 0' },
            ],
            promql_expr_test: [at(5, []), at(6, [b]), at(13, [a])],
          },
        ],
      };
      expectPromtoolSuccess(dir, tests);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('rejects a query that does not parse, so the check above can fail', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-dashboards-'));
    try {
      const groups = [{ name: 'bad', rules: [{ record: 'dashboard:query:0', expr: 'rate(http_requests_total)' }] }];
      fs.writeFileSync(path.join(dir, 'queries.yaml'), yaml.dump({ groups }));
      const run = spawnSync('promtool', ['check', 'rules', 'queries.yaml'], { cwd: dir, encoding: 'utf8' });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain('expected type range vector');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
