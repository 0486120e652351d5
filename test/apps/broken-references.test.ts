import { assertReady, ManifestFile } from '../../lib';
import { platformOutput } from './support/output';

/**
 * The staging output with `edit` applied to a copy of each object (returning undefined drops it), the
 * construct paths of the objects kept.
 */
function stagingWith(edit: (object: any) => any): ManifestFile[] {
  return platformOutput()
    .manifests.filter((f) => f.path.startsWith('staging/'))
    .map((f) => {
      const edited = f.objects.map((o) => edit(JSON.parse(JSON.stringify(o))));
      const copy: ManifestFile = { path: f.path, objects: edited.filter((o) => o !== undefined) };
      Object.defineProperty(copy, 'paths', {
        value: f.paths?.filter((_, i) => edited[i] !== undefined),
        enumerable: false,
      });
      return copy;
    });
}

const check = (files: ManifestFile[]) => () =>
  assertReady(files, { pack: 'production', alsoPresent: platformOutput().deliveredBefore.get('staging') });

describe('breaking one reference in the example platform fails the check, naming it', () => {
  test('the staging output as built passes', () => {
    expect(check(stagingWith((o) => o))).not.toThrow();
  });

  test("without the gateway's Certificate, the Gateway's TLS Secret is missing", () => {
    const files = stagingWith((o) => (o.kind === 'Certificate' ? undefined : o));
    expect(check(files)).toThrow(
      '[staging/gateway/shop/Resource] Gateway/shop references-resolve: refers to Secret/gateway/shop-tls, which is not in the output',
    );
  });

  test("without order-api's egress to the collector, its telemetry endpoint is unreachable", () => {
    const files = stagingWith((o) =>
      o.kind === 'NetworkPolicy' && o.metadata.name === 'order-api'
        ? { ...o, spec: { ...o.spec, egress: o.spec.egress.filter((r: any) => r.ports?.[0]?.port !== 4317) } }
        : o,
    );
    expect(check(files)).toThrow(
      '[staging/order-api/order-api/Resource] Deployment/order-api env-endpoint-egress: container "app" variable OTEL_EXPORTER_OTLP_ENDPOINT points at otel-collector.monitoring.svc:4317',
    );
  });

  test('without the platform secret store, every ExternalSecret is unresolved', () => {
    const files = stagingWith((o) => (o.kind === 'ClusterSecretStore' ? undefined : o));
    expect(check(files)).toThrow(
      'ExternalSecret/redis-auth references-resolve: refers to ClusterSecretStore/platform-secrets',
    );
  });

  test('without the kube-prometheus-stack add-on, its CRDs are missing for every ServiceMonitor', () => {
    const addons = platformOutput()
      .deliveredBefore.get('staging')!
      .filter((a: any) => !a.metadata.name.startsWith('kube-prometheus-stack'));
    expect(() =>
      assertReady(
        stagingWith((o) => o),
        { pack: 'production', alsoPresent: addons },
      ),
    ).toThrow('ServiceMonitor/order-api references-resolve: refers to CustomResourceDefinition/monitoring.coreos.com');
  });
});
