import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { HttpRoute, HttpRouteSpecRulesMatchesPathType } from '../../imports/httproute-gateway.networking.k8s.io';
import { fail, show } from '../core/errors';
import { MANAGED_BY } from '../core/labels';
import { Peer } from '../core/network';
import { SharedGateway } from './gateway';
import { assertHostname } from './hostnames';

/** A Service a route can send traffic to, and admit the gateway into. */
export interface RoutableService {
  /** Service name. */
  readonly name: string;
  /** Namespace of the Service. */
  readonly namespace: string;
  /** The port the Service exposes. */
  readonly servicePort: number;
  /** Adds an ingress allowance to the service's NetworkPolicy. */
  allowIngressFrom(peer: Peer): void;
}

/** One weighted destination of a route. */
export interface RouteBackend {
  /** The Service. */
  readonly service: RoutableService;
  /** Share of requests, 0..100; all weights of a route add up to 100. */
  readonly weight: number;
  /**
   * Service port to call; must be the port the Service exposes.
   * @default - the Service's port
   */
  readonly port?: number;
}

/** Properties of {@link ServiceRoute}. */
export interface ServiceRouteProps {
  /** The Gateway to attach to. */
  readonly gateway: SharedGateway;
  /**
   * Listener of the Gateway to attach to.
   * @default - every listener of the Gateway
   */
  readonly listener?: string;
  /** Hostnames the route answers, e.g. `['shop.example.com']`. */
  readonly hostnames: string[];
  /**
   * Path prefixes routed to the backends.
   * @default ['/']
   */
  readonly pathPrefixes?: string[];
  /** Weighted backends; one backend with weight 100 for a plain route. */
  readonly backends: RouteBackend[];
  /**
   * Time the gateway allows for the whole request, retries included.
   * @default Duration.seconds(15)
   */
  readonly requestTimeout?: Duration;
  /**
   * Time the gateway allows for one attempt at the backend; at most the request timeout.
   * @default - the request timeout
   */
  readonly backendTimeout?: Duration;
}

/**
 * An HTTPRoute (Gateway API standard channel) from a shared Gateway to one or more weighted
 * Services, with request timeouts. Every backend's NetworkPolicy admits the gateway's proxy pods,
 * so exposure and policy never disagree. Retries are not in the standard channel (v1.6); configure
 * them in the gateway implementation's own policy objects.
 */
export class ServiceRoute extends Construct {
  /** The HTTPRoute object. */
  public readonly route: HttpRoute;

  public constructor(scope: Construct, id: string, props: ServiceRouteProps) {
    super(scope, id);
    const first = props.backends[0];
    if (!first) fail(this, 'backends is empty; route to at least one service with weight 100');
    if (props.listener !== undefined && !props.gateway.listenerNames.includes(props.listener)) {
      fail(
        this,
        `listener ${show(props.listener)} does not exist on gateway ${props.gateway.name}; use one of: ${props.gateway.listenerNames.join(', ')}`,
      );
    }
    if (props.hostnames.length === 0)
      fail(this, 'hostnames is empty; add the hostname clients use, e.g. "shop.example.com"');
    props.hostnames.forEach((h, i) => assertHostname(this, `hostnames[${i}]`, h));
    let total = 0;
    props.backends.forEach((b, i) => {
      if (!Number.isInteger(b.weight) || b.weight < 0 || b.weight > 100) {
        fail(this, `backends[${i}].weight ${show(b.weight)} is outside 0..100; use a whole percentage`);
      }
      if (b.port !== undefined && b.port !== b.service.servicePort) {
        fail(
          this,
          `backends[${i}].port ${b.port} is not exposed by service ${b.service.name} (it exposes ${b.service.servicePort}); ` +
            `route to port ${b.service.servicePort}`,
        );
      }
      if (b.service.namespace !== first.service.namespace) {
        fail(
          this,
          `backends[${i}] is in namespace ${b.service.namespace}, not ${first.service.namespace}; keep a route's backends in one namespace`,
        );
      }
      total += b.weight;
    });
    if (total !== 100) {
      fail(this, `backend weights add up to ${total}, not 100; adjust them, e.g. stable 90 and canary 10`);
    }
    const request = props.requestTimeout ?? Duration.seconds(15);
    const backend = props.backendTimeout ?? request;
    if (backend.toMilliseconds() > request.toMilliseconds()) {
      fail(
        this,
        `backendTimeout (${backend.toSeconds()}s) exceeds requestTimeout (${request.toSeconds()}s); shorten backendTimeout`,
      );
    }
    (props.pathPrefixes ?? []).forEach((prefix, i) => {
      if (!prefix.startsWith('/') || prefix.length > 1024 || /[\s?#]/.test(prefix)) {
        fail(
          this,
          `pathPrefixes[${i}] ${JSON.stringify(prefix)} is not a Gateway API path prefix; start it with '/' and ` +
            `leave out spaces, '?' and '#', such as "/orders"`,
        );
      }
    });
    for (const b of props.backends) b.service.allowIngressFrom(props.gateway.proxyPeer);

    this.route = new HttpRoute(this, 'Resource', {
      metadata: {
        name: first.service.name,
        namespace: first.service.namespace,
        labels: { 'app.kubernetes.io/managed-by': MANAGED_BY, 'app.kubernetes.io/name': first.service.name },
      },
      spec: {
        parentRefs: [{ name: props.gateway.name, namespace: props.gateway.namespace, sectionName: props.listener }],
        hostnames: props.hostnames,
        rules: [
          {
            matches: (props.pathPrefixes ?? ['/']).map((value) => ({
              path: { type: HttpRouteSpecRulesMatchesPathType.PATH_PREFIX, value },
            })),
            backendRefs: props.backends.map((b) => ({
              name: b.service.name,
              port: b.service.servicePort,
              weight: b.weight,
            })),
            timeouts: { request: `${request.toSeconds()}s`, backendRequest: `${backend.toSeconds()}s` },
          },
        ],
      },
    });
  }
}
