import { Chart, Duration } from 'cdk8s';
import {
  Peer,
  PriorityTier,
  ProcessRuntime,
  Probe,
  ProductionService,
  ProductionServiceProps,
  Protocol,
} from '../../lib';
import { findObject, synthChart } from '../support/manifests';

const base: ProductionServiceProps = {
  image: 'registry.example.com/order-api:v4.2.1',
  resources: { cpu: { request: '1', limit: '2' }, memory: { request: '2Gi', limit: '3Gi' } },
};

function build(props: Partial<ProductionServiceProps> = {}) {
  return synthChart((chart) => new ProductionService(chart, 'order-api', { ...base, ...props }));
}

function construct(props: Partial<ProductionServiceProps>) {
  return () => build(props);
}

describe('ProductionService with the guide order-api props', () => {
  const objects = build({
    config: { LOG_LEVEL: 'INFO', DB_POOL_SIZE: '120' },
    rollout: { maxSurge: 2, maxUnavailable: 1 },
    autoscaling: { minReplicas: 8, maxReplicas: 50, cpuUtilization: 65, podMetrics: { http_requests_inflight: '50' } },
    placement: { nodePool: 'online-general' },
    priority: PriorityTier.ONLINE_CRITICAL,
    permissions: [{ resources: ['configmaps'], verbs: ['get', 'list'] }],
    network: {
      ingress: [{ from: Peer.pods({ app: 'gateway' }) }],
      egress: [{ to: Peer.namespace('infra'), ports: [{ port: 6379, protocol: Protocol.TCP }] }],
      apiServer: { cidr: '10.0.0.0/28' },
    },
    monitoring: { path: '/actuator/prometheus', interval: Duration.seconds(15) },
  });
  const deployment = findObject(objects, 'Deployment', 'order-api');
  const pod = deployment.spec.template.spec;
  const container = pod.containers[0];

  test('synthesizes the whole production shape', () => {
    expect(objects).toMatchSnapshot();
  });

  test('creates one object of each part, all named after the service', () => {
    expect(objects.map((o: any) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'ServiceAccount/order-api',
      'Role/order-api',
      'RoleBinding/order-api',
      'ConfigMap/order-api-config',
      'Deployment/order-api',
      'Service/order-api',
      'HorizontalPodAutoscaler/order-api',
      'PodDisruptionBudget/order-api',
      'NetworkPolicy/order-api',
      'ServiceMonitor/order-api',
    ]);
  });

  test('labels every object with the six recommended labels, and the ServiceMonitor with the one Prometheus selects', () => {
    for (const o of objects as any[]) {
      const selected = o.kind === 'ServiceMonitor' ? ['release'] : [];
      expect(Object.keys(o.metadata.labels).sort()).toEqual([
        'app.kubernetes.io/component',
        'app.kubernetes.io/instance',
        'app.kubernetes.io/managed-by',
        'app.kubernetes.io/name',
        'app.kubernetes.io/part-of',
        'app.kubernetes.io/version',
        ...selected,
      ]);
      expect(o.metadata.labels['app.kubernetes.io/version']).toBe('v4.2.1');
      expect(o.metadata.namespace).toBe('production');
    }
  });

  test('selects pods by name and instance only', () => {
    const selector = { 'app.kubernetes.io/instance': 'order-api', 'app.kubernetes.io/name': 'order-api' };
    expect(deployment.spec.selector.matchLabels).toEqual(selector);
    expect(findObject(objects, 'Service', 'order-api').spec.selector).toEqual(selector);
    expect(findObject(objects, 'PodDisruptionBudget', 'order-api').spec.selector.matchLabels).toEqual(selector);
    expect(findObject(objects, 'NetworkPolicy', 'order-api').spec.podSelector.matchLabels).toEqual(selector);
    expect(findObject(objects, 'ServiceMonitor', 'order-api').spec.selector.matchLabels).toEqual(selector);
  });

  test('leaves replicas to the HPA and rolls with the given surge and unavailability', () => {
    expect(deployment.spec.replicas).toBeUndefined();
    expect(deployment.spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 2, maxUnavailable: 1 },
    });
  });

  test('probes startup, readiness and liveness over HTTP on the container port', () => {
    expect(container.startupProbe.httpGet).toEqual({ path: '/health/startup', port: 8080, scheme: 'HTTP' });
    expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
    expect(container.livenessProbe.httpGet.path).toBe('/health/live');
  });

  test('sleeps in preStop and gives the process more grace than the sleep', () => {
    expect(container.lifecycle.preStop.exec.command).toEqual(['sleep', '10']);
    expect(pod.terminationGracePeriodSeconds).toBe(40);
  });

  test('pins requests and limits', () => {
    expect(container.resources).toEqual({ requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '3Gi' } });
  });

  test('places pods in the node pool, apart across hosts and evenly across zones', () => {
    expect(
      pod.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions,
    ).toEqual([{ key: 'node-pool', operator: 'In', values: ['online-general'] }]);
    expect(
      pod.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey,
    ).toBe('kubernetes.io/hostname');
    expect(pod.topologySpreadConstraints).toEqual([
      expect.objectContaining({
        topologyKey: 'topology.kubernetes.io/zone',
        maxSkew: 1,
        whenUnsatisfiable: 'DoNotSchedule',
      }),
    ]);
    expect(pod.priorityClassName).toBe('online-critical');
  });

  test('runs restricted: non-root numeric ids, seccomp, no escalation, read-only root, no capabilities, writable /tmp', () => {
    expect(pod.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      fsGroup: 10001,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container.securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(container.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    expect(pod.volumes[0]).toMatchObject({ name: 'tmp', emptyDir: {} });
  });

  test('uses its own service account with a token because it has permissions', () => {
    expect(pod.serviceAccountName).toBe('order-api');
    expect(pod.automountServiceAccountToken).toBe(true);
    expect(findObject(objects, 'Role', 'order-api').rules).toEqual([
      { apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] },
    ]);
    expect(findObject(objects, 'RoleBinding', 'order-api').subjects).toEqual([
      { kind: 'ServiceAccount', name: 'order-api', namespace: 'production' },
    ]);
  });

  test('loads the ConfigMap with envFrom and rolls pods when it changes', () => {
    expect(container.envFrom).toEqual([{ configMapRef: { name: 'order-api-config' } }]);
    const other = findObject(build({ config: { LOG_LEVEL: 'DEBUG', DB_POOL_SIZE: '120' } }), 'Deployment', 'order-api')
      .spec.template.metadata.annotations['checksum/config'];
    expect(deployment.spec.template.metadata.annotations['checksum/config']).toMatch(/^[0-9a-f]{64}$/);
    expect(other).not.toBe(deployment.spec.template.metadata.annotations['checksum/config']);
  });

  test('exposes a ClusterIP Service with the named port http 80 -> 8080', () => {
    const service = findObject(objects, 'Service', 'order-api');
    expect(service.spec.type).toBe('ClusterIP');
    expect(service.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }]);
    expect(container.ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
  });

  test('scales on CPU and the in-flight request metric with explicit behaviour', () => {
    const hpa = findObject(objects, 'HorizontalPodAutoscaler', 'order-api');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec.minReplicas).toBe(8);
    expect(hpa.spec.maxReplicas).toBe(50);
    expect(hpa.spec.metrics).toEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 65 } } },
      {
        type: 'Pods',
        pods: { metric: { name: 'http_requests_inflight' }, target: { type: 'AverageValue', averageValue: '50' } },
      },
    ]);
    expect(hpa.spec.behavior.scaleDown.stabilizationWindowSeconds).toBe(300);
    expect(hpa.spec.behavior.scaleUp.policies).toHaveLength(1);
  });

  test('keeps a disruption budget that scales with the autoscaler (10%, rounded up) and evicts unhealthy pods', () => {
    const pdb = findObject(objects, 'PodDisruptionBudget', 'order-api');
    expect(pdb.apiVersion).toBe('policy/v1');
    expect(pdb.spec.maxUnavailable).toBe('10%');
    expect(pdb.spec.minAvailable).toBeUndefined();
    expect(pdb.spec.unhealthyPodEvictionPolicy).toBe('AlwaysAllow');
  });

  test('spreads each revision across zones, honouring node taints', () => {
    expect(pod.topologySpreadConstraints).toEqual([
      {
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'DoNotSchedule',
        nodeTaintsPolicy: 'Honor',
        labelSelector: { matchLabels: deployment.spec.selector.matchLabels },
        matchLabelKeys: ['pod-template-hash'],
      },
    ]);
    expect(Object.keys(deployment.spec.selector.matchLabels)).not.toContain('pod-template-hash');
  });

  test('admits the gateway and Prometheus on 8080 and allows infra:6379, the collector, the API server and DNS', () => {
    const policy = findObject(objects, 'NetworkPolicy', 'order-api');
    expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy.spec.ingress).toEqual([
      { from: [{ podSelector: { matchLabels: { app: 'gateway' } } }], ports: [{ protocol: 'TCP', port: 8080 }] },
      {
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
        ports: [{ protocol: 'TCP', port: 8080 }],
      },
    ]);
    expect(policy.spec.egress).toEqual([
      {
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'infra' } } }],
        ports: [{ protocol: 'TCP', port: 6379 }],
      },
      {
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
        ports: [{ protocol: 'TCP', port: 4317 }],
      },
      { to: [{ ipBlock: { cidr: '10.0.0.0/28' } }], ports: [{ protocol: 'TCP', port: 443 }] },
      {
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }],
        ports: [
          { protocol: 'UDP', port: 53 },
          { protocol: 'TCP', port: 53 },
        ],
      },
    ]);
  });

  test('scrapes the named http port on the given path and interval', () => {
    const monitor = findObject(objects, 'ServiceMonitor', 'order-api');
    expect(monitor.spec.endpoints).toEqual([{ port: 'http', path: '/actuator/prometheus', interval: '15s' }]);
    expect(monitor.spec.namespaceSelector).toEqual({ matchNames: ['production'] });
  });
});

