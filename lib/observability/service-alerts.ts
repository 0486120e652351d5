import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { recommendedLabels, WorkloadIdentity } from '../core/labels';
import { fail, show } from '../core/errors';
import { AlertLayer, AlertRule, assertBetween, assertPositive, thresholdSeconds, RuleGroup, Severity } from './alert';
import { AlertRules, AlertRulesOptions, childPath } from './alert-rules';
import { PanelUnit } from './dashboards/panel';
import {
  burnRateAlert,
  ERROR_RATIO_WINDOWS,
  errorRatioRecord,
  errorRatioRecords,
  FAST_BURN,
  SLOW_BURN,
} from './burn-rate';
import { histogramQuantile, Matchers, percent, podsOf, selector, servicesOf } from './promql';

/** An availability objective of a service. */
export interface ServiceLevelObjective {
  /** Percent of requests that must succeed over 30 days, e.g. 99.95 (the guide's SLA for order-api). */
  readonly availability: number;
}

/**
 * The HTTP server metrics of the service, as scraped through its ServiceMonitor (which adds the
 * `namespace` and `service` labels).
 */
export interface HttpServerMetrics {
  /**
   * Counter of handled requests.
   * @default 'http_server_requests_seconds_count' (Micrometer, Spring Boot)
   */
  readonly requests?: string;
  /**
   * Histogram buckets of request durations in seconds.
   * @default 'http_server_requests_seconds_bucket' (Micrometer, Spring Boot)
   */
  readonly durationBuckets?: string;
  /**
   * Matchers that pick the failed requests.
   * @default { status: '=~"5.."' }
   */
  readonly errorMatchers?: Matchers;
}

/**
 * What {@link ServiceAlerts} needs of a service: its names, its labels and its autoscaler. A
 * `ProductionService` is one; any workload of Deployments behind Services of the same names can be.
 */
export interface WatchedService {
  /** Service name; names the PrometheusRule and its rule group. */
  readonly name: string;
  /** Namespace of the service and of its alerts. */
  readonly namespace: string;
  /** The recommended labels' values; the PrometheusRule carries them. */
  readonly identity: WorkloadIdentity;
  /** Deployment (and Service) names of every release track, the stable one first. */
  readonly trackNames: readonly string[];
  /**
   * The HorizontalPodAutoscaler that sizes the stable track; adds the alert on an autoscaler at its
   * maximum while latency rises.
   * @default - no autoscaler: the replica count is fixed
   */
  readonly autoscaler?: { readonly name: string };
  /**
   * The PodDisruptionBudget of the stable track; its dashboard shows the disruptions it allows.
   * @default - no budget panel
   */
  readonly disruptionBudget?: { readonly name: string };
  /**
   * The ServiceMonitor (or PodMonitor) through which Prometheus scrapes the service's HTTP metrics.
   * A service dashboard needs one: without it every traffic, error and latency panel stays empty.
   * @default - not scraped
   */
  readonly serviceMonitor?: { readonly name: string };
}

/** Properties of {@link ServiceAlerts}. */
export interface ServiceAlertsProps extends AlertRulesOptions {
  /** The service the alerts watch; names and labels come from it. */
  readonly service: WatchedService;
  /**
   * Availability objective; adds error-ratio recording rules and fast and slow burn-rate alerts.
   * @default - no SLO alerts
   */
  readonly slo?: ServiceLevelObjective;
  /**
   * Share of failed requests over 5 minutes that alerts on its own.
   * @default 0.05
   */
  readonly errorRatio?: number;
  /**
   * p99 request latency over 5 minutes that alerts.
   * @default Duration.millis(500)
   */
  readonly latencyP99?: Duration;
  /**
   * How much the p99 latency must exceed its value of 30 minutes earlier to count as rising while
   * the autoscaler is at its maximum.
   * @default 1.2
   */
  readonly latencyRiseFactor?: number;
  /** The service's metric names. @default - see {@link HttpServerMetrics} */
  readonly metrics?: HttpServerMetrics;
}

/** Name of the recorded p99 latency over 5 minutes. */
export const LATENCY_P99_RECORD = 'namespace_service:http_request_duration_seconds:p99_rate5m';

/** What a service's alerts watch, resolved from {@link ServiceAlertsProps}: what its dashboard draws too. */
export interface ServiceSignals {
  /** Counter of handled requests. */
  readonly requests: string;
  /** Histogram buckets of request durations in seconds. */
  readonly durationBuckets: string;
  /** Matchers that pick the failed requests. */
  readonly errorMatchers: Matchers;
  /** Matchers of every track's series: `namespace` and `service`. */
  readonly scope: Matchers;
  /** Matchers of every track's pods: `namespace` and `pod`. */
  readonly pods: Matchers;
  /** Error ratio over 5 minutes that alerts. */
  readonly errorRatio: number;
  /** p99 latency in seconds that alerts. */
  readonly latencySeconds: number;
  /**
   * Availability objective in percent.
   * @default - no objective: no SLO alerts or panels
   */
  readonly availability?: number;
}

