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

/** Namespace of Prometheus, Grafana, the dashboards, the metrics adapter and the telemetry collector. */
export const MONITORING_NAMESPACE = 'monitoring';

/**
 * The label whose ConfigMaps kube-prometheus-stack's Grafana loads as dashboards: its dashboard sidecar
 * watches ConfigMaps labelled `grafana_dashboard: "1"` (88.3.0 `grafana.sidecar.dashboards.label` and
 * `labelValue`). The addon sets both values from these constants, so the two sides cannot drift.
 */
export const GRAFANA_DASHBOARD_LABEL = 'grafana_dashboard';

/** The value of {@link GRAFANA_DASHBOARD_LABEL} the sidecar selects. */
export const GRAFANA_DASHBOARD_LABEL_VALUE = '1';

/**
 * UID of the Prometheus data source that kube-prometheus-stack provisions in Grafana (88.3.0
 * `grafana.sidecar.datasources.uid`); every dashboard query names it. The addon sets it from this constant.
 */
export const GRAFANA_PROMETHEUS_DATASOURCE_UID = 'prometheus';