describe('ProductionService defaults', () => {
  const objects = build();
  const deployment = findObject(objects, 'Deployment', 'order-api');

  test('runs two fixed replicas with a budget of 10% (one pod, rounded up) when autoscaling is off', () => {
    expect(deployment.spec.replicas).toBe(2);
    expect(objects.some((o: any) => o.kind === 'HorizontalPodAutoscaler')).toBe(false);
    expect(findObject(objects, 'PodDisruptionBudget', 'order-api').spec).toMatchObject({ maxUnavailable: '10%' });
  });

  test('keeps a fixed minAvailable with fixed replicas, and a chosen budget share', () => {
    expect(
      findObject(build({ replicas: 3, minAvailable: 2 }), 'PodDisruptionBudget', 'order-api').spec.minAvailable,
    ).toBe(2);
    expect(
      findObject(build({ disruptionBudgetPercent: 25 }), 'PodDisruptionBudget', 'order-api').spec.maxUnavailable,
    ).toBe('25%');
  });

  test('mounts no service account token and creates no Role without permissions', () => {
    expect(deployment.spec.template.spec.automountServiceAccountToken).toBe(false);
    expect(findObject(objects, 'ServiceAccount', 'order-api').automountServiceAccountToken).toBe(false);
    expect(objects.some((o: any) => o.kind === 'Role')).toBe(false);
  });

  test('uses the standard priority tier and no node pool', () => {
    expect(deployment.spec.template.spec.priorityClassName).toBe('online-standard');
    expect(deployment.spec.template.spec.affinity.nodeAffinity).toBeUndefined();
  });

  test('omits the ServiceMonitor and the Prometheus allowance when monitoring is off', () => {
    const off = build({ monitoring: false });
    expect(off.some((o: any) => o.kind === 'ServiceMonitor')).toBe(false);
    expect(findObject(off, 'NetworkPolicy', 'order-api').spec.ingress).toEqual([]);
  });

  test('exposes every part for customisation', () => {
    const chart = new Chart(new (require('cdk8s').App)(), 'c', { namespace: 'production' });
    const svc = new ProductionService(chart, 'order-api', base);
    svc.deployment.addJsonPatch(require('cdk8s').JsonPatch.add('/spec/minReadySeconds', 10));
    expect(svc.deployment.toJson().spec.minReadySeconds).toBe(10);
    expect(svc.apiObjects.map((o) => o.kind)).toContain('PodDisruptionBudget');
  });
});

