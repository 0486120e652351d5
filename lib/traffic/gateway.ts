import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  Gateway,
  GatewaySpecListenersAllowedRoutesNamespacesFrom,
} from '../../imports/gateway-gateway.networking.k8s.io';
import { PodMonitor } from '../../imports/podmonitor-monitoring.coreos.com';
import { fail } from '../core/errors';
import { MANAGED_BY } from '../core/labels';
import { assertDnsLabel } from '../core/names';
import { Peer } from '../core/network';
import { assertPort } from '../core/ports';
import { PROMETHEUS_SELECTOR_LABELS } from '../core/prometheus-selection';
import { assertHostname } from './hostnames';

/** Where a gateway's proxy pods serve their Prometheus metrics. */
export interface ProxyMetricsEndpoint {
  /** Name of the container port. */
  readonly port: string;
  /** HTTP path of the metrics. */
  readonly path: string;
}

/**
 * Istio's gateway proxies: Envoy's own metrics, with Istio's standard `istio_requests_total`, on the
 * container port `http-envoy-prom` (15090) at `/stats/prometheus`, as the deployment template
 * `kube-gateway.yaml` of the istiod chart declares it (read at istio/istio commit 03404d0; the addon
 * pins 1.30.3).
 */
export const ISTIO_PROXY_METRICS: ProxyMetricsEndpoint = { port: 'http-envoy-prom', path: '/stats/prometheus' };

/** One listener of a shared Gateway. */
export interface GatewayListener {
  /** Listener name, referenced by routes as `sectionName`, e.g. `https-shop`. */
  readonly name: string;
  /** Hostname served, e.g. `shop.example.com` or `*.example.com`. */
  readonly hostname: string;
  /**
   * Secret (in the Gateway's namespace) holding the TLS certificate; without it the listener is plain HTTP.
   * @default - plain HTTP, refused unless requireTls is false
   */
  readonly certificateSecret?: string;
  /**
   * Port the listener binds.
   * @default 443 with a certificate, 80 without
   */
  readonly port?: number;
}

/** Properties of {@link SharedGateway}. */
export interface SharedGatewayProps {
  /**
   * Gateway name.
   * @default - the construct id
   */
  readonly name?: string;
  /** GatewayClass of the installed implementation, e.g. `envoy-gateway`. */
  readonly gatewayClassName: string;
  /** Listeners, one per hostname. */
  readonly listeners: GatewayListener[];
  /**
   * Namespace label that allows a namespace's routes to attach.
   * @default { 'gateway-access': '<gateway name>' }
   */
  readonly routeNamespaceLabel?: Record<string, string>;
  /**
   * Refuse listeners without TLS (required in staging and production).
   * @default true
   */
  readonly requireTls?: boolean;
  /**
   * Labels of the gateway's proxy pods, used to admit them in NetworkPolicies.
   * @default { 'gateway.networking.k8s.io/gateway-name': '<gateway name>' } (set by Envoy Gateway, Istio and others)
   */
  readonly proxyPodLabels?: Record<string, string>;
  /**
   * Namespace the gateway's proxy pods run in (Envoy Gateway runs them in its own system namespace).
   * @default - the Gateway's namespace (Istio and others)
   */
  readonly proxyNamespace?: string;
  /**
   * Where the proxy pods serve their metrics: a PodMonitor makes Prometheus scrape them, so the edge's
   * requests and errors can be graphed and alerted on. `false` for none.
   * @default ISTIO_PROXY_METRICS
   */
  readonly proxyMetrics?: ProxyMetricsEndpoint | false;
}

/**
 * A Gateway shared by the services of several namespaces (guide 7.2): TLS on every listener by
 * default, and routes admitted only from namespaces carrying the access label.
 */
export class SharedGateway extends Construct {
  /** The Gateway object. */
  public readonly gateway: Gateway;
  /** Gateway name. */
  public readonly name: string;
  /** Gateway namespace. */
  public readonly namespace: string;
  /** Listener names, for route attachment checks. */
  public readonly listenerNames: readonly string[];
  /** The listeners as given, for their certificates. */
  public readonly listeners: readonly GatewayListener[];
  /** The label a namespace needs for its routes to attach. */
  public readonly routeNamespaceLabel: Record<string, string>;
  /** The gateway's proxy pods, as a NetworkPolicy peer. */
  public readonly proxyPeer: Peer;
  /** Makes Prometheus scrape the proxy pods, unless `proxyMetrics` is false. */
  public readonly proxyMonitor?: PodMonitor;

