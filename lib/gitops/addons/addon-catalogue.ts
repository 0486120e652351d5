import {
  GRAFANA_DASHBOARD_LABEL,
  GRAFANA_DASHBOARD_LABEL_VALUE,
  GRAFANA_PROMETHEUS_DATASOURCE_UID,
  MONITORING_NAMESPACE,
  PROMETHEUS_RELEASE,
} from '../../core/prometheus-selection';
import { AddonDefinition, AddonWave, HelmValues } from './addon';
import { PodMetricsConsumer, prometheusAdapterRules } from './prometheus-adapter-rules';

/*
 * Versions and values keys are those of the charts' own values.yaml at the tags named (see
 * docs/bringing-up-a-cluster.md). Every pod the charts create passes the restricted Pod Security level and
 * the pack's require-restricted-security policy (pod-level runAsNonRoot and seccomp RuntimeDefault;
 * containers without privilege escalation and with ALL capabilities dropped).
 */

/** The telemetry endpoint's Service name: services export OTLP to `otel-collector.monitoring.svc:4317`. */
export const OTEL_COLLECTOR_NAME = 'otel-collector';

/** How long Prometheus keeps samples: the 30-day SLO window and a day of margin. */
export const PROMETHEUS_RETENTION = '31d';

/** The pod security context the pack's policy requires at pod level. */
const RESTRICTED_POD: HelmValues = { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } };

/** The container security context of the restricted level. */
const RESTRICTED_CONTAINER: HelmValues = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  readOnlyRootFilesystem: true,
};

const PROMETHEUS_COMMUNITY = 'https://prometheus-community.github.io/helm-charts';

/** Gateway API v1.6.1 standard-channel CRDs (the Gateway and HTTPRoute kinds the gateway stack writes). */
export const GATEWAY_API_CRDS: AddonDefinition = {
  name: 'gateway-api-crds',
  providesApiGroups: ['gateway.networking.k8s.io'],
  purpose: 'Gateway API standard CRDs: Gateway, HTTPRoute, GatewayClass, ReferenceGrant',
  namespace: 'kube-system',
  // No chart exists; Argo CD syncs a Git folder, not a release URL. The release's standard-install.yaml
  // is these files concatenated.
  source: {
    manifests: {
      repoURL: 'https://github.com/kubernetes-sigs/gateway-api.git',
      version: 'v1.6.1',
      path: 'config/crd/standard',
    },
  },
  wave: AddonWave.CRDS,
  serverSideApply: true,
};

const ISTIO_CHARTS = 'https://istio-release.storage.googleapis.com/charts';
const ISTIO_VERSION = '1.30.3';

/** Istio's own CRDs (the `base` chart; it has no Gateway API CRDs and no pods). */
export const ISTIO_BASE: AddonDefinition = {
  name: 'istio-base',
  purpose: 'Istio CRDs, needed by istiod',
  namespace: 'istio-system',
  createsNamespace: true,
  source: { helm: { repoURL: ISTIO_CHARTS, chart: 'base', version: ISTIO_VERSION } },
  wave: AddonWave.CRDS,
};

/**
 * istiod, the Gateway API implementation of GatewayClass `istio`. `seccompProfile` gives istiod its
 * profile; `gateways.securityContext` replaces the whole pod security context of the gateway pods it
 * creates, so it repeats the default sysctl that lets the proxy bind ports below 1024.
 */
export const ISTIOD: AddonDefinition = {
  name: 'istiod',
  purpose: 'the Gateway API implementation (GatewayClass istio): runs the shared Gateway proxies',
  namespace: 'istio-system',
  source: {
    helm: {
      repoURL: ISTIO_CHARTS,
      chart: 'istiod',
      version: ISTIO_VERSION,
      values: {
        seccompProfile: { type: 'RuntimeDefault' },
        gateways: {
          securityContext: {
            ...RESTRICTED_POD,
            sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }],
          },
        },
      },
    },
  },
  wave: AddonWave.OPERATORS,
};