describe('ProductionService refuses bad input with the path, prop, value and fix', () => {
  const at = '[production/test/order-api]';

  test('an image without a tag', () => {
    expect(construct({ image: 'registry.example.com/order-api' })).toThrow(
      `${at} image "registry.example.com/order-api" has no tag, so it means "latest"; pin a version such as registry.example.com/order-api:v1.2.3 or a digest`,
    );
  });

  test('an image with the latest tag', () => {
    expect(construct({ image: 'order-api:latest' })).toThrow(
      `${at} image "order-api:latest" uses the mutable tag "latest"; pin a version such as order-api:v1.2.3 or a digest`,
    );
  });

  test('accepts an image pinned by digest', () => {
    const digest = `registry.example.com/order-api@sha256:${'a'.repeat(64)}`;
    expect(findObject(build({ image: digest }), 'Deployment', 'order-api').spec.template.spec.containers[0].image).toBe(
      digest,
    );
  });

  test('missing requests or limits', () => {
    expect(construct({ resources: undefined as any })).toThrow(
      `${at} resources is required with both cpu and memory requests and limits; add e.g. resources: { cpu: { request: '500m', limit: '1' }, memory: { request: '512Mi', limit: '512Mi' } }`,
    );
    expect(
      construct({ resources: { cpu: { request: '1' }, memory: { request: '1Gi', limit: '1Gi' } } as any }),
    ).toThrow(`${at} resources.cpu.limit undefined is not a Kubernetes quantity; use e.g. "500m" or "2"`);
  });

  test('a request above its limit', () => {
    expect(
      construct({ resources: { cpu: { request: '2', limit: '1' }, memory: { request: '1Gi', limit: '1Gi' } } }),
    ).toThrow(`${at} resources.cpu.request "2" exceeds the limit "1"; raise the limit or lower the request`);
  });

  test('minReplicas greater than maxReplicas', () => {
    expect(construct({ autoscaling: { minReplicas: 10, maxReplicas: 5, cpuUtilization: 65 } })).toThrow(
      `${at} autoscaling.minReplicas (10) is greater than autoscaling.maxReplicas (5); raise maxReplicas to at least 10 or lower minReplicas`,
    );
  });

  test('a PDB that would block every drain', () => {
    expect(construct({ replicas: 2, minAvailable: 2 })).toThrow(
      `${at} minAvailable (2) must be lower than replicas (2) so a node drain can evict at least one pod; use minAvailable: 1 or raise the replica count`,
    );
  });

  test('a fixed minAvailable against an autoscaler', () => {
    expect(
      construct({ autoscaling: { minReplicas: 8, maxReplicas: 50, cpuUtilization: 65 }, minAvailable: 6 }),
    ).toThrow(
      `${at} minAvailable (6) is a fixed floor, but the autoscaler runs 8..50 pods, so at 50 a drain could evict 44 at once; remove minAvailable and set disruptionBudgetPercent (e.g. 10)`,
    );
  });

  test('both minAvailable and disruptionBudgetPercent', () => {
    expect(construct({ minAvailable: 1, disruptionBudgetPercent: 10 })).toThrow(
      `${at} minAvailable (1) and disruptionBudgetPercent (10) both set the PodDisruptionBudget; keep disruptionBudgetPercent, which scales with the replica count`,
    );
  });

  test.each([0, 51, 12.5])('a budget share of %p percent', (percent) => {
    expect(construct({ disruptionBudgetPercent: percent })).toThrow(
      `${at} disruptionBudgetPercent ${percent} must be a whole number from 1 to 50, so a drain can always evict one pod and never more than half; use e.g. 10`,
    );
  });

  test('a preStop sleep as long as the grace period', () => {
    expect(construct({ preStopDelay: Duration.seconds(30), terminationGracePeriod: Duration.seconds(30) })).toThrow(
      `${at} preStopDelay (30s) must be shorter than terminationGracePeriod (30s); raise terminationGracePeriod to at least Duration.seconds(31) or shorten the preStop sleep`,
    );
  });

  test('a preStop sleep of a fraction of a second', () => {
    expect(construct({ preStopDelay: Duration.millis(1500) })).toThrow(
      `${at} preStopDelay 1 second 500 millis must be a whole number of seconds, at least 0; use e.g. Duration.seconds(2)`,
    );
  });

  test('a port outside 1..65535', () => {
    expect(construct({ containerPort: 70000 })).toThrow(
      `${at} containerPort 70000 is not a port; use an integer between 1 and 65535`,
    );
    expect(construct({ servicePort: 0 })).toThrow(
      `${at} servicePort 0 is not a port; use an integer between 1 and 65535`,
    );
  });

  test('a name that is not a DNS-1123 label', () => {
    expect(construct({ name: 'Order_API' })).toThrow(
      `${at} name "Order_API" is not a DNS-1123 label; use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit, such as "order-api"`,
    );
  });

  test('wildcard RBAC', () => {
    expect(construct({ permissions: [{ resources: ['*'], verbs: ['get'] }] })).toThrow(
      `${at} permissions[0].resources ["*"] contains a wildcard; least privilege needs explicit resources, e.g. ["configmaps"]`,
    );
    expect(construct({ permissions: [{ resources: ['pods'], verbs: ['*'] }] })).toThrow(
      `${at} permissions[0].verbs ["*"] contains a wildcard; least privilege needs explicit verbs, e.g. ["get", "list"]`,
    );
  });

  test('a probe on a port the container does not expose', () => {
    expect(construct({ probes: { readiness: Probe.http('/ready', { port: 9090 }) } })).toThrow(
      `${at} probes.readiness targets port 9090, which the container does not expose (it exposes 8080); probe port 8080 or change containerPort`,
    );
  });

  test('liveness identical to readiness', () => {
    expect(construct({ probes: { readiness: Probe.http('/health'), liveness: Probe.http('/health') } })).toThrow(
      `${at} probes.liveness is identical to probes.readiness`,
    );
  });

  test('an HPA with no metric', () => {
    expect(construct({ autoscaling: { minReplicas: 2, maxReplicas: 4 } })).toThrow(
      `${at} autoscaling has no metric, so the HPA could never scale; set autoscaling.cpuUtilization (e.g. 65) or autoscaling.podMetrics (e.g. { http_requests_inflight: '50' })`,
    );
  });

  test('a rollout that can never progress', () => {
    expect(construct({ rollout: { maxSurge: 0, maxUnavailable: 0 } })).toThrow(
      `${at} rollout.maxSurge and rollout.maxUnavailable are both 0, so a rolling update can never progress; allow a surge such as maxSurge: 1`,
    );
  });

  test('a chart without a namespace', () => {
    const { App } = require('cdk8s');
    const chart = new Chart(new App(), 'nons');
    expect(() => new ProductionService(chart, 'order-api', base)).toThrow(
      '[nons/order-api] namespace is not set; pass namespace: "production" or create the chart with a namespace',
    );
  });
});

