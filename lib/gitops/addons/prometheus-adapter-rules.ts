import { HelmValues } from './addon';

/** Something whose HPA scales on per-pod custom metrics (a `ProductionService`). */
export interface PodMetricsConsumer {
  /** Names of the Pods metrics its HPA reads, e.g. `['http_requests_inflight']`. */
  readonly podMetricNames: readonly string[];
}

/**
 * The prometheus-adapter custom rules (prometheus-adapter v0.12.0 `docs/config.md`) that serve every
 * Pods metric the given workloads' HPAs read, once each, sorted: each rule matches exactly one series
 * name, so the rules are mutually exclusive as the adapter requires. Metrics are read as gauges and
 * summed per pod (`sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)`).
 */
export function prometheusAdapterRules(consumers: readonly PodMetricsConsumer[]): HelmValues[] {
  const names = [...new Set(consumers.flatMap((c) => c.podMetricNames))].sort();
  return names.map((name) => ({
    seriesQuery: `${name}{namespace!="",pod!=""}`,
    resources: { overrides: { namespace: { resource: 'namespace' }, pod: { resource: 'pod' } } },
    name: { matches: `^${name}$`, as: name },
    metricsQuery: 'sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)',
  }));
}
