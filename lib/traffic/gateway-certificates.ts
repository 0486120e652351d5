import { Construct } from 'constructs';
import { Certificate } from '../../imports/certificate-cert-manager.io';
import { fail } from '../core/errors';
import { MANAGED_BY } from '../core/labels';
import type { IssuerReference } from '../platform/cluster-certificate-issuer';
import type { GatewayListener } from './gateway';

/** What {@link GatewayCertificates} needs of a Gateway: its name, namespace and listeners (a `SharedGateway`). */
export interface CertifiedGateway {
  /** Gateway name. */
  readonly name: string;
  /** Gateway namespace: the listeners' Secrets must live there. */
  readonly namespace: string;
  /** The listeners, each naming its TLS Secret. */
  readonly listeners: readonly GatewayListener[];
}

/** Properties of {@link GatewayCertificates}. */
export interface GatewayCertificatesProps {
  /** The Gateway whose listeners get certificates. */
  readonly gateway: CertifiedGateway;
  /** The issuer that signs them, e.g. `ClusterCertificateIssuer.reference`. */
  readonly issuer: IssuerReference;
}

/**
 * One cert-manager Certificate per TLS Secret of a Gateway's listeners, in the Gateway's namespace (a
 * listener's `certificateRefs` must be there), named after the Secret, covering every hostname served
 * with it. Each listener must name its Secret: a listener without one has no certificate to hold.
 */
export class GatewayCertificates extends Construct {
  /** The Certificates, one per Secret, in listener order. */
  public readonly certificates: readonly Certificate[];

  public constructor(scope: Construct, id: string, props: GatewayCertificatesProps) {
    super(scope, id);
    const hostnames = new Map<string, string[]>();
    props.gateway.listeners.forEach((l, i) => {
      if (!l.certificateSecret) {
        fail(
          this,
          `gateway "${props.gateway.name}" listeners[${i}] "${l.name}" has no certificateSecret, so there is no Secret ` +
            `to issue a certificate into; set certificateSecret (e.g. "${l.name}-tls") on the listener`,
        );
      }
      const names = hostnames.get(l.certificateSecret) ?? [];
      if (!names.includes(l.hostname)) names.push(l.hostname);
      hostnames.set(l.certificateSecret, names);
    });
    this.certificates = [...hostnames].map(
      ([secretName, dnsNames]) =>
        new Certificate(this, secretName, {
          metadata: {
            name: secretName,
            namespace: props.gateway.namespace,
            labels: { 'app.kubernetes.io/managed-by': MANAGED_BY },
          },
          spec: { secretName, dnsNames, issuerRef: { ...props.issuer } },
        }),
    );
  }
}
