import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Duration } from 'cdk8s';
import { ProductionService, ProductionServiceProps, ServiceAlerts, ServiceAlertsProps, toYaml } from '../../lib';
import { findObject, synthChart, validateManifests } from '../support/manifests';

const base: ProductionServiceProps = {
  image: 'registry.example.com/order-api:v4.2.1',
  resources: { cpu: { request: '1', limit: '2' }, memory: { request: '2Gi', limit: '3Gi' } },
  partOf: 'shop',
  autoscaling: { minReplicas: 8, maxReplicas: 50, cpuUtilization: 65 },
};

function build(alerts: Partial<ServiceAlertsProps> = {}, service: Partial<ProductionServiceProps> = {}) {
  return synthChart((chart: Chart) => {
    const s = new ProductionService(chart, 'order-api', { ...base, ...service });
    new ServiceAlerts(chart, 'order-api-alerts', { service: s, ...alerts });
  });
}

const alertNames = (rule: any) =>
  rule.spec.groups.flatMap((g: any) => g.rules.filter((r: any) => r.alert).map((r: any) => r.alert));

describe('ServiceAlerts for order-api with a 99.95% SLO', () => {
  const objects = build({ slo: { availability: 99.95 } });
  const rule = findObject(objects, 'PrometheusRule', 'order-api-alerts');
  const rules = rule.spec.groups.flatMap((g: any) => g.rules);
  const alert = (name: string) => rules.find((r: any) => r.alert === name);

  test('synthesizes the whole rule set', () => {
    expect(rule).toMatchSnapshot();
  });

  test('lives next to the service, labelled like it', () => {
    expect(rule.metadata.namespace).toBe('production');
    expect(rule.metadata.labels).toMatchObject({
      'app.kubernetes.io/name': 'order-api',
      'app.kubernetes.io/part-of': 'shop',
    });
  });

  test('holds the application alerts and both burn-rate alerts', () => {
    expect(alertNames(rule)).toEqual([
      'DeploymentReplicasMismatch',
      'HpaMaxedOutLatencyRising',
      'PodCrashLooping',
      'ServiceErrorRatioHigh',
      'ServiceLatencyP99High',
      'ErrorBudgetBurnFast',
      'ErrorBudgetBurnSlow',
    ]);
  });

  test('records the error ratio over every burn-rate window and the p99 latency', () => {
    expect(rules.filter((r: any) => r.record).map((r: any) => r.record)).toEqual([
      ...['5m', '30m', '1h', '2h', '6h', '1d', '3d'].map((w) => `namespace_service:http_requests:error_ratio_rate${w}`),
      'namespace_service:http_request_duration_seconds:p99_rate5m',
    ]);
  });

  test('scopes the guide DeploymentReplicasMismatch rule to the deployment and its namespace', () => {
    expect(alert('DeploymentReplicasMismatch').expr).toBe(
      'kube_deployment_status_replicas_available{namespace="production",deployment="order-api"}\n' +
        '  < kube_deployment_spec_replicas{namespace="production",deployment="order-api"}',
    );
  });

  test('pages on a fast burn (14.4x over 1h and 5m, or 6x over 6h and 30m) of a 0.05% budget', () => {
    const fast = alert('ErrorBudgetBurnFast');
    expect(fast.labels).toEqual({ layer: 'application', severity: 'critical' });
    expect(fast.expr).toContain(
      'namespace_service:http_requests:error_ratio_rate1h{namespace="production",service="order-api"} > (14.4 * 0.0005)',
    );
    expect(fast.expr).toContain(
      'namespace_service:http_requests:error_ratio_rate5m{namespace="production",service="order-api"} > (14.4 * 0.0005)',
    );
    expect(fast.expr).toContain('error_ratio_rate6h{namespace="production",service="order-api"} > (6 * 0.0005)');
    expect(fast.expr).toContain('error_ratio_rate30m{namespace="production",service="order-api"} > (6 * 0.0005)');
  });

  test('opens a ticket on a slow burn (3x over 1d and 2h, or 1x over 3d and 6h)', () => {
    const slow = alert('ErrorBudgetBurnSlow');
    expect(slow.labels.severity).toBe('warning');
    expect(slow.expr).toContain('error_ratio_rate1d{namespace="production",service="order-api"} > (3 * 0.0005)');
    expect(slow.expr).toContain('error_ratio_rate3d{namespace="production",service="order-api"} > (1 * 0.0005)');
  });

  test('gives every alert a hold time, a severity, texts naming the object and its runbook', () => {
    for (const r of rules.filter((x: any) => x.alert)) {
      expect(r.for).toMatch(/^[0-9]+[mh]$/);
      expect(['critical', 'warning']).toContain(r.labels.severity);
      expect(r.annotations.summary).not.toBe('');
      expect(r.annotations.description).toMatch(/\{\{ \$labels\.[a-z]+ \}\}/);
      expect(r.annotations.runbook_url).toBe(
        `https://git.example.com/platform/cdk8s-production/blob/main/docs/runbooks/${r.alert}.md`,
      );
    }
  });

  test('is valid against the PrometheusRule schema', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-alerts-'));
    fs.writeFileSync(path.join(dir, 'alerts.yaml'), toYaml(objects));
    const report = validateManifests(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(report.errors).toEqual([]);
    expect(report.unvalidated).toEqual([]);
  });
});

