import { ApiObject, App, Chart, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  BatchJob,
  checkManifests,
  collectManifests,
  Manifest,
  NodeAgent,
  PodVolume,
  Probe,
  ProductionService,
  ProductionServiceProps,
  RetainedStorageClass,
  ScheduledJob,
  StatefulService,
  Tenant,
} from '../../lib';
import { findObject, validateObjects } from '../support/manifests';

const image = 'registry.example.com/catalog:v2.0.1';
const resources = { cpu: { request: '250m', limit: '500m' }, memory: { request: '256Mi', limit: '256Mi' } };

function shopChart() {
  const app = new App();
  return {
    app,
    chart: new Chart(new Construct(app, 'shop'), 'services', { namespace: 'shop', disableResourceNameHashes: true }),
  };
}

/** Builds a catalog service with `props` in a fresh chart; for the refusals. */
function catalogWith(props: Partial<ProductionServiceProps>) {
  return () => new ProductionService(shopChart().chart, 'catalog', { image, resources, ...props });
}

function objectsOf(app: App): Manifest[] {
  return collectManifests(app).flatMap((f) => f.objects);
}

describe('the primary object is the default child', () => {
  const { chart } = shopChart();
  const storageClass = new RetainedStorageClass(chart, 'gp3-retain');
  const cases: [string, Construct, ApiObject][] = [];
  const service = new ProductionService(chart, 'catalog', { image, resources });
  cases.push(['ProductionService', service, service.deployment]);
  const redis = new StatefulService(chart, 'redis', {
    image: 'docker.io/library/redis:7.4.2',
    resources,
    containerPort: 6379,
    storage: { size: '20Gi', storageClass },
  });
  cases.push(['StatefulService', redis, redis.statefulSet]);
  const agent = new NodeAgent(chart, 'agent', { image, resources });
  cases.push(['NodeAgent', agent, agent.daemonSet]);
  const job = new BatchJob(chart, 'report', { image, resources });
  cases.push(['BatchJob', job, job.job]);
  const cron = new ScheduledJob(chart, 'nightly', { image, resources, schedule: '0 3 * * *' });
  cases.push(['ScheduledJob', cron, cron.cronJob]);
  cases.push(['RetainedStorageClass', storageClass, storageClass.storageClass]);
  const tenant = new Tenant(chart, 'shop-tenant', {
    name: 'shop',
    quota: { cpu: { request: '4', limit: '8' }, memory: { request: '8Gi', limit: '16Gi' } },
  });
  cases.push(['Tenant', tenant, tenant.namespace]);

  test.each(cases)('%s: ApiObject.of and node.defaultChild reach it', (_, construct, primary) => {
    expect(construct.node.defaultChild).toBe(primary);
    expect(ApiObject.of(construct)).toBe(primary);
  });
});

describe('escape hatches', () => {
  test('addJsonPatch on ApiObject.of(service) reaches the synthesized Deployment', () => {
    const { app, chart } = shopChart();
    const service = new ProductionService(chart, 'catalog', { image, resources });
    ApiObject.of(service).addJsonPatch(JsonPatch.add('/spec/minReadySeconds', 10));
    expect(findObject(objectsOf(app), 'Deployment', 'catalog').spec.minReadySeconds).toBe(10);
  });

  test('apiObjects lists every object the service made, the canary track included', () => {
    const { app, chart } = shopChart();
    const service = new ProductionService(chart, 'catalog', {
      image,
      resources,
      canary: { image: 'registry.example.com/catalog:v2.1.0-rc.1' },
    });
    const made = service.apiObjects.map((o) => `${o.kind}/${o.name}`).sort();
    expect(made).toEqual(
      objectsOf(app)
        .map((o: any) => `${o.kind}/${o.metadata.name}`)
        .sort(),
    );
    expect(made).toContain('Deployment/catalog-canary');
  });
});

