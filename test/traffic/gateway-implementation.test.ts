import { AddonWave, ISTIO_GATEWAY, platformAddonsFor } from '../../lib';
import type { AddonDefinition, GatewayImplementation } from '../../lib';

describe('the Gateway implementation', () => {
  test('Istio: GatewayClass istio, istio-base and istiod, Envoy metrics and istio_requests_total at the edge', () => {
    expect(ISTIO_GATEWAY.gatewayClassName).toBe('istio');
    expect(ISTIO_GATEWAY.addons.map((a) => a.name)).toEqual(['istio-base', 'istiod']);
    expect(ISTIO_GATEWAY.proxyMetrics).toEqual({ port: 'http-envoy-prom', path: '/stats/prometheus' });
    expect(ISTIO_GATEWAY.edgeRequests('gateway')).toMatchObject({
      metric: 'istio_requests_total',
      matchers: { reporter: 'source', source_workload_namespace: 'gateway' },
    });
  });

  test('another implementation brings its own addons instead of Istio’s', () => {
    const controller: AddonDefinition = {
      name: 'envoy-gateway',
      purpose: 'the Gateway implementation of this platform',
      namespace: 'envoy-gateway-system',
      createsNamespace: true,
      source: { helm: { repoURL: 'oci://docker.io/envoyproxy', chart: 'gateway-helm', version: 'v1.5.0' } },
      wave: AddonWave.OPERATORS,
    };
    const envoy: GatewayImplementation = {
      gatewayClassName: 'envoy-gateway',
      addons: [controller],
      proxyMetrics: { port: 'metrics', path: '/stats/prometheus' },
      edgeRequests: () => ({
        metric: 'envoy_cluster_upstream_rq',
        statusLabel: 'envoy_response_code',
        routeLabels: ['envoy_cluster_name'],
      }),
    };
    const names = platformAddonsFor([], envoy.addons).map((a) => a.name);
    expect(names).toContain('envoy-gateway');
    expect(names).not.toContain('istiod');
    expect(names[0]).toBe('gateway-api-crds');
  });
});
