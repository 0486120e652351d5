// The public API of cdk8s-production, by name. Everything else in lib/ is internal and may change in
// any release; etc/cdk8s-production.api.md records this surface and `npm test` fails when it drifts.

// Workloads
export { ProductionService } from './workloads/production-service';
export type {
  AutoscalingOptions,
  ApiServerEndpoint,
  NetworkAccess,
  ProductionServiceProps,
  RolloutOptions,
} from './workloads/production-service';
export { StatefulService } from './workloads/stateful-service';
export type { StatefulServiceProps, StatefulStorage } from './workloads/stateful-service';
export { NodeAgent, SENSITIVE_HOST_PATHS } from './workloads/node-agent';
export type { HostPathMount, NodeAgentConfig, NodeAgentProps } from './workloads/node-agent';
export { BatchJob } from './workloads/batch-job';
export type { BatchJobProps } from './workloads/batch-job';
export { ScheduledJob } from './workloads/scheduled-job';
export type { ScheduledJobProps } from './workloads/scheduled-job';
export { BatchWorkload, VerticalScalingMode } from './workloads/batch-workload';
export type { BatchWorkloadParts, BatchWorkloadProps } from './workloads/batch-workload';
export { CanaryTrack } from './workloads/canary-track';
export type { CanaryOptions, CanaryTrackProps } from './workloads/canary-track';
export type { ContainerOptions, ContainerPort, PodExtensions, ResolvedPodExtensions } from './workloads/containers';
export { Dependency } from './workloads/dependencies';
export type { ExternalEndpointOptions, ServingWorkload } from './workloads/dependencies';
export type { PodTemplateOptions, ServiceProbes, WorkloadProps } from './workloads/pod-template';
export type { MonitoringOptions } from './workloads/service-monitor-builder';
export { WorkloadConstruct } from './workloads/workload-construct';
export type { WorkloadTraffic } from './workloads/workload-network-policy';

// Vocabulary the props use
export { ConfigurationError } from './core/errors';
export { EXTERNAL_DEPENDENCIES_ANNOTATION } from './core/external-dependency';
export type { ExternalDependency } from './core/external-dependency';
export { MANAGED_BY } from './core/labels';
export { BUILT_IN_NAMESPACES } from './core/namespaces';
export type { WorkloadIdentity } from './core/labels';
export type { NamedObject } from './core/named-object';
export { Peer, Protocol } from './core/network';
export type { EgressRule, IngressRule, PolicyPort } from './core/network';
export { NODE_POOL_LABEL, ZoneSpread } from './core/placement';
export type { PlacementOptions, PodPlacement } from './core/placement';
export {
  EXEMPTED_NAMESPACE_MODES,
  POD_SECURITY_EXEMPTION_ANNOTATION,
  PodSecurityLevel,
  podSecurityLabels,
} from './core/pod-security';
export type { PodSecurityModes } from './core/pod-security';
export { PolicyMode } from './core/policy-mode';
export { POLICY_SCOPE_LABELS } from './core/policy-scope';
export { Preemption, PriorityTier } from './core/priority';
export { JVM_LIVENESS_TIMING, Probe, ProcessRuntime } from './core/probes';
export { FLUENT_BIT_MAIN_FILE, fluentBitConfig } from './observability/fluent-bit-config';
export type { FluentBitOptions, LogStore } from './observability/fluent-bit-config';
export type { HttpProbeOptions, ProbeTiming, TcpProbeOptions } from './core/probes';
export type { PermissionRule } from './core/rbac';
export type {
  ContainerResources,
  CpuAmount,
  MemoryAmount,
  RequestAndLimit,
  ResourceQuantities,
} from './core/resources';
export type { RunAsIdentity } from './core/security';
export { PodVolume } from './core/volumes';
export type { EmptyDirOptions, VolumeMountOptions } from './core/volumes';
export { clusterScoped } from './core/cluster-scoped';
export { PROVIDES_API_GROUPS_ANNOTATION } from './core/api-groups';
export {
  HOST_NETWORK_CHECKS,
  HOST_PATH_CHECKS,
  MOUNTED_TOKEN_CHECKS,
  PEER_EXEMPTION_REASON_ANNOTATION,
  peerExemptionAnnotations,
  POD_EXEC_BINDING_CHECKS,
  BUILT_IN_CLUSTER_ROLE_BINDING_CHECKS,
  POD_EXEC_ROLE_CHECKS,
  PULL_POLICY_CHECKS,
  REPLICAS_FROM_AUTOSCALER_CHECKS,
  RUN_AS_ROOT_CHECKS,
  SENSITIVE_HOST_MOUNT_CHECKS,
  WRITABLE_HOST_MOUNT_CHECKS,
} from './core/peer-exemptions';
export { applyWorkloadPeerExemptions, PINNED_PULL_POLICY_REASON } from './workloads/workload-peer-exemptions';
export { PEER_CHECK_MAPPINGS, PeerTool } from './readiness/peer-checks';
export type { PeerCheckMapping } from './readiness/peer-checks';
export type { PeerChecks } from './core/peer-exemptions';

