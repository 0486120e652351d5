import { buildOutput } from '../../apps/synth';
import { PROMETHEUS_RELEASE, PROMETHEUS_SELECTOR_LABELS } from '../../lib';

const objects = buildOutput().manifests.flatMap((f) => f.objects) as any[];

describe('the label Prometheus selects', () => {
  test('is release: <the kube-prometheus-stack release name>', () => {
    expect(PROMETHEUS_SELECTOR_LABELS).toEqual({ release: 'kube-prometheus-stack' });
    expect(PROMETHEUS_RELEASE).toBe('kube-prometheus-stack');
  });

  test('is on every ServiceMonitor and PrometheusRule the platform writes', () => {
    const monitored = objects.filter((o) => o.kind === 'ServiceMonitor' || o.kind === 'PrometheusRule');
    expect(monitored.length).toBeGreaterThan(0);
    const unlabelled = monitored.filter((o) => o.metadata.labels?.release !== PROMETHEUS_RELEASE);
    expect(unlabelled.map((o) => `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`)).toEqual([]);
  });
});
