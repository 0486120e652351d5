import { Duration } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { PodMonitor } from '../../imports/podmonitor-monitoring.coreos.com';
import { ServiceMonitor } from '../../imports/servicemonitor-monitoring.coreos.com';
import { PROMETHEUS_SELECTOR_LABELS } from '../core/prometheus-selection';

/** How Prometheus scrapes a service. */
export interface MonitoringOptions {
  /**
   * HTTP path of the metrics endpoint.
   * @default '/metrics'
   */
  readonly path?: string;
  /**
   * Scrape interval.
   * @default Duration.seconds(30)
   */
  readonly interval?: Duration;
  /**
   * Namespace the Prometheus pods run in; it is admitted by the NetworkPolicy.
   * @default 'monitoring'
   */
  readonly prometheusNamespace?: string;
}

/** The scrape of the port named `http`: its path and interval. */
function httpEndpoint(monitoring: MonitoringOptions): { port: string; path: string; interval: string } {
  return {
    port: 'http',
    path: monitoring.path ?? '/metrics',
    interval: `${(monitoring.interval ?? Duration.seconds(30)).toSeconds()}s`,
  };
}

/**
 * A ServiceMonitor scraping the port named `http` of the Services matching `selector` in `namespace`,
 * labelled so the platform's Prometheus selects it ({@link PROMETHEUS_SELECTOR_LABELS}).
 */
export function httpServiceMonitor(
  scope: Construct,
  id: string,
  metadata: k8s.ObjectMeta,
  selector: Record<string, string>,
  monitoring: MonitoringOptions,
): ServiceMonitor {
  return new ServiceMonitor(scope, id, {
    metadata: { ...metadata, labels: { ...metadata.labels, ...PROMETHEUS_SELECTOR_LABELS } },
    spec: {
      selector: { matchLabels: selector },
      namespaceSelector: { matchNames: [metadata.namespace!] },
      endpoints: [httpEndpoint(monitoring)],
    },
  });
}

/**
 * A PodMonitor scraping the container port named `http` of the pods matching `selector` in the
 * metadata's namespace, for workloads without a Service (node agents), labelled as a ServiceMonitor is.
 */
export function httpPodMonitor(
  scope: Construct,
  id: string,
  metadata: k8s.ObjectMeta,
  selector: Record<string, string>,
  monitoring: MonitoringOptions,
): PodMonitor {
  return new PodMonitor(scope, id, {
    metadata: { ...metadata, labels: { ...metadata.labels, ...PROMETHEUS_SELECTOR_LABELS } },
    spec: {
      selector: { matchLabels: selector },
      podMetricsEndpoints: [httpEndpoint(monitoring)],
    },
  });
}
