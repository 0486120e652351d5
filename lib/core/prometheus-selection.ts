/**
 * Helm release name of kube-prometheus-stack (the `kube-prometheus-stack` addon). With its selectors
 * left empty, the chart's Prometheus selects ServiceMonitors, PodMonitors and PrometheusRules labelled
 * `release: <release name>` (kube-prometheus-stack 88.3.0, `prometheus.prometheusSpec.*SelectorNilUsesHelmValues: true`).
 */
export const PROMETHEUS_RELEASE = 'kube-prometheus-stack';

/**
 * The label Prometheus selects and every ServiceMonitor and PrometheusRule of this library carries: one
 * constant, so the selection stays visible and the two sides cannot drift.
 */
export const PROMETHEUS_SELECTOR_LABELS: Readonly<Record<string, string>> = { release: PROMETHEUS_RELEASE };