/**
 * The application layer for one service such as a `ProductionService` (guide 10.3): available replicas below
 * spec, autoscaler at its maximum while latency rises, crash loops, error ratio and p99 latency; with
 * an SLO, multi-window burn-rate alerts. One PrometheusRule `<service>-alerts` in the service's namespace.
 */
export class ServiceAlerts extends AlertRules {
  /** The watched service. */
  public readonly service: WatchedService;
  /** What the alerts watch, with their thresholds. */
  public readonly signals: ServiceSignals;

  public constructor(scope: Construct, id: string, props: ServiceAlertsProps) {
    const s = props.service;
    const where = childPath(scope, id);
    const signals = serviceSignals(where, props);
    super(scope, id, {
      ...props,
      name: props.name ?? `${s.name}-alerts`,
      namespace: props.namespace ?? s.namespace,
      labels: { ...recommendedLabels(s.identity), ...props.labels },
      groups: serviceRuleGroups(where, props, signals),
    });
    this.service = s;
    this.signals = signals;
  }
}

/** The longest track name whose pods keep the name `<track>-<hash>-<suffix>` (58 - 12 characters). */
const MAX_TRACK_NAME = 46;

function serviceSignals(where: string, props: ServiceAlertsProps): ServiceSignals {
  const s = props.service;
  // Every track of the service (stable and canary) is watched: a canary's errors burn the same budget.
  const tracks = s.trackNames;
  // Pods are found by name, <track>-<hash of up to 10>-<5>; the API server cuts a generated name's base
  // to 58 characters, so a longer track's pods would have another shape and match nothing.
  for (const track of tracks) {
    if (track.length > MAX_TRACK_NAME) {
      fail(
        where,
        `service track ${show(track)} has ${track.length} characters; the alerts find its pods by the name ` +
          `<track>-<hash>-<suffix>, which Kubernetes shortens beyond ${MAX_TRACK_NAME}: give the service a name of at ` +
          `most ${MAX_TRACK_NAME} characters (${MAX_TRACK_NAME - '-canary'.length} with a canary)`,
      );
    }
  }
  return {
    requests: props.metrics?.requests ?? 'http_server_requests_seconds_count',
    durationBuckets: props.metrics?.durationBuckets ?? 'http_server_requests_seconds_bucket',
    errorMatchers: props.metrics?.errorMatchers ?? { status: '=~"5.."' },
    scope: { namespace: s.namespace, service: servicesOf(tracks) },
    pods: { namespace: s.namespace, pod: podsOf(tracks) },
    errorRatio: assertBetween(where, 'errorRatio', props.errorRatio ?? 0.05, 0, 1, '0.05'),
    latencySeconds: thresholdSeconds(
      where,
      'latencyP99',
      props.latencyP99 ?? Duration.millis(500),
      'Duration.millis(500)',
    ),
    availability: props.slo && assertBetween(where, 'slo.availability', props.slo.availability, 0, 100, '99.95'),
  };
}