/**
 * Prometheus Operator, Prometheus, Alertmanager, kube-state-metrics and Grafana. Its Prometheus selects
 * `release: kube-prometheus-stack` (the release name); its Grafana sidecar loads the dashboards
 * (ConfigMaps labelled {@link GRAFANA_DASHBOARD_LABEL}) and names the Prometheus data source
 * {@link GRAFANA_PROMETHEUS_DATASOURCE_UID}, both set here from the constants the dashboards use. node-exporter is off: it needs the host network,
 * host PID and host paths, which no restricted namespace admits.
 */
export const KUBE_PROMETHEUS_STACK: AddonDefinition = {
  name: PROMETHEUS_RELEASE,
  providesApiGroups: ['monitoring.coreos.com'],
  purpose: 'ServiceMonitor and PrometheusRule CRDs, the Prometheus that selects them, Grafana',
  namespace: MONITORING_NAMESPACE,
  createsNamespace: true,
  source: {
    helm: {
      repoURL: PROMETHEUS_COMMUNITY,
      chart: 'kube-prometheus-stack',
      version: '88.3.0',
      values: {
        nodeExporter: { enabled: false },
        prometheus: {
          prometheusSpec: {
            ruleSelectorNilUsesHelmValues: true,
            serviceMonitorSelectorNilUsesHelmValues: true,
            podMonitorSelectorNilUsesHelmValues: true,
            // The SLO panels and their 30-day budget need 30 days of samples that survive a restart;
            // the chart keeps 10 days on an emptyDir by default. The claim uses the cluster's default class.
            retention: PROMETHEUS_RETENTION,
            retentionSize: '45GiB',
            storageSpec: {
              volumeClaimTemplate: {
                spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '50Gi' } } },
              },
            },
          },
        },
        grafana: {
          sidecar: {
            dashboards: { enabled: true, label: GRAFANA_DASHBOARD_LABEL, labelValue: GRAFANA_DASHBOARD_LABEL_VALUE },
            datasources: { uid: GRAFANA_PROMETHEUS_DATASOURCE_UID },
          },
          securityContext: { ...RESTRICTED_POD, runAsUser: 472, runAsGroup: 472, fsGroup: 472 },
          initChownData: { enabled: false },
          testFramework: { enabled: false },
        },
      },
    },
  },
  wave: AddonWave.OPERATORS,
  serverSideApply: true,
};

/** Kyverno, which enforces the policy pack. */
export const KYVERNO: AddonDefinition = {
  name: 'kyverno',
  providesApiGroups: ['kyverno.io'],
  purpose: 'ClusterPolicy CRD and the admission controller that enforces the policy pack',
  namespace: 'kyverno',
  createsNamespace: true,
  source: {
    helm: {
      repoURL: 'https://kyverno.github.io/kyverno/',
      chart: 'kyverno',
      version: '3.9.0',
      values: {
        admissionController: { podSecurityContext: RESTRICTED_POD },
        backgroundController: { podSecurityContext: RESTRICTED_POD },
        cleanupController: { podSecurityContext: RESTRICTED_POD },
        reportsController: { podSecurityContext: RESTRICTED_POD },
      },
    },
  },
  wave: AddonWave.OPERATORS,
  serverSideApply: true,
};

/** External Secrets Operator, which fills the ExternalSecrets from the `platform-secrets` store. */
export const EXTERNAL_SECRETS: AddonDefinition = {
  name: 'external-secrets',
  providesApiGroups: ['external-secrets.io'],
  purpose: 'ExternalSecret and ClusterSecretStore CRDs and their controller',
  namespace: 'external-secrets',
  createsNamespace: true,
  source: {
    helm: {
      repoURL: 'https://charts.external-secrets.io',
      chart: 'external-secrets',
      version: '2.9.0',
      values: {
        installCRDs: true,
        podSecurityContext: { enabled: true, ...RESTRICTED_POD },
        webhook: { podSecurityContext: { enabled: true, ...RESTRICTED_POD } },
        certController: { podSecurityContext: { enabled: true, ...RESTRICTED_POD } },
      },
    },
  },
  wave: AddonWave.OPERATORS,
};

