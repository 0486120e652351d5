import { Construct } from 'constructs';
import {
  ClusterIssuer,
  ClusterIssuerSpec,
  ClusterIssuerSpecAcmeSolvers,
} from '../../imports/clusterissuer-cert-manager.io';
import { clusterScoped } from '../core/cluster-scoped';
import { fail, show } from '../core/errors';
import { MANAGED_BY } from '../core/labels';
import { assertDnsLabel } from '../core/names';

/** How an ACME issuer proves control of a domain. */
export class AcmeSolver {
  /**
   * DNS-01 through Route 53, with the credentials the cert-manager controller already has (its
   * ServiceAccount's role or the node's): nothing to expose on port 80.
   */
  public static route53(options: { readonly region: string; readonly hostedZoneId?: string }): AcmeSolver {
    return new AcmeSolver({ dns01: { route53: { region: options.region, hostedZoneId: options.hostedZoneId } } });
  }

  private constructor(
    /** The solver as cert-manager reads it. */
    public readonly spec: ClusterIssuerSpecAcmeSolvers,
  ) {}
}

/** Options of {@link IssuerType.acme}. */
export interface AcmeOptions {
  /**
   * Directory URL of the ACME server.
   * @default LETS_ENCRYPT_PRODUCTION
   */
  readonly server?: string;
  /** Contact address the ACME account is registered with, e.g. `platform@example.com`. */
  readonly email: string;
  /** Secret (in cert-manager's namespace) cert-manager keeps the ACME account key in, e.g. `letsencrypt-account-key`. */
  readonly accountKeySecret: string;
  /** How domain control is proven. */
  readonly solver: AcmeSolver;
}

/** Let's Encrypt's production ACME directory. */
export const LETS_ENCRYPT_PRODUCTION = 'https://acme-v02.api.letsencrypt.org/directory';

/** What signs the certificates a ClusterIssuer issues. */
export class IssuerType {
  /** An ACME certificate authority such as Let's Encrypt. */
  public static acme(options: AcmeOptions): IssuerType {
    const server = options.server ?? LETS_ENCRYPT_PRODUCTION;
    return new IssuerType('acme', (where) => {
      if (!/^https:\/\/[^\s/]+/.test(server)) {
        fail(where, `issuer acme server ${show(server)} is not an https URL; use e.g. ${LETS_ENCRYPT_PRODUCTION}`);
      }
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(options.email)) {
        fail(where, `issuer acme email ${show(options.email)} is not an e-mail address; use e.g. platform@example.com`);
      }
      assertDnsLabel(where, 'issuer acme accountKeySecret', options.accountKeySecret);
      return {
        acme: {
          server,
          email: options.email,
          privateKeySecretRef: { name: options.accountKeySecret },
          solvers: [options.solver.spec],
        },
      };
    });
  }

  /** Self-signed certificates, for development clusters without a public name. */
  public static selfSigned(): IssuerType {
    return new IssuerType('selfSigned', () => ({ selfSigned: {} }));
  }

  /** A certificate authority whose key pair is in `secretName` (in cert-manager's namespace). */
  public static ca(secretName: string): IssuerType {
    return new IssuerType('ca', (where) => ({
      ca: { secretName: assertDnsLabel(where, 'issuer ca secretName', secretName) },
    }));
  }

  private constructor(
    /** `acme`, `selfSigned` or `ca`. */
    public readonly kind: string,
    private readonly render: (where: string) => ClusterIssuerSpec,
  ) {}

  /** The issuer spec; fails naming `where` for bad input. */
  public specFor(where: string): ClusterIssuerSpec {
    return this.render(where);
  }
}

/** Properties of {@link ClusterCertificateIssuer}. */
export interface ClusterCertificateIssuerProps {
  /**
   * ClusterIssuer name, referenced by Certificates.
   * @default - the construct id
   */
  readonly name?: string;
  /** What signs the certificates. */
  readonly issuer: IssuerType;
}

/** How a Certificate names its issuer. */
export interface IssuerReference {
  /** Issuer name. */
  readonly name: string;
  /** `ClusterIssuer` or `Issuer`. */
  readonly kind: string;
  /** API group, `cert-manager.io`. */
  readonly group: string;
}

/** A cert-manager ClusterIssuer (cert-manager v1.21.1): one issuer every namespace's Certificates may use. */
export class ClusterCertificateIssuer extends Construct {
  /** Issuer name. */
  public readonly name: string;
  /** The ClusterIssuer object. */
  public readonly resource: ClusterIssuer;

  public constructor(scope: Construct, id: string, props: ClusterCertificateIssuerProps) {
    super(scope, id);
    this.name = assertDnsLabel(this, 'name', props.name ?? id);
    this.resource = clusterScoped(
      new ClusterIssuer(this, 'Resource', {
        metadata: { name: this.name, labels: { 'app.kubernetes.io/managed-by': MANAGED_BY } },
        spec: props.issuer.specFor(this.node.path),
      }),
    );
  }

  /** The reference a Certificate uses to name this issuer. */
  public get reference(): IssuerReference {
    return { name: this.name, kind: 'ClusterIssuer', group: 'cert-manager.io' };
  }
}
