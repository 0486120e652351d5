import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  AlertLayer,
  AlertPanel,
  AlertRules,
  AlertsDashboard,
  ApplicationDashboard,
  BusinessAlerts,
  BusinessKpi,
  ClusterAlerts,
  Dashboard,
  DashboardProps,
  dashboardUid,
  GRAFANA_DASHBOARD_LABEL,
  metricNamesOf,
  PanelStyle,
  PanelUnit,
  ProductionService,
  promqlSyntaxError,
  ServiceAlerts,
  ServiceDashboard,
  Severity,
} from '../../lib';
import { findObject, synthChart } from '../support/manifests';
import { ORDER_API } from '../support/services';

const service = ORDER_API;

const minimal: DashboardProps = {
  name: 'checkout',
  title: 'Checkout',
  description: 'What checkout does right now.',
  layer: AlertLayer.BUSINESS,
  rows: [
    {
      title: 'Orders',
      panels: [
        {
          title: 'Orders per second',
          queries: [{ expr: 'sum(rate(orders_created_total[5m]))' }],
          unit: PanelUnit.COUNT,
        },
      ],
    },
  ],
};

/** A catalogue of one alert, ShopDown, with `panel` when given. */
function shopAlerts(chart: Chart, panel?: AlertPanel): AlertRules {
  return new AlertRules(chart, 'rules', {
    name: 'shop-alerts',
    groups: [
      {
        name: 'shop',
        layer: AlertLayer.BUSINESS,
        alerts: [
          {
            alert: 'ShopDown',
            expr: 'up{job="shop"} == 0',
            for: '5m',
            severity: Severity.CRITICAL,
            summary: 'Shop is down',
            description: 'Shop {{ $labels.instance }} is down.',
            ...(panel && { panel }),
          },
        ],
      },
    ],
  });
}

const modelOf = (configMap: any) => JSON.parse(Object.values(configMap.data as Record<string, string>)[0]);

describe('Dashboard', () => {
  const objects = synthChart((chart) => {
    new Dashboard(chart, 'checkout', minimal);
  });
  const configMap = findObject(objects, 'ConfigMap', 'grafana-dashboard-checkout');
  const model = modelOf(configMap);

  test('is a ConfigMap in monitoring that the Grafana sidecar loads, holding the JSON under <uid>.json', () => {
    expect(configMap.metadata.namespace).toBe('monitoring');
    expect(configMap.metadata.labels[GRAFANA_DASHBOARD_LABEL]).toBe('1');
    expect(Object.keys(configMap.data)).toEqual(['checkout.json']);
    expect(configMap.data['checkout.json'].endsWith('}\n')).toBe(true);
  });

  test('gets its UID from its name, its layer as a tag and the Prometheus data source on every panel', () => {
    expect(model).toMatchObject({ uid: 'checkout', title: 'Checkout', tags: ['layer:business', 'cdk8s-production'] });
    const panels = model.panels.filter((p: any) => p.type !== 'row');
    expect(panels.map((p: any) => p.datasource)).toEqual([{ type: 'prometheus', uid: 'prometheus' }]);
    expect(panels[0].targets).toEqual([{ expr: 'sum(rate(orders_created_total[5m]))', refId: 'A' }]);
  });

  test('numbers a row and then its panels, so the panel ids in links stay stable', () => {
    expect(model.panels.map((p: any) => [p.type, p.id, p.gridPos])).toEqual([
      ['row', 1, { x: 0, y: 0, w: 24, h: 1 }],
      ['timeseries', 2, { x: 0, y: 1, w: 12, h: 8 }],
    ]);
  });

  test('lays panels out two per line, stat panels four per line', () => {
    const wide = synthChart((chart) => {
      const panel = (title: string, style?: PanelStyle) => ({
        title,
        queries: [{ expr: 'up' }],
        unit: PanelUnit.COUNT,
        style,
      });
      new Dashboard(chart, 'd', {
        ...minimal,
        rows: [{ title: 'r', panels: [panel('a'), panel('b'), panel('c'), panel('s', PanelStyle.STAT)] }],
      });
    });
    const grid = modelOf(findObject(wide, 'ConfigMap', 'grafana-dashboard-checkout')).panels.map((p: any) => p.gridPos);
    expect(grid.slice(1)).toEqual([
      { x: 0, y: 1, w: 12, h: 8 },
      { x: 12, y: 1, w: 12, h: 8 },
      { x: 0, y: 9, w: 12, h: 8 },
      { x: 12, y: 9, w: 6, h: 4 },
    ]);
  });

  test('draws a threshold as a dashed red line', () => {
    const withThreshold = synthChart((chart) => {
      new Dashboard(chart, 'd', {
        ...minimal,
        rows: [{ title: 'r', panels: [{ ...minimal.rows[0].panels[0], thresholds: [0.05], unit: PanelUnit.RATIO }] }],
      });
    });
    const panel = modelOf(findObject(withThreshold, 'ConfigMap', 'grafana-dashboard-checkout')).panels[1];
    expect(panel.fieldConfig.defaults.thresholds).toEqual({
      mode: 'absolute',
      steps: [
        { value: null, color: 'green' },
        { value: 0.05, color: 'red' },
      ],
    });
    expect(panel.fieldConfig.defaults.custom.thresholdsStyle).toEqual({ mode: 'dashed' });
    expect(panel.fieldConfig.defaults.unit).toBe('percentunit');
  });

  test('synthesizes byte-identical JSON twice', () => {
    const again = synthChart((chart) => {
      new Dashboard(chart, 'checkout', minimal);
    });
    expect(findObject(again, 'ConfigMap', 'grafana-dashboard-checkout').data).toEqual(configMap.data);
  });
});

