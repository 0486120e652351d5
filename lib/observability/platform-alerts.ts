import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { AlertLayer, assertBetween, thresholdSeconds, RuleGroup, Severity } from './alert';
import { AlertRules, AlertRulesOptions, childPath } from './alert-rules';
import { PanelUnit } from './dashboards/panel';
import { histogramQuantile, Matchers, percent, ratioOfRates, selector } from './promql';

/** The request counter of the ingress controller or gateway in front of the services. */
export interface EdgeRequestMetric {
  /** Counter of proxied requests. */
  readonly metric: string;
  /** Label holding the HTTP status code. */
  readonly statusLabel: string;
  /** Labels naming one route, used to group the ratio and in the alert text (at most two). */
  readonly routeLabels: [string, string] | [string];
  /**
   * Matchers that keep only the edge's own reports of the counter.
   * @default - none
   */
  readonly matchers?: Matchers;
}

/** ingress-nginx: `nginx_ingress_controller_requests` per Ingress and its namespace. */
export const INGRESS_NGINX_REQUESTS: EdgeRequestMetric = {
  metric: 'nginx_ingress_controller_requests',
  statusLabel: 'status',
  routeLabels: ['exported_namespace', 'ingress'],
};

/**
 * Istio's gateway proxies: `istio_requests_total` as the gateway reports it (`reporter="source"`: the
 * gateway is the client of the backend), per destination Service and its namespace. Istio's standard
 * metrics, scraped through the gateway's PodMonitor (`SharedGateway.proxyMonitor`).
 */
export function istioGatewayRequests(gatewayNamespace: string): EdgeRequestMetric {
  return {
    metric: 'istio_requests_total',
    statusLabel: 'response_code',
    routeLabels: ['destination_service_namespace', 'destination_service_name'],
    matchers: { reporter: 'source', source_workload_namespace: gatewayNamespace },
  };
}

/** Thresholds of the platform layer. */
export interface PlatformAlertsProps extends AlertRulesOptions {
  /**
   * Share of DNS answers that are SERVFAIL above which CoreDNS is failing.
   * @default 0.01
   */
  readonly dnsErrorRatio?: number;
  /**
   * p99 DNS answer time above which CoreDNS slows every service down.
   * @default Duration.millis(250)
   */
  readonly dnsLatencyP99?: Duration;
  /**
   * Share of 5xx answers of one route at the ingress or gateway.
   * @default 0.05
   */
  readonly edgeErrorRatio?: number;
  /**
   * The edge's request counter.
   * @default INGRESS_NGINX_REQUESTS
   */
  readonly edgeRequests?: EdgeRequestMetric;
}

/**
 * The platform layer (guide 10.2): CoreDNS errors and latency, 5xx ratio at the ingress or gateway.
 * One PrometheusRule, `platform-alerts` in `monitoring`.
 */
export class PlatformAlerts extends AlertRules {
  public constructor(scope: Construct, id: string, props: PlatformAlertsProps = {}) {
    super(scope, id, {
      ...props,
      name: props.name ?? 'platform-alerts',
      namespace: props.namespace ?? 'monitoring',
      groups: platformRuleGroups(childPath(scope, id), props),
    });
  }
}

function platformRuleGroups(where: string, props: PlatformAlertsProps): RuleGroup[] {
  const dnsErrors = assertBetween(where, 'dnsErrorRatio', props.dnsErrorRatio ?? 0.01, 0, 1, '0.01');
  const dnsLatency = thresholdSeconds(
    where,
    'dnsLatencyP99',
    props.dnsLatencyP99 ?? Duration.millis(250),
    'Duration.millis(250)',
  );
  const edgeErrors = assertBetween(where, 'edgeErrorRatio', props.edgeErrorRatio ?? 0.05, 0, 1, '0.05');
  const edge = props.edgeRequests ?? INGRESS_NGINX_REQUESTS;
  const route = edge.routeLabels.map((l) => `{{ $labels.${l} }}`).join('/');
  const dnsResponses = 'coredns_dns_responses_total';
  const dnsServfailRatio = `(${ratioOfRates(selector(dnsResponses, { rcode: 'SERVFAIL' }), dnsResponses, '5m', ['job'])})`;
  const dnsP99 = histogramQuantile(0.99, 'coredns_dns_request_duration_seconds_bucket', '5m', ['job']);
  const edgeRequests = selector(edge.metric, edge.matchers);
  const edgeErrors5xx = selector(edge.metric, { ...edge.matchers, [edge.statusLabel]: '=~"5.."' });
  const edgeErrorRatio = `(${ratioOfRates(edgeErrors5xx, edgeRequests, '5m', edge.routeLabels)})`;
  return [
    {
      name: 'platform.coredns',
      title: 'CoreDNS',
      layer: AlertLayer.PLATFORM,
      alerts: [
        {
          alert: 'CoreDnsErrorsHigh',
          expr: `${dnsServfailRatio} > ${dnsErrors}`,
          for: '10m',
          severity: Severity.CRITICAL,
          summary: 'CoreDNS answers with SERVFAIL',
          description:
            `More than ${percent(dnsErrors)} of the answers of {{ $labels.job }} are SERVFAIL; ` +
            'services fail to resolve their dependencies and requests fail across namespaces.',
          panel: {
            title: 'DNS SERVFAIL ratio',
            queries: [{ expr: dnsServfailRatio, legend: '{{ job }}' }],
            unit: PanelUnit.RATIO,
            thresholds: [dnsErrors],
          },
        },
        {
          alert: 'CoreDnsLatencyHigh',
          expr: `${dnsP99} > ${dnsLatency}`,
          for: '10m',
          severity: Severity.WARNING,
          summary: 'CoreDNS answers slowly',
          description:
            `{{ $labels.job }} needs more than ${dnsLatency}s (p99) to answer; every new connection of every ` +
            'service waits for it.',
          panel: {
            title: 'DNS answer time p99',
            queries: [{ expr: dnsP99, legend: '{{ job }}' }],
            unit: PanelUnit.SECONDS,
            thresholds: [dnsLatency],
          },
        },
      ],
    },
    {
      name: 'platform.edge',
      title: 'Edge (ingress or gateway)',
      layer: AlertLayer.PLATFORM,
      alerts: [
        {
          alert: 'IngressErrorRatioHigh',
          expr: `${edgeErrorRatio} > ${edgeErrors}`,
          for: '5m',
          severity: Severity.CRITICAL,
          summary: 'Ingress answers with many 5xx errors',
          description:
            `More than ${percent(edgeErrors)} of the requests through ${route} fail with a 5xx status at the edge; ` +
            'users see errors.',
          panel: {
            title: 'Edge 5xx ratio per route',
            queries: [{ expr: edgeErrorRatio, legend: edge.routeLabels.map((l) => `{{ ${l} }}`).join('/') }],
            unit: PanelUnit.RATIO,
            thresholds: [edgeErrors],
          },
        },
      ],
    },
  ];
}
