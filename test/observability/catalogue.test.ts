import { Chart, Duration } from 'cdk8s';
import {
  AlertLayer,
  AlertRules,
  BusinessAlerts,
  BusinessKpi,
  ClusterAlerts,
  INGRESS_NGINX_REQUESTS,
  PlatformAlerts,
  Severity,
} from '../../lib';
import { findObject, synthChart } from '../support/manifests';

const names = (rule: any) => rule.spec.groups.flatMap((g: any) => g.rules.map((r: any) => r.alert));
const rule = (objects: any[], name: string, alert: string) =>
  findObject(objects, 'PrometheusRule', name)
    .spec.groups.flatMap((g: any) => g.rules)
    .find((r: any) => r.alert === alert);

describe('ClusterAlerts and PlatformAlerts', () => {
  const objects = synthChart((chart) => {
    new ClusterAlerts(chart, 'cluster-alerts');
    new PlatformAlerts(chart, 'platform-alerts');
  });

  test('synthesize the catalogue', () => {
    expect(objects).toMatchSnapshot();
  });

  test('live in the monitoring namespace whatever the chart namespace', () => {
    expect(objects.map((o: any) => o.metadata.namespace)).toEqual(['monitoring', 'monitoring']);
  });

  test('leave out every etcd alert on a managed control plane (etcd: false)', () => {
    const managed = synthChart((chart) => {
      new ClusterAlerts(chart, 'cluster-alerts', { etcd: false });
    });
    expect(
      names(findObject(managed, 'PrometheusRule', 'cluster-alerts')).filter((n: string) => n.startsWith('Etcd')),
    ).toEqual([]);
  });

  test('cover nodes, etcd, the API server, CoreDNS and the ingress', () => {
    expect(names(findObject(objects, 'PrometheusRule', 'cluster-alerts'))).toEqual([
      'KubernetesNodeNotReady',
      'NodeMemoryPressure',
      'NodeDiskPressure',
      'NodePidPressure',
      'EtcdMetricsAbsent',
      'EtcdWalFsyncSlow',
      'EtcdLeaderChangesFrequent',
      'EtcdDatabaseNearQuota',
      'KubeApiServerErrorsHigh',
    ]);
    expect(names(findObject(objects, 'PrometheusRule', 'platform-alerts'))).toEqual([
      'CoreDnsErrorsHigh',
      'CoreDnsLatencyHigh',
      'IngressErrorRatioHigh',
    ]);
  });

  test('keep the guide node NotReady rule as written, with its hold time and severity', () => {
    expect(rule(objects, 'cluster-alerts', 'KubernetesNodeNotReady')).toMatchObject({
      expr: 'kube_node_status_condition{condition="Ready",status="true"} == 0',
      for: '5m',
      labels: { layer: 'cluster', severity: 'critical' },
    });
  });

  test('take thresholds and the edge metric as props', () => {
    const custom = synthChart((chart) => {
      new ClusterAlerts(chart, 'c', {
        etcdFsyncP99: Duration.millis(250),
        etcdDatabaseQuotaPercent: 70,
        namespace: 'observability',
      });
      new PlatformAlerts(chart, 'p', {
        edgeRequests: {
          metric: 'envoy_http_downstream_rq_xx',
          statusLabel: 'envoy_response_code_class',
          routeLabels: ['envoy_http_conn_manager_prefix'],
        },
      });
    });
    expect(rule(custom, 'cluster-alerts', 'EtcdWalFsyncSlow').expr).toMatch(/ > 0\.25$/);
    expect(rule(custom, 'cluster-alerts', 'EtcdDatabaseNearQuota').expr).toMatch(/ > 70$/);
    expect(findObject(custom, 'PrometheusRule', 'cluster-alerts').metadata.namespace).toBe('observability');
    expect(rule(custom, 'platform-alerts', 'IngressErrorRatioHigh').expr).toContain('envoy_response_code_class=~"5.."');
    expect(INGRESS_NGINX_REQUESTS.routeLabels).toEqual(['exported_namespace', 'ingress']);
  });

  test.each([
    [{ etcdFsyncP99: Duration.millis(0) }, 'etcdFsyncP99 0 millis must be longer than 0, e.g. Duration.millis(500)'],
    [
      { etcdDatabaseQuotaPercent: 100 },
      'etcdDatabaseQuotaPercent 100 must be greater than 0 and lower than 100, e.g. 80',
    ],
    [{ apiServerErrorRatio: -0.1 }, 'apiServerErrorRatio -0.1 must be greater than 0 and lower than 1, e.g. 0.05'],
  ])('ClusterAlerts refuses %j', (props, message) => {
    expect(() => synthChart((chart) => new ClusterAlerts(chart, 'cluster', props))).toThrow(
      `[production/test/cluster] ${message}`,
    );
  });

  test('PlatformAlerts refuses a DNS latency threshold of 0', () => {
    expect(() =>
      synthChart((chart) => new PlatformAlerts(chart, 'platform', { dnsLatencyP99: Duration.seconds(0) })),
    ).toThrow('[production/test/platform] dnsLatencyP99 0 seconds must be longer than 0, e.g. Duration.millis(250)');
  });
});

