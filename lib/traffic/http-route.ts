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

/** What an HTTPRoute holds at most (Gateway API v1.6.1 CRD: `hostnames` and `rules[].matches`). */
const MAX_HOSTNAMES = 16;
const MAX_MATCHES = 64;

/** The characters a Gateway API path may hold (its CRD's pattern for Exact and PathPrefix). */
const PATH_CHARACTERS = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|%[0-9a-fA-F]{2})+$/;

/** Why `prefix` breaks one of the Gateway API CRD's rules for a PathPrefix value, or undefined. */
function pathPrefixProblem(prefix: string): string | undefined {
  if (!prefix.startsWith('/')) return "it must start with '/'";
  if (prefix.length > 1024) return 'it has more than 1024 characters';
  for (const part of ['//', '/./', '/../', '%2f', '%2F', '#']) {
    if (prefix.includes(part)) return `it must not contain '${part}'`;
  }
  for (const end of ['/..', '/.']) if (prefix.endsWith(end)) return `it must not end with '${end}'`;
  if (!PATH_CHARACTERS.test(prefix)) return 'it holds characters a path may not, such as spaces or ?';
  return undefined;
}

/**
 * A Gateway API duration (`^([0-9]{1,5}(h|m|s|ms)){1,4}$`): whole seconds as `15s`, else milliseconds as
 * `1500ms`, and larger values composed of hours, minutes, seconds and milliseconds (`30h`).
 */
function gatewayDuration(scope: Construct, prop: string, duration: Duration): string {
  const millis = duration.toMilliseconds();
  if (!Number.isInteger(millis) || millis < 0) {
    fail(
      scope,
      `${prop} ${duration.toHumanString()} is not a whole number of milliseconds; use e.g. Duration.seconds(15)`,
    );
  }
  if (millis % 1000 === 0 && millis / 1000 <= 99999) return `${millis / 1000}s`;
  if (millis <= 99999) return `${millis}ms`;
  const parts: [number, string][] = [
    [Math.floor(millis / 3_600_000), 'h'],
    [Math.floor(millis / 60_000) % 60, 'm'],
    [Math.floor(millis / 1000) % 60, 's'],
    [millis % 1000, 'ms'],
  ];
  if (parts[0][0] > 99999)
    fail(scope, `${prop} ${duration.toHumanString()} is longer than a Gateway API duration holds`);
  return parts
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n}${unit}`)
    .join('');
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
    if (props.hostnames.length > MAX_HOSTNAMES) {
      fail(
        this,
        `hostnames holds ${props.hostnames.length}; an HTTPRoute takes at most ${MAX_HOSTNAMES}: split the route`,
      );
    }
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
        `backendTimeout (${backend.toHumanString()}) exceeds requestTimeout (${request.toHumanString()}); shorten backendTimeout`,
      );
    }
    if ((props.pathPrefixes ?? []).length > MAX_MATCHES) {
      fail(
        this,
        `pathPrefixes holds ${props.pathPrefixes!.length}; a route rule matches at most ${MAX_MATCHES}: split the route`,
      );
    }
    (props.pathPrefixes ?? []).forEach((prefix, i) => {
      const problem = pathPrefixProblem(prefix);
      if (problem) {
        fail(
          this,
          `pathPrefixes[${i}] ${JSON.stringify(prefix)} is not a Gateway API path prefix (${problem}); ` +
            `use an absolute path such as "/orders"`,
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
            timeouts: {
              request: gatewayDuration(this, 'requestTimeout', request),
              backendRequest: gatewayDuration(this, 'backendTimeout', backend),
            },
          },
        ],
      },
    });
  }
}
