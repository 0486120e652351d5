import { App, Chart } from 'cdk8s';
import { environments } from '../../apps/config';
import { buildOutput } from '../../apps/synth';
import {
  AddonDefinition,
  AddonWave,
  APPLICATION_HEALTH_KEY,
  APPLICATION_HEALTH_LUA,
  CERT_MANAGER,
  ISTIO_GATEWAY,
  LOKI_SERVICE,
  PlatformAddons,
  platformAddonsFor,
  prometheusAdapterRules,
  PROMETHEUS_SELECTOR_LABELS,
} from '../../lib';

const output = buildOutput();
const addons = output.manifests.find((f) => f.path === 'argocd/addons.yaml')!.objects as any[];
const environmentApps = output.manifests.find((f) => f.path === 'argocd/applications.yaml')!.objects as any[];
const app = (name: string) => addons.find((o) => o.kind === 'Application' && o.metadata.name === name);
const wave = (o: any) => Number(o.metadata.annotations['argocd.argoproj.io/sync-wave']);

describe('the platform addons', () => {
  test('follow the one Gateway implementation: its class, its addons, its proxy metrics and its edge series', () => {
    const gateway = ISTIO_GATEWAY;
    const objectsOf = (env: string) =>
      output.manifests.filter((f) => f.path.startsWith(`${env}/`)).flatMap((f) => f.objects as any[]);
    for (const env of ['dev', 'staging', 'production']) {
      const objects = objectsOf(env);
      const gateways = objects.filter((o) => o.kind === 'Gateway');
      expect(gateways.map((g) => g.spec.gatewayClassName)).toEqual([gateway.gatewayClassName]);
      const monitor = objects.find((o) => o.kind === 'PodMonitor' && o.metadata.namespace === 'gateway');
      expect(monitor.spec.podMetricsEndpoints).toEqual([gateway.proxyMetrics]);
      const edge = gateway.edgeRequests('gateway').metric;
      const rules = objects.filter((o) => o.kind === 'PrometheusRule').flatMap((o) => o.spec.groups);
      expect(JSON.stringify(rules)).toContain(edge);
    }
    for (const addon of gateway.addons) expect(app(`${addon.name}-prod-eu-1`)).toBeDefined();
  });

  test('never take their CRDs with them: no addon Application carries the resources finalizer', () => {
    const applications = addons.filter((o) => o.kind === 'Application');
    expect(applications.length).toBeGreaterThan(0);
    expect(applications.filter((o) => (o.metadata.finalizers ?? []).length > 0).map((o) => o.metadata.name)).toEqual(
      [],
    );
  });

  test("sync in production only by the environment's deployers, inside its windows", () => {
    const project = addons.find((o) => o.kind === 'AppProject' && o.metadata.name === 'production-addons');
    const environment = environmentApps.find((o) => o.kind === 'AppProject' && o.metadata.name === 'production');
    expect(project.spec.syncWindows).toEqual(environment.spec.syncWindows);
    expect(project.spec.syncWindows.length).toBeGreaterThan(0);
    expect(project.spec.roles[0].groups).toEqual(environment.spec.roles[0].groups);
    expect(project.spec.roles[0].policies).toContain(
      'p, proj:production-addons:deployers, applications, sync, production-addons/*, allow',
    );
  });

  test('deliver the log store the log collector ships to, on the Service and port it sends to', () => {
    const config = output.manifests
      .find((f) => f.path === 'production/log-collector.yaml')!
      .objects.find((o: any) => o.kind === 'ConfigMap') as any;
    const fluentBit = Object.values(config.data as Record<string, string>).join('\n');
    const setting = (key: string) => new RegExp(`^\\s*${key}\\s+(\\S+)$`, 'm').exec(fluentBit)?.[1];
    expect([setting('Host'), setting('Port')]).toEqual([`${LOKI_SERVICE.name}.monitoring.svc`, '3100']);
    const loki = app('loki-prod-eu-1');
    expect(loki.spec.destination.namespace).toBe('monitoring');
    // One monolithic Loki without the gateway: the Service loki on 3100 is the push endpoint.
    expect(loki.spec.source.helm.valuesObject).toMatchObject({
      deploymentMode: 'SingleBinary',
      gateway: { enabled: false },
      loki: { auth_enabled: false },
    });
  });

  test('deliver the resource metrics API that every HPA on CPU reads', () => {
    const cpuHpas = ['dev', 'staging', 'production'].flatMap((env) =>
      output.manifests
        .filter((f) => f.path.startsWith(`${env}/`))
        .flatMap((f) => f.objects as any[])
        .filter(
          (o) =>
            o.kind === 'HorizontalPodAutoscaler' &&
            o.spec.metrics.some((m: any) => m.type === 'Resource' && m.resource.name === 'cpu'),
        ),
    );
    expect(cpuHpas.length).toBeGreaterThan(0);
    expect(app('metrics-server-prod-eu-1').spec.source).toMatchObject({ chart: 'metrics-server' });
    expect(wave(app('metrics-server-prod-eu-1'))).toBeLessThan(0);
  });

  test('pin every chart and manifest set to an exact version', () => {
    const versions = Object.fromEntries(
      addons
        .filter((o) => o.kind === 'Application' && o.spec.destination.server === 'https://prod-eu-1.k8s.example.com')
        .map((o) => [o.metadata.labels['cdk8s-production.io/addon'], o.spec.source.targetRevision]),
    );
    expect(versions).toEqual({
      'gateway-api-crds': 'v1.6.1',
      'istio-base': '1.30.3',
      istiod: '1.30.3',
      'kube-prometheus-stack': '88.3.0',
      kyverno: '3.9.0',
      loki: '18.11.0',
      'metrics-server': '3.13.1',
      'external-secrets': '2.9.0',
      'cert-manager': 'v1.21.1',
      'vertical-pod-autoscaler': '0.11.0',
      'prometheus-adapter': '5.3.0',
      'opentelemetry-collector': '0.170.0',
    });
  });

  test('are delivered before every environment Application and project', () => {
    const latestAddon = Math.max(...addons.map(wave));
    const earliestEnvironment = Math.min(...environmentApps.map(wave));
    expect(latestAddon).toBeLessThan(earliestEnvironment);
    expect(wave(app('gateway-api-crds-prod-eu-1'))).toBeLessThan(wave(app('istiod-prod-eu-1')));
    expect(wave(app('kube-prometheus-stack-prod-eu-1'))).toBeLessThan(wave(app('prometheus-adapter-prod-eu-1')));
    expect(wave(addons.find((o) => o.kind === 'AppProject' && o.metadata.name === 'production-addons'))).toBe(
      AddonWave.PROJECT,
    );
  });

  test('name the kube-prometheus-stack release after the label our monitors carry', () => {
    const kps = app('kube-prometheus-stack-prod-eu-1').spec.source.helm;
    expect(kps.releaseName).toBe(PROMETHEUS_SELECTOR_LABELS.release);
    expect(kps.valuesObject.prometheus.prometheusSpec.ruleSelectorNilUsesHelmValues).toBe(true);
    expect(kps.valuesObject.nodeExporter).toEqual({ enabled: false });
    expect(kps.valuesObject.grafana.testFramework).toEqual({ enabled: false });
    expect(kps.valuesObject.grafana.initChownData).toEqual({ enabled: false });
  });

  test('give the gateway pods and istiod a seccomp profile and keep the low-port sysctl', () => {
    const values = app('istiod-prod-eu-1').spec.source.helm.valuesObject;
    expect(values.seccompProfile).toEqual({ type: 'RuntimeDefault' });
    expect(values.gateways.securityContext).toEqual({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
      sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }],
    });
  });

  test('run the telemetry collector as the Deployment otel-collector in monitoring', () => {
    const otel = app('opentelemetry-collector-prod-eu-1');
    expect(otel.spec.destination.namespace).toBe('monitoring');
    expect(otel.spec.source.helm.valuesObject).toMatchObject({
      mode: 'deployment',
      fullnameOverride: 'otel-collector',
    });
  });

  test('create each addon namespace once, restricted, from its earliest Application', () => {
    const creators = addons.filter(
      (o) => o.kind === 'Application' && o.spec.syncPolicy.syncOptions.includes('CreateNamespace=true'),
    );
    const perCluster = creators.filter((o) => o.spec.destination.server === 'https://prod-eu-1.k8s.example.com');
    expect(perCluster.map((o) => o.spec.destination.namespace).sort()).toEqual([
      'cert-manager',
      'external-secrets',
      'istio-system',
      'kyverno',
      'monitoring',
      'vertical-pod-autoscaler',
    ]);
    for (const o of creators) {
      expect(o.spec.syncPolicy.managedNamespaceMetadata.labels['pod-security.kubernetes.io/enforce']).toBe(
        'restricted',
      );
    }
  });

  test('serve the Pods metrics of the environment HPAs, and deploy no adapter where no HPA reads one', () => {
    const rules = app('prometheus-adapter-prod-eu-1').spec.source.helm.valuesObject.rules;
    expect(rules.default).toBe(false);
    expect(rules.custom.map((r: any) => r.name.as)).toEqual(['http_requests_inflight']);
    expect(app('prometheus-adapter-dev-eu-1')).toBeUndefined();
  });

  test('adapter rules: one mutually exclusive rule per metric name, sorted and deduplicated', () => {
    const rules = prometheusAdapterRules([
      { podMetricNames: ['queue_depth', 'http_requests_inflight'] },
      { podMetricNames: ['queue_depth'] },
    ]);
    expect(rules).toEqual([
      {
        seriesQuery: 'http_requests_inflight{namespace!="",pod!=""}',
        resources: { overrides: { namespace: { resource: 'namespace' }, pod: { resource: 'pod' } } },
        name: { matches: '^http_requests_inflight$', as: 'http_requests_inflight' },
        metricsQuery: 'sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)',
      },
      expect.objectContaining({ name: { matches: '^queue_depth$', as: 'queue_depth' } }),
    ]);
  });

  test('the Application health check is the one Argo CD documents', () => {
    expect(APPLICATION_HEALTH_KEY).toBe('resource.customizations.health.argoproj.io_Application');
    expect(APPLICATION_HEALTH_LUA).toContain('hs.status = obj.status.health.status');
  });
});

