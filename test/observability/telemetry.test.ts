import { ProductionService, ProductionServiceProps, ServiceTier, LogFormat } from '../../lib';
import { telemetryEnv } from '../../lib/observability/telemetry';
import { findObject, synthChart } from '../support/manifests';

const base: ProductionServiceProps = {
  image: 'registry.example.com/order-api:v4.2.1',
  resources: { cpu: { request: '1', limit: '2' }, memory: { request: '2Gi', limit: '3Gi' } },
  partOf: 'shop',
};

function containerEnv(props: Partial<ProductionServiceProps> = {}): Record<string, string> {
  const objects = synthChart((chart) => new ProductionService(chart, 'order-api', { ...base, ...props }));
  const env = findObject(objects, 'Deployment', 'order-api').spec.template.spec.containers[0].env ?? [];
  return Object.fromEntries(env.map((e: any) => [e.name, e.value]));
}

describe('telemetry conventions on ProductionService', () => {
  test('by default: JSON logs and OpenTelemetry named after the service, standard-tier sampling', () => {
    expect(containerEnv()).toEqual({
      LOG_FORMAT: 'json',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector.monitoring.svc:4317',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
      OTEL_PROPAGATORS: 'tracecontext,baggage',
      OTEL_RESOURCE_ATTRIBUTES: 'k8s.namespace.name=production,service.namespace=shop,service.version=v4.2.1',
      OTEL_SERVICE_NAME: 'order-api',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.1',
    });
  });

  test.each([
    [ServiceTier.CORE, '0.5'],
    [ServiceTier.STANDARD, '0.1'],
    [ServiceTier.EDGE, '0.01'],
  ])('samples %s services at %s', (tier, ratio) => {
    expect(containerEnv({ telemetry: { tier } }).OTEL_TRACES_SAMPLER_ARG).toBe(ratio);
  });

  test('every setting is overridable, and env wins over the conventions', () => {
    const env = containerEnv({
      telemetry: {
        traceSamplingRatio: 1,
        otlpEndpoint: 'http://collector.tracing.svc:4317',
        logFormat: LogFormat.TEXT,
        resourceAttributes: { 'deployment.environment': 'staging' },
      },
      env: { OTEL_PROPAGATORS: 'tracecontext,baggage,b3', LOG_LEVEL: 'INFO' },
    });
    expect(env).toMatchObject({
      LOG_FORMAT: 'text',
      LOG_LEVEL: 'INFO',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector.tracing.svc:4317',
      OTEL_PROPAGATORS: 'tracecontext,baggage,b3',
      OTEL_RESOURCE_ATTRIBUTES:
        'k8s.namespace.name=production,service.namespace=shop,service.version=v4.2.1,deployment.environment=staging',
      OTEL_TRACES_SAMPLER_ARG: '1',
    });
  });

  test('telemetry: false sets no variables', () => {
    expect(containerEnv({ telemetry: false })).toEqual({});
  });

  test.each([
    [
      { traceSamplingRatio: 1.5 },
      'telemetry.traceSamplingRatio 1.5 must be between 0 and 1, e.g. 0.1 to sample one trace in ten',
    ],
    [
      { otlpEndpoint: 'otel-collector:4317' },
      'telemetry.otlpEndpoint "otel-collector:4317" must be an http(s) URL with host and port, e.g. "http://otel-collector.monitoring.svc:4317"',
    ],
    [
      { resourceAttributes: { team: 'a,b' } },
      `telemetry.resourceAttributes "team=a,b" contains ',', '=' or a space, which OTEL_RESOURCE_ATTRIBUTES cannot ` +
        `carry unescaped; use a plain value such as "deployment.environment=production"`,
    ],
  ])('refuses %j', (telemetry, message) => {
    expect(() => containerEnv({ telemetry })).toThrow(`[production/test/order-api] ${message}`);
  });

  test('telemetryEnv works on plain data too', () => {
    const identity = { name: 'gateway', instance: 'gateway', version: 'v1.0.0', component: 'edge', partOf: 'shop' };
    expect(
      telemetryEnv('apps/gateway', 'telemetry', { identity, namespace: 'edge' }, { tier: ServiceTier.EDGE }),
    ).toMatchObject({
      OTEL_SERVICE_NAME: 'gateway',
      OTEL_TRACES_SAMPLER_ARG: '0.01',
    });
  });
});