describe('cdk8s-plus interop', () => {
  /** A cdk8s-plus web frontend and a ProductionService in one chart, wired with cdk8s-plus network policies. */
  function mixedChart(admitWeb = true) {
    const { app, chart } = shopChart();
    const catalog = new ProductionService(chart, 'catalog', { image, resources });
    const web = new kplus.Deployment(chart, 'web', {
      metadata: { name: 'web' },
      containers: [{ image: 'registry.example.com/web:v1.0.0', portNumber: 8080, resources: {} }],
    });
    // cdk8s-plus takes the ProductionService where it expects a peer and where it expects a pod selector.
    web.connections.allowTo(catalog, {
      ports: [kplus.NetworkPolicyPort.tcp(catalog.containerPort)],
      isolation: kplus.PodConnectionsIsolation.POD,
    });
    if (admitWeb)
      new kplus.NetworkPolicy(chart, 'catalog-from-web', {
        metadata: { name: 'catalog-from-web' },
        selector: catalog,
        ingress: { rules: [{ peer: web, ports: [kplus.NetworkPolicyPort.tcp(catalog.containerPort)] }] },
      });
    return { app, catalog, objects: objectsOf(app) };
  }

  test('a ProductionService is a cdk8s-plus pod selector: the policy selects its pods in its namespace', () => {
    const { objects } = mixedChart();
    const policy = findObject(objects, 'NetworkPolicy', 'catalog-from-web');
    expect(policy.metadata.namespace).toBe('shop');
    expect(policy.spec.podSelector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'catalog' } });
  });

  test('a ProductionService is a cdk8s-plus network-policy peer: egress from web names its pods and namespace', () => {
    const { objects } = mixedChart();
    const egress = objects
      .filter((o: any) => o.kind === 'NetworkPolicy' && o.spec.egress)
      .flatMap((o: any) => o.spec.egress.flatMap((r: any) => r.to ?? []));
    expect(egress).toContainEqual({
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'catalog' } },
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } },
    });
  });

  test('the readiness check sees the mixed chart as one platform: web reaches catalog through both policies', () => {
    const { objects } = mixedChart();
    const paths = checkManifests(objects, { pack: 'production' }).findings.filter(
      (f) => f.ruleId === 'network-path-admitted',
    );
    expect(paths).toEqual([]);
  });
});

describe('create or accept', () => {
  test('a ServiceAccount passed in is used, not created, and the Role binds to it', () => {
    const { app, chart } = shopChart();
    const shared = new kplus.ServiceAccount(chart, 'shared', { metadata: { name: 'shop-apps' } });
    const service = new ProductionService(chart, 'catalog', {
      image,
      resources,
      serviceAccount: shared,
      permissions: [{ resources: ['configmaps'], verbs: ['get'] }],
      network: { apiServer: { cidr: '10.0.0.0/28' } },
    });
    const objects = objectsOf(app);
    expect(service.serviceAccount).toBe(shared);
    expect(objects.filter((o: any) => o.kind === 'ServiceAccount').map((o: any) => o.metadata.name)).toEqual([
      'shop-apps',
    ]);
    expect(findObject(objects, 'Deployment', 'catalog').spec.template.spec.serviceAccountName).toBe('shop-apps');
    expect(findObject(objects, 'RoleBinding', 'catalog').subjects).toEqual([
      { kind: 'ServiceAccount', name: 'shop-apps', namespace: 'shop' },
    ]);
  });

  test('a ConfigMap passed in is loaded with envFrom and no ConfigMap is made', () => {
    const { app, chart } = shopChart();
    new ProductionService(chart, 'catalog', { image, resources, configMap: { name: 'shop-settings' } });
    const objects = objectsOf(app);
    const deployment = findObject(objects, 'Deployment', 'catalog');
    expect(objects.filter((o: any) => o.kind === 'ConfigMap')).toEqual([]);
    expect(deployment.spec.template.spec.containers[0].envFrom).toEqual([{ configMapRef: { name: 'shop-settings' } }]);
    expect(deployment.spec.template.metadata.annotations?.['checksum/config']).toBeUndefined();
  });

  test('config and configMap together are refused', () => {
    expect(
      catalogWith({
        config: { LOG_LEVEL: 'INFO' },
        configMap: { name: 'shop-settings' },
      }),
    ).toThrow(
      '[shop/services/catalog] config and configMap are both set; pass the data as config (a ConfigMap of the ' +
        "service's own that rolls the pods when it changes) or name an existing configMap, not both",
    );
  });

  test('a ServiceAccount name Kubernetes would reject is refused', () => {
    const { chart } = shopChart();
    expect(
      () => new ProductionService(chart, 'catalog', { image, resources, serviceAccount: { name: 'Shop_Apps' } }),
    ).toThrow('[shop/services/catalog] serviceAccount.name "Shop_Apps"');
  });

  test('an existing StorageClass is accepted by name', () => {
    const { app, chart } = shopChart();
    new StatefulService(chart, 'redis', {
      image: 'docker.io/library/redis:7.4.2',
      resources,
      containerPort: 6379,
      storage: { size: '20Gi', storageClass: { name: 'gp3-retain' } },
    });
    const statefulSet = findObject(objectsOf(app), 'StatefulSet', 'redis');
    expect(statefulSet.spec.volumeClaimTemplates[0].spec.storageClassName).toBe('gp3-retain');
  });
});

