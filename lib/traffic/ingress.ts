import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { fail } from '../core/errors';
import { MANAGED_BY } from '../core/labels';
import { assertDnsSubdomainName } from '../core/names';
import { Peer } from '../core/network';
import { assertHostname } from './hostnames';
import { RoutableService } from './http-route';

/** Properties of {@link ServiceIngress}. */
export interface ServiceIngressProps {
  /** The Service exposed. */
  readonly service: RoutableService;
  /** Hostnames served. */
  readonly hostnames: string[];
  /** IngressClass of the installed controller, e.g. `nginx`. */
  readonly ingressClassName: string;
  /**
   * Secret with the TLS certificate for the hostnames; required unless requireTls is false.
   * @default - no TLS, refused unless requireTls is false
   */
  readonly tlsSecret?: string;
  /**
   * Refuse an Ingress without TLS (required in staging and production).
   * @default true
   */
  readonly requireTls?: boolean;
  /** The ingress controller's pods, admitted by the service's NetworkPolicy. */
  readonly controllerPeer: Peer;
}

/**
 * A plain `networking.k8s.io/v1` Ingress for clusters without the Gateway API (guide 7.2: enough for
 * basic HTTP and HTTPS), with TLS required by default.
 */
export class ServiceIngress extends Construct {
  /** The Ingress object. */
  public readonly ingress: k8s.KubeIngress;

  public constructor(scope: Construct, id: string, props: ServiceIngressProps) {
    super(scope, id);
    if (props.hostnames.length === 0)
      fail(this, 'hostnames is empty; add the hostname clients use, e.g. "shop.example.com"');
    // Ingress hosts may be wildcards (`*.example.com`) since networking.k8s.io/v1; never IP addresses.
    props.hostnames.forEach((h, i) => assertHostname(this, `hostnames[${i}]`, h));
    assertDnsSubdomainName(this, 'ingressClassName', props.ingressClassName);
    if (props.tlsSecret !== undefined) assertDnsSubdomainName(this, 'tlsSecret', props.tlsSecret);
    if ((props.requireTls ?? true) && !props.tlsSecret) {
      fail(
        this,
        'tlsSecret is not set, so the Ingress would serve plain HTTP; set tlsSecret, or requireTls: false outside staging and production',
      );
    }
    props.service.allowIngressFrom(props.controllerPeer);
    const backend: k8s.IngressBackend = {
      service: { name: props.service.name, port: { number: props.service.servicePort } },
    };
    this.ingress = new k8s.KubeIngress(this, 'Resource', {
      metadata: {
        name: props.service.name,
        namespace: props.service.namespace,
        labels: { 'app.kubernetes.io/managed-by': MANAGED_BY, 'app.kubernetes.io/name': props.service.name },
      },
      spec: {
        ingressClassName: props.ingressClassName,
        tls: props.tlsSecret ? [{ hosts: props.hostnames, secretName: props.tlsSecret }] : undefined,
        rules: props.hostnames.map((host) => ({
          host,
          http: { paths: [{ path: '/', pathType: 'Prefix', backend }] },
        })),
      },
    });
  }
}
