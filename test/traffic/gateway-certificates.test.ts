import { App, Chart } from 'cdk8s';
import { AcmeSolver, ClusterCertificateIssuer, GatewayCertificates, IssuerType, SharedGateway } from '../../lib';
import { findObject, synthChart, synthClusterChart, validateObjects } from '../support/manifests';

const issuer = { name: 'letsencrypt', kind: 'ClusterIssuer', group: 'cert-manager.io' };

describe('GatewayCertificates', () => {
  const objects = synthChart((chart) => {
    const gateway = new SharedGateway(chart, 'web', {
      gatewayClassName: 'istio',
      listeners: [
        { name: 'shop', hostname: 'shop.example.com', certificateSecret: 'shop-tls' },
        { name: 'www', hostname: 'www.example.com', certificateSecret: 'shop-tls' },
        { name: 'api', hostname: 'api.example.com', certificateSecret: 'api-tls' },
      ],
    });
    new GatewayCertificates(chart, 'certificates', { gateway, issuer });
  }, 'gateway');

  test('makes one Certificate per listener Secret, in the Gateway namespace, covering every hostname it serves', () => {
    const shop = findObject(objects, 'Certificate', 'shop-tls');
    expect(shop.metadata.namespace).toBe('gateway');
    expect(shop.spec).toEqual({
      secretName: 'shop-tls',
      dnsNames: ['shop.example.com', 'www.example.com'],
      issuerRef: issuer,
    });
    expect(findObject(objects, 'Certificate', 'api-tls').spec.dnsNames).toEqual(['api.example.com']);
    expect(objects.filter((o) => o.kind === 'Certificate')).toHaveLength(2);
  });

  test('is valid against the cert-manager CRD schema', () => {
    expect(validateObjects(objects).errors).toEqual([]);
  });

  test('refuses a listener without a certificate secret', () => {
    const chart = new Chart(new App(), 'edge', { namespace: 'gateway' });
    const gateway = new SharedGateway(chart, 'web', {
      gatewayClassName: 'istio',
      requireTls: false,
      listeners: [{ name: 'shop', hostname: 'shop.example.com' }],
    });
    expect(() => new GatewayCertificates(chart, 'certificates', { gateway, issuer })).toThrow(
      '[edge/certificates] gateway "web" listeners[0] "shop" has no certificateSecret, so there is no Secret to ' +
        'issue a certificate into; set certificateSecret (e.g. "shop-tls") on the listener',
    );
  });
});

describe('ClusterCertificateIssuer', () => {
  test('writes an ACME ClusterIssuer without a namespace, solving DNS-01 through Route 53', () => {
    const objects = synthClusterChart((chart) => {
      const made = new ClusterCertificateIssuer(chart, 'letsencrypt', {
        issuer: IssuerType.acme({
          email: 'platform@example.com',
          accountKeySecret: 'letsencrypt-account-key',
          solver: AcmeSolver.route53({ region: 'eu-west-1' }),
        }),
      });
      expect(made.reference).toEqual(issuer);
    });
    const found = findObject(objects, 'ClusterIssuer', 'letsencrypt');
    expect(found.metadata.namespace).toBeUndefined();
    expect(found.spec.acme).toEqual({
      server: 'https://acme-v02.api.letsencrypt.org/directory',
      email: 'platform@example.com',
      privateKeySecretRef: { name: 'letsencrypt-account-key' },
      solvers: [{ dns01: { route53: { region: 'eu-west-1' } } }],
    });
    expect(validateObjects(objects).errors).toEqual([]);
  });

  test('writes self-signed and CA issuers', () => {
    const objects = synthClusterChart((chart) => {
      new ClusterCertificateIssuer(chart, 'self', { issuer: IssuerType.selfSigned() });
      new ClusterCertificateIssuer(chart, 'internal-ca', { issuer: IssuerType.ca('internal-ca-key-pair') });
    });
    expect(findObject(objects, 'ClusterIssuer', 'self').spec).toEqual({ selfSigned: {} });
    expect(findObject(objects, 'ClusterIssuer', 'internal-ca').spec).toEqual({
      ca: { secretName: 'internal-ca-key-pair' },
    });
  });

  test('refuses an ACME server that is not https and an e-mail that is not an address', () => {
    const chart = new Chart(new App(), 'platform');
    const acme = (server: string, email: string) =>
      new ClusterCertificateIssuer(chart, `i-${email.length}-${server.length}`, {
        issuer: IssuerType.acme({
          server,
          email,
          accountKeySecret: 'key',
          solver: AcmeSolver.route53({ region: 'eu-west-1' }),
        }),
      });
    expect(() => acme('http://acme.example.com/directory', 'platform@example.com')).toThrow(
      '[platform/i-20-33] issuer acme server "http://acme.example.com/directory" is not an https URL; ' +
        'use e.g. https://acme-v02.api.letsencrypt.org/directory',
    );
    expect(() => acme('https://acme.example.com/directory', 'platform')).toThrow(
      '[platform/i-8-34] issuer acme email "platform" is not an e-mail address; use e.g. platform@example.com',
    );
  });
});