describe('sidecars, init containers and volumes', () => {
  const shipper = {
    name: 'log-shipper',
    image: 'registry.example.com/fluent-bit:3.2.4',
    resources: { cpu: { request: '50m', limit: '100m' }, memory: { request: '64Mi', limit: '64Mi' } },
    volumeMounts: [{ volume: 'logs', mountPath: '/logs', readOnly: true }],
    ports: [{ name: 'monitoring', port: 2020 }],
    readiness: Probe.http('/api/v1/health', { port: 2020 }),
    liveness: Probe.command(['pidof', 'fluent-bit']),
  };
  const migrate = {
    name: 'migrate',
    image: 'registry.example.com/catalog-migrations:v2.0.1',
    resources: { cpu: { request: '500m', limit: '1' }, memory: { request: '512Mi', limit: '512Mi' } },
    args: ['up'],
  };
  function withExtensions(extra: Partial<ProductionServiceProps> = {}) {
    const { app, chart } = shopChart();
    const service = new ProductionService(chart, 'catalog', {
      image,
      resources,
      sidecars: [shipper],
      initContainers: [migrate],
      volumes: [PodVolume.emptyDir('logs', { sizeLimit: '1Gi' })],
      volumeMounts: [{ volume: 'logs', mountPath: '/var/log/catalog' }],
      ...extra,
    });
    return { service, objects: objectsOf(app), chart };
  }

  test('every container gets the restricted security context, requests and limits and a writable /tmp', () => {
    const pod = findObject(withExtensions().objects, 'Deployment', 'catalog').spec.template.spec;
    expect(pod.containers.map((c: any) => c.name)).toEqual(['app', 'log-shipper']);
    expect(pod.initContainers.map((c: any) => c.name)).toEqual(['migrate']);
    for (const c of [...pod.containers, ...pod.initContainers]) {
      expect(c.securityContext).toEqual(pod.containers[0].securityContext);
      expect(c.resources.limits).toBeDefined();
      expect(c.volumeMounts[0]).toEqual({ name: 'tmp', mountPath: '/tmp' });
    }
    expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'logs', mountPath: '/var/log/catalog' });
    expect(pod.containers[1].volumeMounts).toContainEqual({ name: 'logs', mountPath: '/logs', readOnly: true });
    expect(pod.volumes).toContainEqual({ name: 'logs', emptyDir: { sizeLimit: '1Gi' } });
  });

  test('the output passes the production pack and the Kubernetes schema', () => {
    const { objects } = withExtensions();
    const shop = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } };
    expect(checkManifests(objects, { pack: 'production', alsoPresent: [shop] }).findings).toEqual([]);
    const report = validateObjects(objects);
    expect(report.errors).toEqual([]);
  });

  test('each pod counts its sidecars, and its init container when that is larger', () => {
    // requests: app 250m + shipper 50m = 300m against migrate 500m; limits: 600m against 1 CPU.
    expect(withExtensions().service.resources).toEqual({
      cpu: { request: '500m', limit: '1' },
      memory: { request: '512Mi', limit: '512Mi' },
    });
    expect(withExtensions({ initContainers: [] }).service.resources).toEqual({
      cpu: { request: '300m', limit: '600m' },
      memory: { request: '320Mi', limit: '320Mi' },
    });
  });

  test('a tenant quota counts the sidecars', () => {
    const { service, chart } = withExtensions({ initContainers: [], replicas: 2 });
    const tenant = new Tenant(chart, 'tenant', {
      name: 'shop',
      quota: { cpu: { request: '500m', limit: '2' }, memory: { request: '1Gi', limit: '1Gi' } },
    });
    expect(() => tenant.accountFor(service)).toThrow('quota.cpu.request "500m" is smaller than the 0.6 CPU');
  });

  const refusals: [string, Partial<ProductionServiceProps>, string][] = [
    [
      'an unpinned sidecar image',
      { sidecars: [{ ...shipper, image: 'fluent-bit:latest' }] },
      'sidecars[0].image "fluent-bit:latest"',
    ],
    [
      'a sidecar named app',
      { sidecars: [{ ...shipper, name: 'app' }] },
      `sidecars[0].name "app" is already a container of the pod ('app' is the main one); rename it`,
    ],
    [
      'a mount of a volume the pod does not have',
      { volumes: [] },
      'volumeMounts[0].volume "logs" is not a volume of the pod; declare it in volumes, e.g. volumes: [PodVolume.emptyDir("logs")]',
    ],
    [
      'an init container that serves a port',
      { initContainers: [{ ...migrate, ports: [{ name: 'http', port: 9000 }] }] },
      'initContainers[0] (migrate) is an init container: it runs to completion and cannot serve ports or be ready',
    ],
    [
      'a sidecar port the main container serves',
      { sidecars: [{ ...shipper, ports: [...shipper.ports, { name: 'metrics', port: 8080 }] }] },
      'sidecars[0] (log-shipper) port 8080 is already served by another container of the pod',
    ],
    [
      'a sidecar without limits',
      { sidecars: [{ ...shipper, resources: undefined as any }] },
      'sidecars[0].resources is required with both cpu and memory requests and limits',
    ],
  ];
  refusals.push([
    'a sidecar without probes',
    { sidecars: [{ ...shipper, readiness: undefined }] },
    "sidecars[0] (log-shipper) needs readiness and liveness probes, as the main container has; add e.g. readiness: Probe.http('/ready', { port: 2020 }) and liveness: Probe.command(['pidof', 'log-shipper'])",
  ]);
  test.each(refusals)('refuses %s', (_, props, message) => {
    expect(() => withExtensions(props)).toThrow(`[shop/services/catalog] ${message}`);
  });
});