describe('ServiceAlerts options', () => {
  test('without an SLO there are no burn-rate alerts and only the 5m error ratio is recorded', () => {
    const rule = findObject(build(), 'PrometheusRule', 'order-api-alerts');
    expect(alertNames(rule)).not.toContain('ErrorBudgetBurnFast');
    expect(rule.spec.groups[0].rules.filter((r: any) => r.record)).toHaveLength(2);
  });

  test('a service with fixed replicas gets no autoscaler alert', () => {
    const rule = findObject(build({}, { autoscaling: undefined, replicas: 3 }), 'PrometheusRule', 'order-api-alerts');
    expect(alertNames(rule)).not.toContain('HpaMaxedOutLatencyRising');
  });

  test('watch any service of the right shape, not only a ProductionService', () => {
    const objects = synthChart((chart: Chart) => {
      new ServiceAlerts(chart, 'checkout-alerts', {
        service: {
          name: 'checkout',
          namespace: 'shop',
          identity: { name: 'checkout', instance: 'checkout', version: 'v2.0.0', component: 'api', partOf: 'shop' },
          trackNames: ['checkout', 'checkout-canary'],
          autoscaler: { name: 'checkout-hpa' },
        },
      });
    });
    const rule = findObject(objects, 'PrometheusRule', 'checkout-alerts');
    expect(rule.metadata.namespace).toBe('shop');
    expect(rule.metadata.labels).toMatchObject({ 'app.kubernetes.io/version': 'v2.0.0' });
    const rules = rule.spec.groups[0].rules;
    const byName = (n: string) => rules.find((r: any) => r.alert === n);
    expect(byName('ServiceErrorRatioHigh').expr).toContain('service=~"checkout|checkout-canary"');
    expect(byName('HpaMaxedOutLatencyRising').expr).toContain(
      'kube_horizontalpodautoscaler_spec_max_replicas{namespace="shop",horizontalpodautoscaler="checkout-hpa"}',
    );
  });

  test('thresholds, metric names and the runbook base URL are props', () => {
    const rule = findObject(
      build({
        errorRatio: 0.02,
        latencyP99: Duration.millis(300),
        metrics: {
          requests: 'http_requests_total',
          durationBuckets: 'http_request_duration_seconds_bucket',
          errorMatchers: { code: '=~"5.."' },
        },
        runbookBaseUrl: 'https://wiki.example.com/runbooks',
      }),
      'PrometheusRule',
      'order-api-alerts',
    );
    const rules = rule.spec.groups[0].rules;
    expect(rules[0].expr).toContain(
      'rate(http_requests_total{namespace="production",service="order-api",code=~"5.."}[5m])',
    );
    expect(rules[1].expr).toContain('http_request_duration_seconds_bucket{namespace="production",service="order-api"}');
    const byName = (n: string) => rules.find((r: any) => r.alert === n);
    expect(byName('ServiceErrorRatioHigh').expr).toMatch(/ > 0\.02$/);
    expect(byName('ServiceLatencyP99High').expr).toMatch(/ > 0\.3$/);
    expect(byName('PodCrashLooping').annotations.runbook_url).toBe(
      'https://wiki.example.com/runbooks/PodCrashLooping.md',
    );
  });

  test.each([
    [{ slo: { availability: 100 } }, 'slo.availability 100 must be greater than 0 and lower than 100, e.g. 99.95'],
    [{ slo: { availability: 0 } }, 'slo.availability 0 must be greater than 0 and lower than 100, e.g. 99.95'],
    [{ errorRatio: 0 }, 'errorRatio 0 must be greater than 0 and lower than 1, e.g. 0.05'],
    [{ errorRatio: 5 }, 'errorRatio 5 must be greater than 0 and lower than 1, e.g. 0.05'],
    [{ latencyP99: Duration.millis(0) }, 'latencyP99 0 millis must be longer than 0, e.g. Duration.millis(500)'],
    [
      { runbookBaseUrl: 'https://wiki.example.com/runbooks/' },
      'runbookBaseUrl "https://wiki.example.com/runbooks/" must be an https URL without a trailing slash, such as ' +
        '"https://git.example.com/platform/cdk8s-production/blob/main/docs/runbooks"',
    ],
  ])('refuses %j', (props, message) => {
    expect(() => build(props as Partial<ServiceAlertsProps>)).toThrow(`[production/test/order-api-alerts] ${message}`);
  });
  test('refuses a service whose pods Kubernetes would name too long to find, and takes one of 46 characters', () => {
    expect(() => build({}, { name: 'o'.repeat(47) })).toThrow(
      `[production/test/order-api-alerts] service track "${'o'.repeat(47)}" has 47 characters; the alerts find its ` +
        'pods by the name <track>-<hash>-<suffix>, which Kubernetes shortens beyond 46: give the service a name of ' +
        'at most 46 characters (39 with a canary)',
    );
    expect(() => build({}, { name: 'o'.repeat(46) })).not.toThrow();
  });
});