describe('a startup probe left out', () => {
  test('checks what liveness checks, with room for a slow start, when liveness is set', () => {
    const objects = build({
      probes: {
        readiness: Probe.http('/api/ready'),
        liveness: Probe.http('/api/alive', { period: Duration.seconds(20) }),
      },
    });
    const container = findObject(objects, 'Deployment', 'order-api').spec.template.spec.containers[0];
    expect(container.startupProbe).toMatchObject({
      httpGet: { path: '/api/alive' },
      periodSeconds: 5,
      failureThreshold: 24,
    });
  });

  test('gives a JVM liveness probe 5 s per check and 6 failures, so a full GC pause does not restart it', () => {
    const container = findObject(
      build({
        probes: { liveness: Probe.http('/live', { period: Duration.seconds(10) }), runtime: ProcessRuntime.JVM },
      }),
      'Deployment',
      'order-api',
    ).spec.template.spec.containers[0];
    expect(container.livenessProbe).toMatchObject({ timeoutSeconds: 5, failureThreshold: 6, periodSeconds: 10 });
    expect(container.readinessProbe.timeoutSeconds).toBe(1);
    const native = findObject(build(), 'Deployment', 'order-api').spec.template.spec.containers[0];
    expect(native.livenessProbe).toMatchObject({ timeoutSeconds: 1, failureThreshold: 3 });
  });

  test('refuses JVM liveness timing a GC pause can exceed', () => {
    const at = '[production/test/order-api]';
    expect(
      construct({
        probes: { liveness: Probe.http('/live', { timeout: Duration.seconds(1) }), runtime: ProcessRuntime.JVM },
      }),
    ).toThrow(
      `${at} probes.liveness allows 1s per check and 6 failures, which a JVM full garbage collection can exceed, restarting a healthy pod; with runtime ProcessRuntime.JVM leave timeout and failureThreshold unset, or use at least Duration.seconds(5) and 6`,
    );
  });

  test('uses /health/startup only when liveness is the default too', () => {
    const container = findObject(build(), 'Deployment', 'order-api').spec.template.spec.containers[0];
    expect(container.startupProbe.httpGet.path).toBe('/health/startup');
  });
});