describe('PlatformAddons refuses', () => {
  const make = (list: AddonDefinition[]) =>
    new PlatformAddons(new Chart(new App(), 'argocd'), 'production', {
      environment: environments.get('production'),
      addons: list,
    });
  const helm = (version: string) => ({ helm: { ...(CERT_MANAGER.source as any).helm, version } });

  test('an addon without a pinned version', () => {
    expect(() => make([{ ...CERT_MANAGER, source: helm('1.x') }])).toThrow(
      '[argocd/production] addon "cert-manager" version "1.x" is not pinned; use the exact chart or release version ' +
        '(such as 3.9.0 or v1.6.1), never a range, a branch or "latest"',
    );
    expect(() => make([{ ...CERT_MANAGER, source: helm('') }])).toThrow(
      'addon "cert-manager" version "" is not pinned',
    );
  });

  test('a namespace no addon creates, or two addons create', () => {
    expect(() => make([{ ...CERT_MANAGER, createsNamespace: false }])).toThrow(
      '[argocd/production] namespace "cert-manager" of addons "cert-manager" is created by none of them; ' +
        'set createsNamespace on exactly one addon of the namespace, in its earliest wave',
    );
    expect(() => make([CERT_MANAGER, { ...CERT_MANAGER, name: 'cert-manager-2' }])).toThrow(
      'namespace "cert-manager" of addons "cert-manager", "cert-manager-2" is created by "cert-manager" and "cert-manager-2"',
    );
  });

  test('an addon delivered before the addon that creates its namespace', () => {
    expect(() =>
      make([CERT_MANAGER, { ...CERT_MANAGER, name: 'early', createsNamespace: false, wave: AddonWave.CRDS }]),
    ).toThrow(
      '[argocd/production] addon "early" (wave -5) is delivered before "cert-manager" (wave -4), which creates its ' +
        'namespace "cert-manager"; let the earliest addon of the namespace create it',
    );
  });

  test('an addon listed twice', () => {
    expect(() => make(platformAddonsFor([], ISTIO_GATEWAY.addons).concat(CERT_MANAGER))).toThrow(
      '[argocd/production] addon "cert-manager" is listed twice; addon names must be unique',
    );
  });
});