/** cert-manager, which fills the gateways' TLS Secrets. Its CRDs are off unless `crds.enabled`. */
export const CERT_MANAGER: AddonDefinition = {
  name: 'cert-manager',
  providesApiGroups: ['cert-manager.io'],
  purpose: 'Certificate and ClusterIssuer CRDs and the controller that fills the gateway TLS Secrets',
  namespace: 'cert-manager',
  createsNamespace: true,
  source: {
    helm: {
      repoURL: 'https://charts.jetstack.io',
      chart: 'cert-manager',
      version: 'v1.21.1',
      values: { crds: { enabled: true, keep: true } },
    },
  },
  wave: AddonWave.OPERATORS,
};

/** The Vertical Pod Autoscaler (upstream chart), whose CRDs come from its `crds/` folder. */
export const VERTICAL_POD_AUTOSCALER: AddonDefinition = {
  name: 'vertical-pod-autoscaler',
  providesApiGroups: ['autoscaling.k8s.io'],
  purpose: 'VerticalPodAutoscaler CRD and its recommender (batch jobs in recommend-only mode)',
  namespace: 'vertical-pod-autoscaler',
  createsNamespace: true,
  source: {
    helm: {
      repoURL: 'https://kubernetes.github.io/autoscaler',
      chart: 'vertical-pod-autoscaler',
      version: '0.11.0',
      values: {
        podSecurityContext: { ...RESTRICTED_POD, runAsUser: 65534 },
        containerSecurityContext: RESTRICTED_CONTAINER,
      },
    },
  },
  wave: AddonWave.OPERATORS,
};

/** The OpenTelemetry Collector as a Deployment (no host ports), the endpoint services export to. */
export const OPENTELEMETRY_COLLECTOR: AddonDefinition = {
  name: 'opentelemetry-collector',
  purpose: 'the telemetry endpoint otel-collector.monitoring.svc:4317 every service exports OTLP to',
  namespace: MONITORING_NAMESPACE,
  source: {
    helm: {
      repoURL: 'https://open-telemetry.github.io/opentelemetry-helm-charts',
      chart: 'opentelemetry-collector',
      version: '0.170.0',
      values: {
        mode: 'deployment',
        fullnameOverride: OTEL_COLLECTOR_NAME,
        image: { repository: 'otel/opentelemetry-collector-k8s' },
        podSecurityContext: { ...RESTRICTED_POD, runAsUser: 10001, runAsGroup: 10001 },
        securityContext: { ...RESTRICTED_CONTAINER, runAsNonRoot: true },
      },
    },
  },
  wave: AddonWave.DEPENDENTS,
};

/** The log store's Service: Fluent Bit pushes to `loki.monitoring.svc:3100` (`/loki/api/v1/push`). */
export const LOKI_SERVICE = { name: 'loki', port: 3100 } as const;

/**
 * metrics-server, the resource metrics API (`metrics.k8s.io`) every HPA on CPU and the VPA recommender
 * read; kube-prometheus-stack and prometheus-adapter (custom metrics only) do not serve it. Chart 3.13.1
 * (kubernetes-sigs/metrics-server `charts/metrics-server`): its container is restricted already, the pod
 * level is empty. It verifies the kubelets' serving certificates, so they must be signed by the cluster
 * CA (kubeadm: `serverTLSBootstrap: true` and approved CSRs); the chart README's `--kubelet-insecure-tls`
 * is for testing only and not set.
 */
export const METRICS_SERVER: AddonDefinition = {
  name: 'metrics-server',
  purpose: 'the resource metrics API (metrics.k8s.io) that HPAs on CPU and the VPA recommender read',
  namespace: 'kube-system',
  source: {
    helm: {
      repoURL: 'https://kubernetes-sigs.github.io/metrics-server/',
      chart: 'metrics-server',
      version: '3.13.1',
      values: { podSecurityContext: RESTRICTED_POD },
    },
  },
  wave: AddonWave.OPERATORS,
};