// Platform
export { BackupTarget, EtcdBackup } from './platform/etcd-backup';
export type {
  EtcdBackupAlertsOptions,
  EtcdBackupProps,
  RestoreDrillOptions,
  VolumeClaimTargetOptions,
} from './platform/etcd-backup';
export { KyvernoClusterPolicy } from './platform/kyverno-cluster-policy';
export type {
  KyvernoClusterPolicyProps,
  KyvernoCondition,
  KyvernoDeny,
  KyvernoMatch,
  KyvernoResourceFilter,
  KyvernoRule,
  KyvernoValidate,
} from './platform/kyverno-cluster-policy';
export {
  DISALLOW_CLUSTER_ADMIN_FOR_SERVICE_ACCOUNTS,
  DISALLOW_DEFAULT_SERVICE_ACCOUNT,
  DISALLOW_LATEST_TAG,
  POLICY_CATALOGUE,
  REQUIRE_READINESS_PROBE,
  REQUIRE_REQUESTS_AND_LIMITS,
  REQUIRE_RESTRICTED_SECURITY,
} from './platform/kyverno-policies';
export type { PolicyDefinition, PolicyRuleDefinition } from './platform/kyverno-policies';
export { KUBE_SYSTEM_EXEMPTION, PolicyPack } from './platform/policy-pack';
export type { PodSecurityExemption, PolicyPackProps } from './platform/policy-pack';
export { PriorityClasses } from './platform/priority-classes';
export type { PriorityClassesProps } from './platform/priority-classes';
export { REDIS_PORT, REDIS_SENTINEL_PORT, ReplicatedRedis } from './platform/replicated-redis';
export type { ReplicatedRedisProps } from './platform/replicated-redis';
export type { RedisTopology } from './platform/replicated-redis-scripts';
export { RetainedStorageClass } from './platform/retained-storage-class';
export type { RetainedStorageClassProps } from './platform/retained-storage-class';
export { BREAK_GLASS_RULES, DEBUG_RULES, Tenant } from './platform/tenant';
export type { DedicatedNodePool, QuotaConsumer, TenantAccess, TenantProps, TenantQuota } from './platform/tenant';

// Secrets
export { LiteralSecret } from './secrets/literal-secret';
export type { LiteralSecretProps } from './secrets/literal-secret';
export { SecretStoreKind } from './secrets/secret-files';
export type { RemoteSecretRef, SecretFiles, SecretFilesParts } from './secrets/secret-files';

// Traffic
export { ISTIO_PROXY_METRICS, SharedGateway } from './traffic/gateway';
export type { GatewayListener, ProxyMetricsEndpoint, SharedGatewayProps } from './traffic/gateway';
export { ISTIO_GATEWAY } from './traffic/gateway-implementation';
export type { GatewayImplementation } from './traffic/gateway-implementation';
export { ServiceRoute } from './traffic/http-route';
export type { RoutableService, RouteBackend, ServiceRouteProps } from './traffic/http-route';
export { ServiceIngress } from './traffic/ingress';
export type { ServiceIngressProps } from './traffic/ingress';

