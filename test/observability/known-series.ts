/**
 * Series the platform's exporters provide that dashboards read beyond what the alerts and recording
 * rules already use. Each list names the exporter and the version its names were checked against.
 */

/**
 * kube-state-metrics 2.19.1 (chart kube-state-metrics 8.2.0, a dependency of kube-prometheus-stack
 * 88.3.0, with its default collectors: deployments, replicasets, pods, horizontalpodautoscalers,
 * poddisruptionbudgets), as listed in its docs/metrics/ pages.
 */
export const KUBE_STATE_METRICS_SERIES = [
  'kube_replicaset_created',
  'kube_pod_container_resource_requests',
  'kube_pod_container_resource_limits',
  'kube_horizontalpodautoscaler_status_desired_replicas',
  'kube_horizontalpodautoscaler_spec_min_replicas',
  'kube_poddisruptionbudget_status_pod_disruptions_allowed',
];

/**
 * cAdvisor through the kubelet ServiceMonitor of kube-prometheus-stack 88.3.0
 * (`kubelet.serviceMonitor.cAdvisor: true`; neither series is in its `cAdvisorMetricRelabelings` drop list).
 */
export const CADVISOR_SERIES = ['container_cpu_usage_seconds_total', 'container_memory_working_set_bytes'];

/** Every series a dashboard may read that no rule in dist/ mentions. */
export const KNOWN_EXPORTER_SERIES: ReadonlySet<string> = new Set([...KUBE_STATE_METRICS_SERIES, ...CADVISOR_SERIES]);