describe('dashboard UIDs', () => {
  test('are the name when it fits Grafana’s 40 characters, else a prefix and a hash, stable across calls', () => {
    expect(dashboardUid('production-order-api')).toBe('production-order-api');
    const long = 'production-a-very-long-service-name-for-checkout-payments';
    expect(dashboardUid(long)).toMatch(/^production-a-very-long-service-[0-9a-f]{8}$/);
    expect(dashboardUid('x'.repeat(63))).toHaveLength(40);
    expect(dashboardUid(long)).toBe(dashboardUid(long));
    expect(dashboardUid(`${long}x`)).not.toBe(dashboardUid(long));
  });

  test('may repeat in another output (one Grafana per environment), not within one', () => {
    const app = new App();
    for (const env of ['staging', 'production']) {
      new Dashboard(new Chart(new Construct(app, env), 'monitoring', { namespace: 'monitoring' }), 'checkout', minimal);
    }
    const stage = app.node.findChild('production');
    expect(() => new Dashboard(new Chart(stage, 'more', { namespace: 'monitoring' }), 'checkout', minimal)).toThrow(
      '[production/more/checkout] dashboard UID "checkout" is also used by [production/monitoring/checkout]; ' +
        'Grafana would keep only one of them: give one of them another name',
    );
  });
});