// Observability
export type { Matchers } from './observability/promql';
export { AlertRules } from './observability/alert-rules';
export type { AlertDashboard, AlertRulesOptions, AlertRulesProps } from './observability/alert-rules';
export { AlertLayer, Severity } from './observability/alert';
export type { AlertPanel, AlertRule, RecordingRule, RuleGroup } from './observability/alert';
export { AlertsDashboard } from './observability/dashboards/alerts-dashboard';
export type { AlertsDashboardProps } from './observability/dashboards/alerts-dashboard';
export { ApplicationDashboard } from './observability/dashboards/application-dashboard';
export type { ApplicationDashboardProps } from './observability/dashboards/application-dashboard';
export { Dashboard, DEFAULT_GRAFANA_URL } from './observability/dashboards/dashboard';
export type { DashboardOptions, DashboardProps } from './observability/dashboards/dashboard';
export { dashboardUid, MAX_DASHBOARD_UID_LENGTH } from './observability/dashboards/dashboard-uid';
export { PanelStyle, PanelUnit } from './observability/dashboards/panel';
export type {
  DashboardAnnotation,
  DashboardLink,
  DashboardPanel,
  DashboardRow,
  PanelQuery,
} from './observability/dashboards/panel';
export { metricNamesOf, promqlSyntaxError } from './observability/dashboards/promql-syntax';
export { ServiceDashboard } from './observability/dashboards/service-dashboard';
export type { ServiceDashboardProps } from './observability/dashboards/service-dashboard';
export { BusinessAlerts, BusinessKpi } from './observability/business-alerts';
export type { BusinessAlertsProps, KpiRatioOptions } from './observability/business-alerts';
export { ClusterAlerts, KUBE_ETCD_JOB } from './observability/cluster-alerts';
export type { ClusterAlertsProps } from './observability/cluster-alerts';
export { INGRESS_NGINX_REQUESTS, istioGatewayRequests, PlatformAlerts } from './observability/platform-alerts';
export type { EdgeRequestMetric, PlatformAlertsProps } from './observability/platform-alerts';
export { DEFAULT_RUNBOOK_BASE_URL, Runbooks } from './observability/runbooks';
export { ServiceAlerts } from './observability/service-alerts';
export type {
  HttpServerMetrics,
  ServiceAlertsProps,
  ServiceLevelObjective,
  ServiceSignals,
  WatchedService,
} from './observability/service-alerts';
export { DEFAULT_OTLP_ENDPOINT, LogFormat, ServiceTier } from './observability/telemetry';
export type { TelemetryOptions, TelemetrySubject } from './observability/telemetry';

// Environments and delivery
export { assertGitRevision, Environment, Environments, LogLevel } from './environments/environment';
export type {
  CanaryRelease,
  ClusterTarget,
  DeliveryAccess,
  EnvironmentProps,
  GatewaySettings,
  PeakProfile,
  ServiceCapacity,
  SyncWindow,
} from './environments/environment';
export {
  ARGOCD_NAMESPACE,
  COMPARE_OPTIONS_ANNOTATION,
  EnvironmentDelivery,
  FLEET_CLUSTER_LABEL,
  RootApplication,
  SERVER_SIDE_DIFF,
} from './gitops/argocd';
export type { EnvironmentDeliveryProps, GitSource, RootApplicationProps } from './gitops/argocd';
export { footprintOf } from './gitops/footprint';
export type { ClusterResource, Footprint } from './gitops/footprint';
export { applySyncWaves, SYNC_WAVE_ANNOTATION } from './gitops/sync-waves';
export { applyDeleteProtection } from './gitops/delete-protection';
export {
  DELETE_PROTECTED_KINDS,
  DELETE_PROTECTION,
  isDeleteProtected,
  SYNC_OPTIONS_ANNOTATION,
} from './core/delete-protection';

// Output: collect, write, summarize, diff
export { collectManifests } from './output/collect';
export type { ManifestFile } from './output/collect';
export { OutputWriter, renderOutput, writeOutput } from './output/write';
export type { TextFile } from './output/write';
export { renderSummary } from './output/summary';
export { diffOutputs, hasDifferences, renderDiff } from './output/diff';
export type { FieldChange, FolderDiff, ObjectChange } from './output/diff';
export { fromYaml, toYaml } from './output/yaml';
export type { Manifest } from './output/yaml';
export { CONSTRUCT_METADATA_FILE, constructMetadataJson } from './cli/construct-metadata';
export type { ConstructMetadata } from './cli/construct-metadata';

