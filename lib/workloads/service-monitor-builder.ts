import { Duration } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
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
      endpoints: [
        {
          port: 'http',
          path: monitoring.path ?? '/metrics',
          interval: `${(monitoring.interval ?? Duration.seconds(30)).toSeconds()}s`,
        },
      ],
    },
  });
}
