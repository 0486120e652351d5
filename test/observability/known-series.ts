/**
 * Where every raw series the alerts and dashboards read comes from, with the version its name was
 * checked against. Recording rules (names with colons) are not listed: the rules in dist/ make them.
 */

/** kube-state-metrics 2.19.1 (chart 8.2.0, a dependency of kube-prometheus-stack 88.3.0; default collectors). */
const KUBE_STATE_METRICS = 'kube-state-metrics 2.19.1 (kube-prometheus-stack 88.3.0)';
/** cAdvisor, through the kubelet ServiceMonitor of kube-prometheus-stack 88.3.0 (`kubelet.serviceMonitor.cAdvisor: true`). */
const CADVISOR = 'cAdvisor via the kubelet ServiceMonitor (kube-prometheus-stack 88.3.0)';
/** etcd's own metrics, scraped through kube-prometheus-stack's `kubeEtcd` Service (job `kube-etcd`). */
const ETCD = 'etcd members, job kube-etcd (kube-prometheus-stack 88.3.0 kubeEtcd)';
/** The API server, through kube-prometheus-stack's `kubeApiServer` ServiceMonitor. */
const API_SERVER = 'kube-apiserver (kube-prometheus-stack 88.3.0 kubeApiServer)';
/** CoreDNS, through kube-prometheus-stack's `coreDns` ServiceMonitor. */
const COREDNS = 'CoreDNS (kube-prometheus-stack 88.3.0 coreDns)';
/** Istio's standard metrics from the gateway proxies, through the gateway's PodMonitor. */
const ISTIO = "Istio gateway proxies (Istio's standard metrics on port http-envoy-prom), the gateway PodMonitor";
/** Micrometer (Spring Boot) HTTP server metrics of the service, through its ServiceMonitor. */
const SERVICE = "the service's own /metrics (Micrometer), its ServiceMonitor";
/** Business counters the order service exports (guide 16.5). */
const BUSINESS = "order-api's business counters, its ServiceMonitor";
/** Prometheus itself: one `up` series per target. */
const PROMETHEUS = 'Prometheus (one up series per scrape target)';

/** Each series by name, with its source. */
export const SERIES_SOURCES: Readonly<Record<string, string>> = {
  kube_node_status_condition: KUBE_STATE_METRICS,
  kube_deployment_status_replicas_available: KUBE_STATE_METRICS,
  kube_deployment_spec_replicas: KUBE_STATE_METRICS,
  kube_pod_container_status_waiting_reason: KUBE_STATE_METRICS,
  kube_horizontalpodautoscaler_status_current_replicas: KUBE_STATE_METRICS,
  kube_horizontalpodautoscaler_status_desired_replicas: KUBE_STATE_METRICS,
  kube_horizontalpodautoscaler_spec_min_replicas: KUBE_STATE_METRICS,
  kube_horizontalpodautoscaler_spec_max_replicas: KUBE_STATE_METRICS,
  kube_poddisruptionbudget_status_pod_disruptions_allowed: KUBE_STATE_METRICS,
  kube_pod_container_resource_requests: KUBE_STATE_METRICS,
  kube_pod_container_resource_limits: KUBE_STATE_METRICS,
  kube_replicaset_spec_replicas: KUBE_STATE_METRICS,
  kube_cronjob_status_last_successful_time: KUBE_STATE_METRICS,
  kube_cronjob_created: KUBE_STATE_METRICS,
  kube_job_failed: KUBE_STATE_METRICS,
  container_cpu_usage_seconds_total: CADVISOR,
  container_memory_working_set_bytes: CADVISOR,
  up: PROMETHEUS,
  etcd_disk_wal_fsync_duration_seconds_bucket: ETCD,
  etcd_server_leader_changes_seen_total: ETCD,
  etcd_mvcc_db_total_size_in_bytes: ETCD,
  etcd_server_quota_backend_bytes: ETCD,
  apiserver_request_total: API_SERVER,
  coredns_dns_responses_total: COREDNS,
  coredns_dns_request_duration_seconds_bucket: COREDNS,
  istio_requests_total: ISTIO,
  http_server_requests_seconds_count: SERVICE,
  http_server_requests_seconds_bucket: SERVICE,
  orders_created_total: BUSINESS,
  orders_completed_total: BUSINESS,
  payments_started_total: BUSINESS,
  payments_succeeded_total: BUSINESS,
};

/** A recording rule's name (`level:metric:operations`): made by a rule, not scraped. */
export function isRecorded(series: string): boolean {
  return series.includes(':');
}
