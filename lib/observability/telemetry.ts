import { IConstruct } from 'constructs';
import { fail, show } from '../core/errors';
import { WorkloadIdentity } from '../core/labels';

/** How central a service is to user journeys; sets its share of sampled traces (guide 10.5). */
export enum ServiceTier {
  /** On the critical path of revenue (orders, payments): sample many traces. */
  CORE = 'core',
  /** Everything else behind the edge. */
  STANDARD = 'standard',
  /** High-volume entry points (gateways, static content): sample few traces. */
  EDGE = 'edge',
}

/** Share of root traces sampled per tier; children follow their parent's decision. */
export const TRACE_SAMPLING_BY_TIER: Readonly<Record<ServiceTier, number>> = {
  [ServiceTier.CORE]: 0.5,
  [ServiceTier.STANDARD]: 0.1,
  [ServiceTier.EDGE]: 0.01,
};

/** Where the OpenTelemetry collector of the platform listens (OTLP over gRPC). */
export const DEFAULT_OTLP_ENDPOINT = 'http://otel-collector.monitoring.svc:4317';

/** Log line format; `json` is what the log pipeline parses. */
export enum LogFormat {
  /** One JSON object per line on stdout (guide 10.4). */
  JSON = 'json',
  /** Human-readable lines, for local debugging only. */
  TEXT = 'text',
}

/** Logging and tracing conventions of a service, rendered as environment variables. */
export interface TelemetryOptions {
  /**
   * Service tier, which picks the trace sampling ratio.
   * @default ServiceTier.STANDARD
   */
  readonly tier?: ServiceTier;
  /**
   * Share of root traces sampled, between 0 and 1 (`OTEL_TRACES_SAMPLER_ARG`).
   * @default - by tier: core 0.5, standard 0.1, edge 0.01 (TRACE_SAMPLING_BY_TIER)
   */
  readonly traceSamplingRatio?: number;
  /**
   * OTLP gRPC endpoint of the collector (`OTEL_EXPORTER_OTLP_ENDPOINT`).
   * @default DEFAULT_OTLP_ENDPOINT
   */
  readonly otlpEndpoint?: string;
  /**
   * Log format (`LOG_FORMAT`).
   * @default LogFormat.JSON
   */
  readonly logFormat?: LogFormat;
  /**
   * Extra OpenTelemetry resource attributes, e.g. `{ 'deployment.environment': 'production' }`.
   * @default - none besides the Kubernetes namespace, service namespace and version
   */
  readonly resourceAttributes?: Record<string, string>;
}

/** The workload whose telemetry is described. */
export interface TelemetrySubject {
  /** Its recommended labels' values. */
  readonly identity: WorkloadIdentity;
  /** Its Kubernetes namespace. */
  readonly namespace: string;
}

/**
 * Environment variables that make a service log JSON to stdout and export OpenTelemetry traces
 * named after it: `LOG_FORMAT`, `OTEL_SERVICE_NAME`, `OTEL_RESOURCE_ATTRIBUTES`, the OTLP exporter,
 * W3C trace-context propagation (so gateways pass trace ids on) and a parent-based ratio sampler.
 * Errors name `prop` (e.g. `telemetry`) under `scope`.
 */
export function telemetryEnv(
  scope: IConstruct | string,
  prop: string,
  subject: TelemetrySubject,
  options: TelemetryOptions = {},
): Record<string, string> {
  const ratio = options.traceSamplingRatio ?? TRACE_SAMPLING_BY_TIER[options.tier ?? ServiceTier.STANDARD];
  if (!(ratio >= 0 && ratio <= 1)) {
    fail(
      scope,
      `${prop}.traceSamplingRatio ${show(ratio)} must be between 0 and 1, e.g. 0.1 to sample one trace in ten`,
    );
  }
  const endpoint = options.otlpEndpoint ?? DEFAULT_OTLP_ENDPOINT;
  if (!/^https?:\/\/[^\s/]+(:[0-9]+)?\/?$/.test(endpoint)) {
    fail(
      scope,
      `${prop}.otlpEndpoint ${show(endpoint)} must be an http(s) URL with host and port, e.g. "${DEFAULT_OTLP_ENDPOINT}"`,
    );
  }
  const attributes: Record<string, string> = {
    'k8s.namespace.name': subject.namespace,
    'service.namespace': subject.identity.partOf,
    'service.version': subject.identity.version,
    ...options.resourceAttributes,
  };
  for (const [key, value] of Object.entries(attributes)) {
    if (/[,=\s]/.test(key) || /[,=\s]/.test(value)) {
      fail(
        scope,
        `${prop}.resourceAttributes ${show(`${key}=${value}`)} contains ',', '=' or a space, which ` +
          `OTEL_RESOURCE_ATTRIBUTES cannot carry unescaped; use a plain value such as "deployment.environment=production"`,
      );
    }
  }
  return {
    LOG_FORMAT: options.logFormat ?? LogFormat.JSON,
    OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
    OTEL_PROPAGATORS: 'tracecontext,baggage',
    OTEL_RESOURCE_ATTRIBUTES: Object.entries(attributes)
      .map(([k, v]) => `${k}=${v}`)
      .join(','),
    OTEL_SERVICE_NAME: subject.identity.name,
    OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
    OTEL_TRACES_SAMPLER_ARG: String(ratio),
  };
}