describe('BusinessAlerts', () => {
  const orders = BusinessKpi.orderSuccessRate({
    attempted: 'orders_created_total',
    succeeded: 'orders_completed_total',
    minimumRatio: 0.97,
  });

  test('turns a KPI into a ratio alert with a traffic floor, in the chart namespace', () => {
    const objects = synthChart((chart: Chart) => new BusinessAlerts(chart, 'business', { kpis: [orders] }));
    const order = rule(objects, 'business-alerts', 'OrderSuccessRateDrop');
    expect(order).toMatchObject({ for: '10m', labels: { layer: 'business', severity: 'critical' } });
    expect(order.expr).toBe(
      '(sum by (namespace) (rate(orders_completed_total{namespace="production"}[10m]))\n/\n' +
        'sum by (namespace) (rate(orders_created_total{namespace="production"}[10m]))) < 0.97\n' +
        'and\nsum by (namespace) (rate(orders_created_total{namespace="production"}[10m])) > 0.1',
    );
    expect(order.annotations.description).toContain('is below 97%');
  });

  test('accepts custom KPIs, windows and severities', () => {
    const kpi = BusinessKpi.successRatio('CheckoutCompletionDrop', 'Checkout completion', {
      attempted: 'checkouts_started_total',
      succeeded: 'checkouts_completed_total',
      minimumRatio: 0.6,
      window: '30m',
      for: '15m',
      severity: Severity.WARNING,
    });
    const objects = synthChart((chart: Chart) => new BusinessAlerts(chart, 'business', { kpis: [kpi] }));
    expect(rule(objects, 'business-alerts', 'CheckoutCompletionDrop')).toMatchObject({
      for: '15m',
      labels: { severity: 'warning' },
    });
  });

  test.each([
    [{ minimumRatio: 0 }, 'kpis[0].minimumRatio 0 must be greater than 0 and lower than 1, e.g. 0.97'],
    [{ minimumRatio: 97 }, 'kpis[0].minimumRatio 97 must be greater than 0 and lower than 1, e.g. 0.97'],
    [{ minimumAttemptsPerSecond: 0 }, 'kpis[0].minimumAttemptsPerSecond 0 must be a number greater than 0, e.g. 0.1'],
    [
      { window: '10' },
      'kpis[0].window "10" is not a positive Prometheus duration; use a value such as "5m" or "1h30m"',
    ],
  ])('refuses %j', (override, message) => {
    const kpi = BusinessKpi.paymentConversion({
      attempted: 'a_total',
      succeeded: 'b_total',
      minimumRatio: 0.9,
      ...override,
    });
    expect(() => synthChart((chart: Chart) => new BusinessAlerts(chart, 'business', { kpis: [kpi] }))).toThrow(
      `[production/test/business] ${message}`,
    );
  });
});

describe('AlertRules', () => {
  const alert = {
    alert: 'QueueBacklogHigh',
    expr: 'queue_depth > 1000',
    for: '10m',
    severity: Severity.WARNING,
    summary: 'Queue backlog',
    description: 'Queue {{ $labels.queue }} holds more than 1000 messages.',
  };
  const build = (override: object, groups?: object[]) => () =>
    synthChart(
      (chart) =>
        new AlertRules(chart, 'rules', {
          name: 'queue-alerts',
          groups: (groups as any) ?? [
            { name: 'queues', layer: AlertLayer.APPLICATION, alerts: [{ ...alert, ...override }] },
          ],
        }),
    );

  test('renders severity and layer labels and the three annotations', () => {
    const [rendered] = build({})();
    expect((rendered as any).spec.groups[0].rules[0]).toEqual({
      alert: 'QueueBacklogHigh',
      expr: 'queue_depth > 1000',
      for: '10m',
      labels: { layer: 'application', severity: 'warning' },
      annotations: {
        summary: 'Queue backlog',
        description: 'Queue {{ $labels.queue }} holds more than 1000 messages.',
        runbook_url: 'https://git.example.com/platform/cdk8s-production/blob/main/docs/runbooks/QueueBacklogHigh.md',
      },
    });
  });

  test.each([
    [
      { alert: 'queue-backlog' },
      'groups[0].alerts[0].alert "queue-backlog" is not PascalCase; name alerts like "DeploymentReplicasMismatch"',
    ],
    [
      { for: '0m' },
      'groups[0].alerts[0].for "0m" is not a positive Prometheus duration; use a value such as "5m" or "1h30m"',
    ],
    [
      { for: '' },
      'groups[0].alerts[0].for "" is not a positive Prometheus duration; use a value such as "5m" or "1h30m"',
    ],
    [{ summary: ' ' }, 'groups[0].alerts[0].summary of QueueBacklogHigh is empty; every alert needs one'],
    [
      { description: 'The queue is long.' },
      'groups[0].alerts[0].description of QueueBacklogHigh does not name the affected object; template it from the ' +
        'alert labels, e.g. "{{ $labels.namespace }}/{{ $labels.deployment }}"',
    ],
  ])('refuses an alert with %j', (override, message) => {
    expect(build(override)).toThrow(`[production/test/rules] ${message}`);
  });

  test('refuses two groups of the same name', () => {
    const group = { name: 'queues', layer: AlertLayer.APPLICATION, alerts: [alert] };
    expect(build({}, [group, group])).toThrow(
      '[production/test/rules] groups holds two groups named "queues"; group names must be unique',
    );
  });
});