describe('times and amounts in the cdk8s types', () => {
  test('CPU as cdk8s-plus Cpu and memory as cdk8s Size become the same quantities as strings', () => {
    const { app, chart } = shopChart();
    const service = new ProductionService(chart, 'catalog', {
      image,
      resources: {
        cpu: { request: kplus.Cpu.millis(250), limit: kplus.Cpu.units(1) },
        memory: { request: Size.mebibytes(512), limit: Size.gibibytes(1) },
      },
    });
    const container = findObject(objectsOf(app), 'Deployment', 'catalog').spec.template.spec.containers[0];
    expect(container.resources).toEqual({
      requests: { cpu: '250m', memory: '512Mi' },
      limits: { cpu: '1', memory: '1Gi' },
    });
    expect(service.resources).toEqual({
      cpu: { request: '250m', limit: '1' },
      memory: { request: '512Mi', limit: '1Gi' },
    });
  });

  test('a request above its limit is refused whatever the units', () => {
    const { chart } = shopChart();
    expect(
      () =>
        new ProductionService(chart, 'catalog', {
          image,
          resources: { cpu: { request: '250m', limit: '500m' }, memory: { request: Size.gibibytes(2), limit: '1Gi' } },
        }),
    ).toThrow(
      '[shop/services/catalog] resources.memory.request "2Gi" exceeds the limit "1Gi"; raise the limit or lower the request',
    );
  });

  test('every time is a Duration: probes, preStop, grace period, HPA stabilization, job deadlines', () => {
    const { app, chart } = shopChart();
    new ProductionService(chart, 'catalog', {
      image,
      resources,
      probes: {
        readiness: Probe.http('/ready', {
          period: Duration.seconds(3),
          timeout: Duration.seconds(2),
          initialDelay: Duration.seconds(1),
        }),
      },
      preStopDelay: Duration.seconds(5),
      terminationGracePeriod: Duration.minutes(1),
      autoscaling: { minReplicas: 2, maxReplicas: 4, cpuUtilization: 70, scaleDownStabilization: Duration.minutes(10) },
    });
    new ScheduledJob(chart, 'nightly', {
      image,
      resources,
      schedule: '0 3 * * *',
      activeDeadline: Duration.minutes(30),
      ttlAfterFinished: Duration.hours(12),
      startingDeadline: Duration.minutes(2),
    });
    const objects = objectsOf(app);
    const pod = findObject(objects, 'Deployment', 'catalog').spec.template.spec;
    expect(pod.containers[0].readinessProbe).toMatchObject({
      periodSeconds: 3,
      timeoutSeconds: 2,
      initialDelaySeconds: 1,
    });
    expect(pod.containers[0].lifecycle.preStop.exec.command).toEqual(['sleep', '5']);
    expect(pod.terminationGracePeriodSeconds).toBe(60);
    expect(
      findObject(objects, 'HorizontalPodAutoscaler', 'catalog').spec.behavior.scaleDown.stabilizationWindowSeconds,
    ).toBe(600);
    const cron = findObject(objects, 'CronJob', 'nightly').spec;
    expect(cron.startingDeadlineSeconds).toBe(120);
    expect(cron.jobTemplate.spec).toMatchObject({ activeDeadlineSeconds: 1800, ttlSecondsAfterFinished: 43200 });
  });

  test('a probe period of a fraction of a second is refused with the probe named', () => {
    expect(
      catalogWith({
        probes: { readiness: Probe.http('/ready', { period: Duration.millis(500) }) },
      }),
    ).toThrow(
      '[shop/services/catalog] probes.readiness.period 500 millis must be a whole number of seconds, at least 1; use e.g. Duration.seconds(1)',
    );
  });
});
