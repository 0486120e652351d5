import { AddonDefinition } from '../gitops/addons/addon';
import { ISTIO_BASE, ISTIOD } from '../gitops/addons/addon-catalogue';
import { EdgeRequestMetric, istioGatewayRequests } from '../observability/platform-alerts';
import { ISTIO_PROXY_METRICS, ProxyMetricsEndpoint } from './gateway';

/**
 * The Gateway API implementation a platform installs, and everything that depends on which one it is:
 * the GatewayClass its Gateways name, the addons that install it, where its proxies serve metrics and
 * the request series the edge alerts read. Chosen once per platform, so the three cannot disagree.
 */
export interface GatewayImplementation {
  /** The GatewayClass the Gateways name, e.g. `istio`. */
  readonly gatewayClassName: string;
  /** The addons that install its CRDs and controller, delivered before the environments. */
  readonly addons: readonly AddonDefinition[];
  /** Where its proxy pods serve metrics, for the gateway's PodMonitor. */
  readonly proxyMetrics: ProxyMetricsEndpoint;
  /** The request counter the edge alerts read, for Gateways in `gatewayNamespace`. */
  edgeRequests(gatewayNamespace: string): EdgeRequestMetric;
}

/** Istio 1.30 as the Gateway implementation: GatewayClass `istio`, istio-base and istiod, Envoy's metrics. */
export const ISTIO_GATEWAY: GatewayImplementation = {
  gatewayClassName: 'istio',
  addons: [ISTIO_BASE, ISTIOD],
  proxyMetrics: ISTIO_PROXY_METRICS,
  edgeRequests: istioGatewayRequests,
};