describe('bad input', () => {
  const build = (props: Partial<DashboardProps>) => () =>
    synthChart((chart) => {
      new Dashboard(chart, 'd', { ...minimal, ...props });
    });

  test('a query that does not parse fails with where it breaks', () => {
    const rows = [{ title: 'r', panels: [{ ...minimal.rows[0].panels[0], queries: [{ expr: 'sum(rate(x[5m])' }] }] }];
    expect(build({ rows })).toThrow(
      '[production/test/d] rows[0].panels[0].queries[0].expr "sum(rate(x[5m])" is not valid PromQL (it breaks at its end, ' +
        'offset 15); fix the expression, e.g. "sum by (service) (rate(http_server_requests_seconds_count[5m]))"',
    );
  });

  test('an annotation that does not parse fails too', () => {
    expect(build({ annotations: [{ name: 'Rollouts', expr: 'changes(x{[5m])', title: 't' }] })).toThrow(
      /annotations\[0\]\.expr "changes\(x\{\[5m\]\)" is not valid PromQL \(it breaks at "/,
    );
  });

  test('two panels with one title fail: alerts and runbooks name panels by title', () => {
    const panel = minimal.rows[0].panels[0];
    expect(build({ rows: [{ title: 'r', panels: [panel, panel] }] })).toThrow(
      '[production/test/d] rows[0].panels[1].title "Orders per second" is used twice; alerts and runbooks name panels by title, so make it unique',
    );
  });

  test('a panel without queries fails', () => {
    expect(build({ rows: [{ title: 'r', panels: [{ ...minimal.rows[0].panels[0], queries: [] }] }] })).toThrow(
      'rows[0].panels[0].queries of "Orders per second" holds 0 queries; give it 1 to 26',
    );
  });

  test('a panel with more queries than Grafana has query letters fails', () => {
    const queries = Array.from({ length: 27 }, (_, i) => ({ expr: `up{job="${i}"}` }));
    expect(build({ rows: [{ title: 'r', panels: [{ ...minimal.rows[0].panels[0], queries }] }] })).toThrow(
      'rows[0].panels[0].queries of "Orders per second" holds 27 queries; give it 1 to 26',
    );
  });

  test('an empty title fails', () => {
    expect(build({ title: ' ' })).toThrow(
      '[production/test/d] title is empty; give the dashboard a title people search for',
    );
  });

  test('a panel of an alert that does not parse is named by its alert', () => {
    expect(() =>
      synthChart((chart) => {
        const rules = shopAlerts(chart, {
          title: 'Shop up',
          queries: [{ expr: 'up{job="shop"' }],
          unit: PanelUnit.COUNT,
        });
        new AlertsDashboard(chart, 'd', { ...minimal, alerts: [rules] });
      }),
    ).toThrow('[production/test/d] queries[0].expr of the panel of alert ShopDown "up{job="shop"" is not valid PromQL');
  });

  test('an application dashboard of no service fails', () => {
    expect(() =>
      synthChart((chart) => {
        new ApplicationDashboard(chart, 'app', { services: [] });
      }),
    ).toThrow('[production/test/app] services is empty; pass the ServiceDashboard of every service it should sum up');
  });

  test('an application dashboard of 30 services keeps one query per namespace in each panel', () => {
    const objects = synthChart((chart) => {
      const dashboards = Array.from({ length: 30 }, (_, i) => {
        const s = new ProductionService(chart, `svc-${i}`, service);
        const alerts = new ServiceAlerts(chart, `svc-${i}-alerts`, { service: s });
        return new ServiceDashboard(chart, `svc-${i}-dashboard`, { alerts });
      });
      new ApplicationDashboard(chart, 'app', { services: dashboards });
    });
    const model = modelOf(objects.find((o: any) => o.kind === 'ConfigMap' && o.metadata.name.includes('application')));
    const panels = model.panels.filter((p: any) => p.type !== 'row');
    expect(panels.map((p: any) => p.targets.length)).toEqual([1, 1, 1, 1]);
    expect(panels[1].targets[0].expr).toContain(
      `service=~"${Array.from({ length: 30 }, (_, i) => `svc-${i}`).join('|')}"`,
    );
  });

  test('a link to a panel that does not exist fails, naming the panels', () => {
    const app = new App();
    const d = new Dashboard(new Chart(app, 'c', { namespace: 'monitoring' }), 'checkout', minimal);
    expect(() => d.panelUrl('Refunds')).toThrow(
      '[c/checkout] the dashboard has no panel titled "Refunds"; its panels are Orders per second',
    );
  });

  test('a Grafana URL that is not https fails', () => {
    expect(build({ grafanaUrl: 'http://grafana/' })).toThrow(
      'grafanaUrl "http://grafana/" must be an https URL without a trailing slash, e.g. "https://grafana.example.com"',
    );
  });

  test('a service without metrics gets no dashboard', () => {
    expect(() =>
      synthChart((chart) => {
        const s = new ProductionService(chart, 'order-api', { ...service, monitoring: false });
        const alerts = new ServiceAlerts(chart, 'order-api-alerts', { service: s });
        new ServiceDashboard(chart, 'order-api-dashboard', { alerts });
      }),
    ).toThrow(
      '[production/test/order-api-dashboard] service production/order-api has no metrics: nothing scrapes it, so every ' +
        'traffic, error and latency panel would stay empty; turn its monitoring on (a ServiceMonitor) or leave it without a dashboard',
    );
  });

  test('an alert without a panel cannot link a dashboard made from its catalogue', () => {
    expect(() =>
      synthChart((chart) => {
        const rules = shopAlerts(chart);
        new AlertsDashboard(chart, 'd', { ...minimal, alerts: [rules] });
      }),
    ).toThrow(
      '[production/test/rules] dashboard "Checkout" has no panel for alert ShopDown; give the alert a panel (its `panel` prop) ' +
        'or add a panel naming it in `alerts`',
    );
  });

  test('alerts link one dashboard only', () => {
    expect(() =>
      synthChart((chart) => {
        const alerts = new ClusterAlerts(chart, 'cluster-alerts');
        new AlertsDashboard(chart, 'a', { ...minimal, name: 'a', title: 'A', alerts: [alerts] });
        new AlertsDashboard(chart, 'b', { ...minimal, name: 'b', title: 'B', alerts: [alerts] });
      }),
    ).toThrow('[production/test/cluster-alerts] the alerts already link dashboard "A", so they cannot also link "B"');
  });
});

describe('alerts linked to a dashboard', () => {
  const objects = synthChart((chart) => {
    const alerts = new ClusterAlerts(chart, 'cluster-alerts');
    new AlertsDashboard(chart, 'cluster', {
      ...minimal,
      name: 'cluster',
      title: 'Cluster',
      layer: AlertLayer.CLUSTER,
      alerts: [alerts],
      grafanaUrl: 'https://grafana.shop.example',
    });
  });
  const rules = findObject(objects, 'PrometheusRule', 'cluster-alerts').spec.groups.flatMap((g: any) => g.rules);
  const model = modelOf(findObject(objects, 'ConfigMap', 'grafana-dashboard-cluster'));

  test('carry a dashboard_url to the panel that shows each, beside the runbook_url', () => {
    const notReady = rules.find((r: any) => r.alert === 'KubernetesNodeNotReady');
    expect(Object.keys(notReady.annotations).sort()).toEqual([
      'dashboard_url',
      'description',
      'runbook_url',
      'summary',
    ]);
    const id = Number(new URL(notReady.annotations.dashboard_url).searchParams.get('viewPanel'));
    expect(notReady.annotations.dashboard_url).toBe(`https://grafana.shop.example/d/cluster?viewPanel=${id}`);
    expect(model.panels.find((p: any) => p.id === id).title).toBe('Nodes not Ready');
  });

  test('get a row per rule group and a panel per alert, with the alert’s threshold', () => {
    expect(model.panels.filter((p: any) => p.type === 'row').map((p: any) => p.title)).toEqual([
      'Nodes',
      'etcd',
      'API server',
    ]);
    const fsync = model.panels.find((p: any) => p.title === 'etcd WAL fsync p99');
    expect(fsync.fieldConfig.defaults.thresholds.steps[1].value).toBe(0.5);
  });

  test('without a dashboard carry no dashboard_url', () => {
    const plain = synthChart((chart) => {
      new ClusterAlerts(chart, 'cluster-alerts');
    });
    const rule = findObject(plain, 'PrometheusRule', 'cluster-alerts').spec.groups[0].rules[0];
    expect(Object.keys(rule.annotations).sort()).toEqual(['description', 'runbook_url', 'summary']);
  });
});

describe('ServiceDashboard', () => {
  const objects = synthChart((chart) => {
    const s = new ProductionService(chart, 'order-api', {
      ...service,
      canary: { image: 'registry.example.com/order-api:v4.3.0' },
    });
    const alerts = new ServiceAlerts(chart, 'order-api-alerts', { service: s, slo: { availability: 99.95 } });
    new ServiceDashboard(chart, 'order-api-dashboard', { alerts });
  });
  const model = modelOf(findObject(objects, 'ConfigMap', 'grafana-dashboard-production-order-api'));
  const rows = () => {
    const out: Record<string, string[]> = {};
    let row = '';
    for (const p of model.panels) {
      if (p.type === 'row') out[(row = p.title)] = [];
      else out[row].push(p.title);
    }
    return out;
  };
  const panel = (title: string) => model.panels.find((p: any) => p.title === title);

  test('shows traffic, what every alert watches, saturation and the SLO', () => {
    expect(rows()).toEqual({
      'Traffic and latency': ['Requests per second', 'Latency percentiles (5m)'],
      'What the alerts watch': [
        'Available and wanted replicas',
        'Autoscaler replicas',
        'Containers in CrashLoopBackOff',
        'Error ratio (5m)',
        'Latency p99 (5m)',
        'Burn rate over 1h, 5m, 6h, 30m',
        'Burn rate over 1d, 2h, 3d, 6h',
      ],
      Saturation: ['CPU used, requested and limited', 'Memory used, requested and limited', 'Disruptions allowed'],
      'SLO: 99.95% available over 30 days': ['Availability (30d)', 'Error budget left (30d)'],
    });
  });

  test('draws the canary beside the stable track', () => {
    expect(panel('Requests per second').targets[0]).toEqual({
      expr: 'sum by (service) (rate(http_server_requests_seconds_count{namespace="production",service=~"order-api|order-api-canary"}[5m]))',
      legendFormat: '{{ service }}',
      refId: 'A',
    });
  });

  test('compares CPU use with the requests and limits of the service’s pods', () => {
    const pods =
      'namespace="production",pod=~"(order-api|order-api-canary)-[bcdfghjklmnpqrstvwxz2456789]{1,10}-[bcdfghjklmnpqrstvwxz2456789]{5}"';
    expect(panel('CPU used, requested and limited').targets.map((t: any) => t.expr)).toEqual([
      `sum(rate(container_cpu_usage_seconds_total{${pods},container!=""}[5m]))`,
      `sum(kube_pod_container_resource_requests{${pods},resource="cpu"})`,
      `sum(kube_pod_container_resource_limits{${pods},resource="cpu"})`,
    ]);
  });

  test('shows the autoscaler’s current, desired, minimum and maximum replicas', () => {
    expect(panel('Autoscaler replicas').targets.map((t: any) => t.legendFormat)).toEqual([
      'current',
      'desired',
      'minimum',
      'maximum',
    ]);
  });

  test('draws each burn-rate factor: orange at the lower, red at the one that pages soonest', () => {
    expect(panel('Burn rate over 1h, 5m, 6h, 30m').fieldConfig.defaults.thresholds.steps).toEqual([
      { value: null, color: 'green' },
      { value: 6, color: 'orange' },
      { value: 14.4, color: 'red' },
    ]);
  });

  test('marks rollouts (new ReplicaSets of either track) on every graph', () => {
    expect(model.annotations.list).toEqual([
      expect.objectContaining({
        name: 'Rollouts',
        expr: '(kube_replicaset_spec_replicas{namespace="production",replicaset=~"(order-api|order-api-canary)-[bcdfghjklmnpqrstvwxz2456789]{1,10}"} > 0) unless (kube_replicaset_spec_replicas{namespace="production",replicaset=~"(order-api|order-api-canary)-[bcdfghjklmnpqrstvwxz2456789]{1,10}"} offset 2m > 0)',
        titleFormat: 'Rollout to ReplicaSet {{ replicaset }}',
      }),
    ]);
  });

  test('computes the budget left from the 30-day error ratio (0 without errors) against the 0.05% budget', () => {
    const all =
      'sum by (namespace) (rate(http_server_requests_seconds_count{namespace="production",service=~"order-api|order-api-canary"}[30d]))';
    const errors = all.replace('canary"}', 'canary",status=~"5.."}');
    expect(panel('Error budget left (30d)').targets[0]).toEqual({
      expr: `1 - ((${errors} or 0 * ${all}) / ${all}) / 0.0005`,
      instant: true,
      range: false,
      refId: 'A',
    });
  });
});

describe('a KPI panel', () => {
  test('is red below the minimum ratio, where its alert fires', () => {
    const objects = synthChart((chart) => {
      const rules = new BusinessAlerts(chart, 'business-alerts', {
        kpis: [
          BusinessKpi.orderSuccessRate({
            attempted: 'orders_created_total',
            succeeded: 'orders_completed_total',
            minimumRatio: 0.97,
          }),
        ],
      });
      new AlertsDashboard(chart, 'business', { ...minimal, name: 'business', title: 'Business', alerts: [rules] });
    });
    const model = modelOf(findObject(objects, 'ConfigMap', 'grafana-dashboard-business'));
    expect(model.panels[1].fieldConfig.defaults.thresholds.steps).toEqual([
      { value: null, color: 'red' },
      { value: 0.97, color: 'green' },
    ]);
  });
});

describe('PromQL helpers', () => {
  test('promqlSyntaxError finds the first error and accepts valid queries', () => {
    expect(promqlSyntaxError('histogram_quantile(0.99, sum by (le) (rate(a_bucket[5m])))')).toBeUndefined();
    expect(promqlSyntaxError('x offset 30m > 1.2 * (x offset 1h)')).toBeUndefined();
    expect(promqlSyntaxError('foo{')).toEqual({ offset: 4, near: '' });
    expect(promqlSyntaxError('')).toEqual({ offset: 0, near: '' });
  });

  test('metricNamesOf lists each metric a query reads, once', () => {
    expect(metricNamesOf('sum(rate(a_total{x="1"}[5m])) / sum(rate(b_total[5m])) + on() a_total')).toEqual([
      'a_total',
      'b_total',
    ]);
  });
});