  public constructor(scope: Construct, id: string, props: SharedGatewayProps) {
    super(scope, id);
    this.name = assertDnsLabel(this, 'name', props.name ?? id);
    const namespace = Chart.of(this).namespace;
    if (!namespace) fail(this, 'the chart has no namespace; create the chart with namespace: "gateway"');
    this.namespace = namespace;
    this.routeNamespaceLabel = props.routeNamespaceLabel ?? { 'gateway-access': this.name };
    const proxyNamespace = props.proxyNamespace ?? this.namespace;
    const proxyPodLabels = props.proxyPodLabels ?? { 'gateway.networking.k8s.io/gateway-name': this.name };
    this.proxyPeer = Peer.podsInNamespace(proxyNamespace, proxyPodLabels);
    if (props.listeners.length === 0) fail(this, 'listeners is empty; add at least one listener with a hostname');
    const requireTls = props.requireTls ?? true;
    this.listeners = props.listeners;
    const seen = new Map<string, number>();
    this.listenerNames = props.listeners.map((l, i) => {
      assertDnsLabel(this, `listeners[${i}].name`, l.name);
      // A Gateway's listeners are unique by name, and by port, protocol and hostname together.
      const port = l.port ?? (l.certificateSecret ? 443 : 80);
      for (const key of [`name ${l.name}`, `port ${port}, ${l.certificateSecret ? 'HTTPS' : 'HTTP'}, ${l.hostname}`]) {
        if (seen.has(key)) {
          fail(this, `listeners[${i}] has the same ${key} as listeners[${seen.get(key)}]; a Gateway refuses both`);
        }
        seen.set(key, i);
      }
      assertHostname(this, `listeners[${i}].hostname`, l.hostname);
      if (l.port !== undefined) assertPort(this, `listeners[${i}].port`, l.port);
      if (requireTls && !l.certificateSecret) {
        fail(
          this,
          `listeners[${i}] "${l.name}" has no certificateSecret, so it would serve plain HTTP; ` +
            `set certificateSecret to the TLS Secret of ${l.hostname}, or requireTls: false outside staging and production`,
        );
      }
      return l.name;
    });
    this.gateway = new Gateway(this, 'Resource', {
      metadata: {
        name: this.name,
        namespace: this.namespace,
        labels: { 'app.kubernetes.io/managed-by': MANAGED_BY, 'app.kubernetes.io/name': this.name },
      },
      spec: {
        gatewayClassName: props.gatewayClassName,
        listeners: props.listeners.map((l) => ({
          name: l.name,
          hostname: l.hostname,
          port: l.port ?? (l.certificateSecret ? 443 : 80),
          protocol: l.certificateSecret ? 'HTTPS' : 'HTTP',
          tls: l.certificateSecret ? { certificateRefs: [{ kind: 'Secret', name: l.certificateSecret }] } : undefined,
          allowedRoutes: {
            namespaces: {
              from: GatewaySpecListenersAllowedRoutesNamespacesFrom.SELECTOR,
              selector: { matchLabels: this.routeNamespaceLabel },
            },
          },
        })),
      },
    });
    const metrics = props.proxyMetrics ?? ISTIO_PROXY_METRICS;
    if (metrics) {
      this.proxyMonitor = new PodMonitor(this, 'ProxyMonitor', {
        metadata: {
          name: `${this.name}-proxy`,
          namespace: proxyNamespace,
          labels: {
            'app.kubernetes.io/managed-by': MANAGED_BY,
            'app.kubernetes.io/name': this.name,
            ...PROMETHEUS_SELECTOR_LABELS,
          },
        },
        spec: {
          selector: { matchLabels: proxyPodLabels },
          podMetricsEndpoints: [{ port: metrics.port, path: metrics.path }],
        },
      });
    }
  }
}