// Readiness checker
export { checkManifests } from './readiness/check';
export type { CheckOptions, Finding, Report, ReportSummary, SuppressedFinding } from './readiness/check';
export { assertReady, checkManifestFiles, ReadinessError } from './readiness/located';
export type { LocatedReport, Location, ManifestSource } from './readiness/located';
export type { PackName } from './readiness/packs';
export type { PolicyVersionName } from './readiness/policy-version';
export { POD_SECURITY_EXEMPTION, SUPPRESS_ANNOTATION, suppressionAnnotation } from './readiness/suppressions';
export type { Suppression } from './readiness/suppressions';
export type { KubeObject, Level } from './readiness/types';

// The custom-resource bindings the constructs' public fields hold, generated by `cdk8s import`:
// `argocdApplication.Application`, `serviceMonitor.ServiceMonitor`, ...
export * as argocdApplication from '../imports/application-argoproj.io';
export * as argocdProject from '../imports/appproject-argoproj.io';
export * as externalSecrets from '../imports/externalsecret-external-secrets.io';
export * as gateway from '../imports/gateway-gateway.networking.k8s.io';
export * as httpRoute from '../imports/httproute-gateway.networking.k8s.io';
export * as prometheusRule from '../imports/prometheusrule-monitoring.coreos.com';
export * as serviceMonitor from '../imports/servicemonitor-monitoring.coreos.com';
export * as verticalPodAutoscaler from '../imports/vpa-autoscaling.k8s.io';
export * as certificate from '../imports/certificate-cert-manager.io';
export * as clusterIssuer from '../imports/clusterissuer-cert-manager.io';
export * as clusterSecretStore from '../imports/clustersecretstore-external-secrets.io';

// Platform add-ons, certificates and secret stores
export {
  GRAFANA_DASHBOARD_LABEL,
  GRAFANA_DASHBOARD_LABEL_VALUE,
  GRAFANA_PROMETHEUS_DATASOURCE_UID,
  MONITORING_NAMESPACE,
  PROMETHEUS_RELEASE,
  PROMETHEUS_SELECTOR_LABELS,
} from './core/prometheus-selection';
export {
  AcmeSolver,
  ClusterCertificateIssuer,
  IssuerType,
  LETS_ENCRYPT_PRODUCTION,
} from './platform/cluster-certificate-issuer';
export type {
  AcmeOptions,
  ClusterCertificateIssuerProps,
  IssuerReference,
} from './platform/cluster-certificate-issuer';
export { GatewayCertificates } from './traffic/gateway-certificates';
export type { CertifiedGateway, GatewayCertificatesProps } from './traffic/gateway-certificates';
export { PlatformSecretStore, SecretProvider } from './secrets/platform-secret-store';
export type {
  AwsProviderOptions,
  PlatformSecretStoreProps,
  ServiceAccountReference,
} from './secrets/platform-secret-store';
export { AddonWave } from './gitops/addons/addon';
export type { AddonDefinition, GitManifestSource, HelmChartSource, HelmValue, HelmValues } from './gitops/addons/addon';
export {
  CERT_MANAGER,
  EXTERNAL_SECRETS,
  GATEWAY_API_CRDS,
  ISTIOD,
  ISTIO_BASE,
  KUBE_PROMETHEUS_STACK,
  KYVERNO,
  LOKI,
  LOKI_SERVICE,
  METRICS_SERVER,
  OPENTELEMETRY_COLLECTOR,
  OTEL_COLLECTOR_NAME,
  PROMETHEUS_RETENTION,
  VERTICAL_POD_AUTOSCALER,
  platformAddonsFor,
} from './gitops/addons/addon-catalogue';
export { APPLICATION_HEALTH_KEY, APPLICATION_HEALTH_LUA } from './gitops/addons/application-health';
export { ADDON_LABEL, ADDON_PURPOSE_ANNOTATION, PlatformAddons } from './gitops/addons/platform-addons';
export type { PlatformAddonsProps } from './gitops/addons/platform-addons';
export { prometheusAdapterRules } from './gitops/addons/prometheus-adapter-rules';
export type { PodMetricsConsumer } from './gitops/addons/prometheus-adapter-rules';
export { renderAddonSummary } from './gitops/addons/addon-summary';