function serviceRuleGroups(where: string, props: ServiceAlertsProps, signals: ServiceSignals): RuleGroup[] {
  const s = props.service;
  const rise = assertPositive(where, 'latencyRiseFactor', props.latencyRiseFactor ?? 1.2, '1.2');
  const { scope, errorRatio, availability } = signals;
  const latency = signals.latencySeconds;
  const subject = `Service {{ $labels.namespace }}/{{ $labels.service }}`;
  const p99 = selector(LATENCY_P99_RECORD, scope);
  const deployment = { namespace: s.namespace, deployment: scope.service };
  const records = [
    ...errorRatioRecords(
      { requests: signals.requests, errorMatchers: signals.errorMatchers, scope },
      availability ? ERROR_RATIO_WINDOWS : ['5m'],
    ),
    {
      record: LATENCY_P99_RECORD,
      expr: histogramQuantile(0.99, selector(signals.durationBuckets, scope), '5m', ['namespace', 'service']),
    },
  ];
  const crashLooping = selector('kube_pod_container_status_waiting_reason', {
    ...signals.pods,
    reason: 'CrashLoopBackOff',
  });

  const alerts: AlertRule[] = [
    {
      alert: 'DeploymentReplicasMismatch',
      expr:
        `${selector('kube_deployment_status_replicas_available', deployment)}\n` +
        `  < ${selector('kube_deployment_spec_replicas', deployment)}`,
      for: '10m',
      severity: Severity.WARNING,
      summary: 'Deployment replicas mismatch',
      description:
        'Deployment {{ $labels.namespace }}/{{ $labels.deployment }} has had fewer available replicas than it ' +
        'wants for 10 minutes; it runs with less capacity and redundancy than planned.',
      panel: {
        title: 'Available and wanted replicas',
        queries: [
          {
            expr: selector('kube_deployment_status_replicas_available', deployment),
            legend: '{{ deployment }} available',
          },
          { expr: selector('kube_deployment_spec_replicas', deployment), legend: '{{ deployment }} wanted' },
        ],
        unit: PanelUnit.COUNT,
      },
    },
    {
      alert: 'PodCrashLooping',
      expr: `max_over_time(${crashLooping}[5m]) >= 1`,
      for: '15m',
      severity: Severity.WARNING,
      summary: 'Pod is crash-looping',
      description:
        'Container {{ $labels.container }} of pod {{ $labels.namespace }}/{{ $labels.pod }} has been in CrashLoopBackOff ' +
        'for 15 minutes; the service runs with fewer replicas and may be one bad release away from an outage.',
      panel: {
        title: 'Containers in CrashLoopBackOff',
        queries: [
          // 0 while the Deployment exists and nothing crash-loops; no data only when kube-state-metrics is down.
          {
            expr: `sum(${crashLooping}) or 0 * sum(${selector('kube_deployment_spec_replicas', deployment)})`,
            legend: 'all containers',
          },
          { expr: `sum by (pod, container) (${crashLooping})`, legend: '{{ pod }}/{{ container }}' },
        ],
        unit: PanelUnit.COUNT,
        thresholds: [1],
      },
    },
    {
      alert: 'ServiceErrorRatioHigh',
      expr: `${selector(errorRatioRecord('5m'), scope)} > ${errorRatio}`,
      for: '5m',
      severity: Severity.CRITICAL,
      summary: 'Service fails many requests',
      description: `${subject} has answered more than ${percent(errorRatio)} of its requests with errors for 5 minutes.`,
      panel: {
        title: 'Error ratio (5m)',
        queries: [{ expr: selector(errorRatioRecord('5m'), scope), legend: '{{ service }}' }],
        unit: PanelUnit.RATIO,
        thresholds: [errorRatio],
      },
    },
    {
      alert: 'ServiceLatencyP99High',
      expr: `${p99} > ${latency}`,
      for: '10m',
      severity: Severity.WARNING,
      summary: 'Service answers slowly',
      description: `${subject} needs more than ${latency}s to answer 1% of its requests (p99) for 10 minutes.`,
      panel: {
        title: 'Latency p99 (5m)',
        queries: [{ expr: p99, legend: '{{ service }}' }],
        unit: PanelUnit.SECONDS,
        thresholds: [latency],
      },
    },
  ];
  if (s.autoscaler) {
    const hpa = { namespace: s.namespace, horizontalpodautoscaler: s.autoscaler.name };
    alerts.splice(1, 0, {
      alert: 'HpaMaxedOutLatencyRising',
      expr:
        `(\n  ${selector('kube_horizontalpodautoscaler_status_current_replicas', hpa)}\n` +
        `  >= ${selector('kube_horizontalpodautoscaler_spec_max_replicas', hpa)}\n)\n` +
        `and on (namespace)\n(\n  ${p99} > ${rise} * (${p99} offset 30m)\n)`,
      for: '10m',
      severity: Severity.CRITICAL,
      summary: 'Autoscaler at its maximum while latency rises',
      description:
        'HorizontalPodAutoscaler {{ $labels.namespace }}/{{ $labels.horizontalpodautoscaler }} runs at its maximum ' +
        `replica count and the p99 latency is ${rise}x higher than 30 minutes ago; load is outgrowing the capacity ` +
        'the autoscaler may add.',
      panel: {
        title: 'Autoscaler replicas',
        queries: [
          ['current', 'status_current_replicas'],
          ['desired', 'status_desired_replicas'],
          ['minimum', 'spec_min_replicas'],
          ['maximum', 'spec_max_replicas'],
        ].map(([legend, series]) => ({ expr: selector(`kube_horizontalpodautoscaler_${series}`, hpa), legend })),
        unit: PanelUnit.COUNT,
      },
    });
  }

  if (availability) {
    alerts.push(...[FAST_BURN, SLOW_BURN].map((policy) => burnRateAlert(policy, availability, scope, subject)));
  }
  // One group: Prometheus evaluates a group's rules in order, so the alerts read this cycle's records.
  return [
    { name: `${s.name}.application`, title: 'What the alerts watch', layer: AlertLayer.APPLICATION, records, alerts },
  ];
}