/**
 * Loki, the log store the log collector ships to: one monolithic replica on the filesystem of a 10Gi
 * claim (the chart's default persistence, on the default StorageClass), no gateway, caches, canary or
 * test pod, and no multi-tenancy (`auth_enabled: false`, so Fluent Bit sends no tenant header). The OSS
 * chart lives in grafana-community/helm-charts since 2026-03 (`charts/loki`, tag loki-18.11.0, Loki
 * 3.7.6); a schema is required, and its pods set the restricted contexts by default.
 */
export const LOKI: AddonDefinition = {
  name: 'loki',
  purpose: 'the log store the log collector ships to (loki.monitoring.svc:3100)',
  namespace: MONITORING_NAMESPACE,
  source: {
    helm: {
      repoURL: 'https://grafana-community.github.io/helm-charts',
      chart: 'loki',
      version: '18.11.0',
      values: {
        deploymentMode: 'SingleBinary',
        loki: {
          auth_enabled: false,
          commonConfig: { replication_factor: 1 },
          storage: { type: 'filesystem' },
          schemaConfig: {
            configs: [
              {
                from: '2024-04-01',
                store: 'tsdb',
                object_store: 'filesystem',
                schema: 'v13',
                index: { prefix: 'loki_index_', period: '24h' },
              },
            ],
          },
        },
        singleBinary: { replicas: 1 },
        read: { replicas: 0 },
        write: { replicas: 0 },
        backend: { replicas: 0 },
        gateway: { enabled: false },
        chunksCache: { enabled: false },
        resultsCache: { enabled: false },
        lokiCanary: { enabled: false },
        test: { enabled: false },
      },
    },
  },
  wave: AddonWave.DEPENDENTS,
};

/**
 * prometheus-adapter serving, as the custom metrics API, every Pods metric the HPAs of `consumers`
 * read; its own catch-all default rule is off, so only those metrics are served.
 */
export function prometheusAdapter(consumers: readonly PodMetricsConsumer[]): AddonDefinition {
  return {
    name: 'prometheus-adapter',
    purpose: 'the custom metrics API for the Pods metrics of the HPAs',
    namespace: MONITORING_NAMESPACE,
    source: {
      helm: {
        repoURL: PROMETHEUS_COMMUNITY,
        chart: 'prometheus-adapter',
        version: '5.3.0',
        values: {
          prometheus: { url: `http://prometheus-operated.${MONITORING_NAMESPACE}.svc`, port: 9090 },
          rules: { default: false, custom: prometheusAdapterRules(consumers) },
          podSecurityContext: { ...RESTRICTED_POD, fsGroup: 10001 },
        },
      },
    },
    wave: AddonWave.DEPENDENTS,
  };
}

/**
 * Every addon an environment's manifests need: the Gateway API CRDs and `gatewayAddons` (the Gateway
 * implementation's, `GatewayImplementation.addons`), the fixed set, and prometheus-adapter when an HPA
 * of `consumers` reads a Pods metric.
 */
export function platformAddonsFor(
  consumers: readonly PodMetricsConsumer[],
  gatewayAddons: readonly AddonDefinition[],
): AddonDefinition[] {
  const adapter = consumers.some((c) => c.podMetricNames.length > 0) ? [prometheusAdapter(consumers)] : [];
  return [
    GATEWAY_API_CRDS,
    ...gatewayAddons,
    KUBE_PROMETHEUS_STACK,
    KYVERNO,
    EXTERNAL_SECRETS,
    CERT_MANAGER,
    METRICS_SERVER,
    VERTICAL_POD_AUTOSCALER,
    ...adapter,
    OPENTELEMETRY_COLLECTOR,
    LOKI,
  ];
}
