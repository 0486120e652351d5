import { checkManifests } from '../../lib';
import { PEER_CHECK_MAPPINGS, PeerTool } from '../../lib/readiness/peer-checks';
import { RULES } from '../../lib/readiness/registry';
import { apiContainer, apiPod, goodStack, pick } from './stack';

type Stack = Record<string, any>[];

/**
 * A minimal case that one peer check flags, by its own definition: the good stack broken in one way,
 * the object the peer would report, and what this checker does with it.
 */
interface Fixture {
  /** What is broken, as the peer check words it. */
  readonly breaks: string;
  readonly mutate: (stack: Stack) => void;
  /** The object the peer reports: kind and name. */
  readonly object: [string, string];
  /** `flags`: the mapped rule reports the same object; `passes`: a documented difference. */
  readonly ours: 'flags' | 'passes';
}

/** A fixture on `object` (the api Deployment unless given) that the mapped rule `ours`. */
function fixture(
  breaks: string,
  mutate: (stack: Stack) => void,
  object: [string, string] = ['Deployment', 'api'],
  ours: 'flags' | 'passes' = 'flags',
): Fixture {
  return { breaks, mutate, object, ours };
}

const api = (s: Stack) => pick(s, 'Deployment', 'api');
const hpa = (s: Stack) => pick(s, 'HorizontalPodAutoscaler', 'api');
const pdb = (s: Stack) => pick(s, 'PodDisruptionBudget', 'api');
const sc = (s: Stack) => apiContainer(s).securityContext;
const dropHpa = (s: Stack) => s.splice(s.indexOf(hpa(s)), 1);
const dropPolicies = (s: Stack) => {
  for (const o of s.filter((o) => o.kind === 'NetworkPolicy')) s.splice(s.indexOf(o), 1);
};
const add = (s: Stack, o: Record<string, any>) => s.push(o);
const DEPLOYMENT: [string, string] = ['Deployment', 'api'];

const clusterRoleBinding = (role: string) => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRoleBinding',
  metadata: { name: 'api-admin' },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
  subjects: [{ kind: 'ServiceAccount', name: 'api', namespace: 'shop' }],
});
const statefulSet = (s: Stack, serviceName: string) => {
  const set = JSON.parse(JSON.stringify(api(s)));
  set.kind = 'StatefulSet';
  set.metadata.name = 'store';
  set.spec.serviceName = serviceName;
  delete set.spec.strategy;
  set.spec.replicas = 3;
  return set;
};
const ingress = (tls: boolean, service = 'api') => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'shop', namespace: 'shop' },
  spec: {
    ...(tls ? { tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }] } : {}),
    rules: [
      {
        host: 'shop.example.com',
        http: {
          paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: service, port: { number: 80 } } } }],
        },
      },
    ],
  },
});

const latestTag = fixture(
  'an image on the latest tag',
  (s) => (apiContainer(s).image = 'registry.example.com/api:latest'),
);
const noCpuRequest = fixture('no CPU request', (s) => delete apiContainer(s).resources.requests.cpu);
const noCpuLimit = fixture('no CPU limit', (s) => delete apiContainer(s).resources.limits.cpu);
const noMemoryRequest = fixture('no memory request', (s) => delete apiContainer(s).resources.requests.memory);
const noMemoryLimit = fixture('no memory limit', (s) => delete apiContainer(s).resources.limits.memory);
const noReadiness = fixture('no readiness probe', (s) => delete apiContainer(s).readinessProbe);
const noLiveness = fixture('no liveness probe', (s) => delete apiContainer(s).livenessProbe);
const probeOnUnlistedPort = (probe: string): Fixture => ({
  breaks: `a ${probe} on a port the container does not expose`,
  mutate: (s) => (apiContainer(s)[probe] = { httpGet: { path: '/x', port: 9090 } }),
  object: DEPLOYMENT,
  ours: 'flags',
});
const writableRoot = fixture('a writable root filesystem', (s) => (sc(s).readOnlyRootFilesystem = false));
const hpaMinOne = fixture('an HPA with minReplicas 1', (s) => (hpa(s).spec.minReplicas = 1));
const replicasUnsetUnderHpa = fixture(
  'a Deployment without spec.replicas (scaled by its HPA)',
  () => undefined,
  DEPLOYMENT,
  'passes',
);
const twoReplicas = fixture(
  'two replicas, fewer than three',
  (s) => {
    dropHpa(s);
    api(s).spec.replicas = 2;
    pdb(s).spec.minAvailable = 1;
  },
  DEPLOYMENT,
  'passes',
);
const hpaMinTwo = fixture(
  'an HPA with minReplicas 2, fewer than three',
  (s) => {
    hpa(s).spec.minReplicas = 2;
    pdb(s).spec.minAvailable = 1;
  },
  DEPLOYMENT,
  'passes',
);
const pdbBlocksAll = fixture(
  'a PDB whose minAvailable equals the replicas',
  (s) => {
    dropHpa(s);
    api(s).spec.replicas = 3;
    pdb(s).spec.minAvailable = 3;
  },
  ['PodDisruptionBudget', 'api'],
);
const noPdb = fixture('a Deployment no PDB covers', (s) => s.splice(s.indexOf(pdb(s)), 1));
const noPolicy = fixture('pods no NetworkPolicy selects', dropPolicies);
const defaultDenyOnly = fixture(
  'pods selected only by a namespace-wide default deny',
  (s) => s.splice(s.indexOf(pick(s, 'NetworkPolicy', 'api')), 1),
  DEPLOYMENT,
  'passes',
);
const danglingPolicy = fixture(
  'a NetworkPolicy that selects no pods',
  (s) => (pick(s, 'NetworkPolicy', 'api').spec.podSelector.matchLabels = { app: 'gone' }),
  ['NetworkPolicy', 'api'],
);
const danglingPeer = fixture(
  'a podSelector peer that selects no pods',
  (s) => pick(s, 'NetworkPolicy', 'api').spec.egress.push({ to: [{ podSelector: { matchLabels: { app: 'gone' } } }] }),
  ['NetworkPolicy', 'api'],
);
const danglingService = fixture(
  'a Service that selects no pods',
  (s) => (pick(s, 'Service', 'api').spec.selector = { app: 'gone' }),
  ['Service', 'api'],
);
const danglingHpa = fixture('an HPA whose target does not exist', (s) => (hpa(s).spec.scaleTargetRef.name = 'gone'), [
  'HorizontalPodAutoscaler',
  'api',
]);
const replicasUnderHpa = fixture(
  'a Deployment scaled by an HPA that sets spec.replicas',
  (s) => (api(s).spec.replicas = 4),
);
const danglingServiceMonitor = fixture(
  'a ServiceMonitor that selects no Service',
  (s) => (pick(s, 'ServiceMonitor', 'api').spec.selector.matchLabels = { app: 'gone' }),
  ['ServiceMonitor', 'api'],
);
const missingServiceAccount = fixture(
  'a pod running as a ServiceAccount that does not exist',
  (s) => (apiPod(s).serviceAccountName = 'gone'),
);
const defaultServiceAccount = fixture(
  'a pod running as the default ServiceAccount',
  (s) => (apiPod(s).serviceAccountName = 'default'),
);
const automountWithoutGrants = fixture('a mounted token for a ServiceAccount no binding grants anything', (s) => {
  for (const kind of ['RoleBinding', 'Role']) s.splice(s.indexOf(pick(s, kind, 'api')), 1);
});
const clusterAdmin = fixture(
  'a ClusterRoleBinding of cluster-admin',
  (s) => add(s, clusterRoleBinding('cluster-admin')),
  ['ClusterRoleBinding', 'api-admin'],
);
const clusterAdminInNamespace = fixture(
  'a RoleBinding of the cluster-admin ClusterRole',
  (s) =>
    (pick(s, 'RoleBinding', 'api').roleRef = {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'cluster-admin',
    }),
  ['RoleBinding', 'api'],
);
const grants = (rules: Record<string, any>[]): Fixture => ({
  breaks: `a Role bound to the workload's ServiceAccount granting ${JSON.stringify(rules)}`,
  mutate: (s) => (pick(s, 'Role', 'api').rules = rules),
  object: DEPLOYMENT,
  ours: 'flags',
});
const noPriorityClass = fixture('no priorityClassName', (s) => delete apiPod(s).priorityClassName);
const noSpread = fixture('several replicas with no anti-affinity or spread constraint', (s) => {
  delete apiPod(s).affinity.podAntiAffinity;
  delete apiPod(s).topologySpreadConstraints;
});
const recreate = fixture(
  'a Recreate strategy',
  (s) => (api(s).spec.strategy = { type: 'Recreate' }),
  DEPLOYMENT,
  'passes',
);
const nodePort = fixture('a NodePort Service', (s) => (pick(s, 'Service', 'api').spec.type = 'NodePort'), [
  'Service',
  'api',
]);
const statefulSetWithoutService = fixture(
  'a StatefulSet whose serviceName names no Service',
  (s) => add(s, statefulSet(s, 'gone')),
  ['StatefulSet', 'store'],
);
const duplicateEnv = fixture('one environment variable declared twice', (s) =>
  apiContainer(s).env.push({ name: 'DB_PASSWORD', value: 'x' }),
);
const secretInEnv = fixture('a password as a literal environment value', (s) =>
  apiContainer(s).env.push({ name: 'API_PASSWORD', value: 'hunter2hunter2' }),
);
const secretInConfigMap = fixture(
  'a password key in a ConfigMap',
  (s) => (pick(s, 'ConfigMap', 'api-config').data.DB_PASSWORD = 'hunter2hunter2'),
  ['ConfigMap', 'api-config'],
);
const standaloneJobWithoutTtl = fixture(
  'a standalone Job without ttlSecondsAfterFinished',
  (s) => {
    const job = JSON.parse(JSON.stringify(pick(s, 'CronJob', 'report').spec.jobTemplate));
    delete job.spec.ttlSecondsAfterFinished;
    add(s, { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate', namespace: 'shop' }, spec: job.spec });
  },
  ['Job', 'migrate'],
);
const cronJobWithoutDeadline = fixture(
  'a CronJob without startingDeadlineSeconds',
  (s) => delete pick(s, 'CronJob', 'report').spec.startingDeadlineSeconds,
  ['CronJob', 'report'],
);
const extensionsIngress = fixture(
  'an extensions/v1beta1 Ingress',
  (s) => add(s, { ...ingress(true), apiVersion: 'extensions/v1beta1' }),
  ['Ingress', 'shop'],
);
const ingressWithoutTls = fixture('an Ingress without tls', (s) => add(s, ingress(false)), ['Ingress', 'shop']);
const podSecurity = (breaks: string, mutate: (s: Stack) => void, ours: 'flags' | 'passes' = 'flags'): Fixture => ({
  breaks,
  mutate,
  object: DEPLOYMENT,
  ours,
});
const privileged = podSecurity('a privileged container', (s) => (sc(s).privileged = true));
const runsAsRoot = podSecurity('runAsNonRoot unset', (s) => delete apiPod(s).securityContext.runAsNonRoot);
const lowUid = podSecurity(
  'runAsUser 1000 and no runAsGroup: not above 10000',
  (s) => (apiPod(s).securityContext.runAsUser = 1000),
  'passes',
);
const escalation = podSecurity('allowPrivilegeEscalation unset', (s) => delete sc(s).allowPrivilegeEscalation);
const hostIpc = podSecurity('hostIPC: true', (s) => (apiPod(s).hostIPC = true));
const hostPid = podSecurity('hostPID: true', (s) => (apiPod(s).hostPID = true));
const hostNetwork = podSecurity('hostNetwork: true', (s) => (apiPod(s).hostNetwork = true));
const hostPath = (path: string, readOnly: boolean) =>
  podSecurity(`a ${readOnly ? 'read-only' : 'writable'} hostPath mount of ${path}`, (s) => {
    apiPod(s).volumes = [{ name: 'host', hostPath: { path } }];
    apiContainer(s).volumeMounts = [{ name: 'host', mountPath: '/host', readOnly }];
  });
const hostPort = podSecurity('a host port', (s) => (apiContainer(s).ports[0].hostPort = 8080));
const unmaskedProc = podSecurity('procMount: Unmasked', (s) => (sc(s).procMount = 'Unmasked'));
const unsafeSysctl = podSecurity(
  'an unsafe sysctl',
  (s) => (apiPod(s).securityContext.sysctls = [{ name: 'kernel.msgmax', value: '65536' }]),
);
const hostProcess = podSecurity(
  'a Windows HostProcess container',
  (s) => (sc(s).windowsOptions = { hostProcess: true }),
);
const sysAdmin = podSecurity('adding SYS_ADMIN', (s) => (sc(s).capabilities.add = ['SYS_ADMIN']));
const keepsNetRaw = podSecurity('NET_RAW not dropped', (s) => (sc(s).capabilities.drop = ['SYS_ADMIN']));
const identicalProbes = podSecurity(
  'identical readiness and liveness probes',
  (s) => (apiContainer(s).livenessProbe = { httpGet: { path: '/ready', port: 'http' } }),
);

/** One fixture per mapped peer check, by `tool/check`. */
const FIXTURES: Record<string, Fixture> = {
  'polaris/tagNotSpecified': latestTag,
  'kube-linter/latest-tag': latestTag,
  'kube-score/container-image-tag': latestTag,
  'polaris/cpuRequestsMissing': noCpuRequest,
  'polaris/cpuLimitsMissing': noCpuLimit,
  'polaris/memoryRequestsMissing': noMemoryRequest,
  'polaris/memoryLimitsMissing': noMemoryLimit,
  'kube-linter/unset-cpu-requirements': noCpuLimit,
  'kube-linter/unset-memory-requirements': noMemoryRequest,
  'kube-score/container-resources': noMemoryLimit,
  'polaris/readinessProbeMissing': noReadiness,
  'polaris/livenessProbeMissing': noLiveness,
  'kube-linter/no-readiness-probe': noReadiness,
  'kube-linter/no-liveness-probe': noLiveness,
  'kube-score/pod-probes': noReadiness,
  'kube-score/pod-probes-identical': identicalProbes,
  'kube-linter/liveness-port': probeOnUnlistedPort('livenessProbe'),
  'kube-linter/readiness-port': probeOnUnlistedPort('readinessProbe'),
  'kube-linter/startup-port': probeOnUnlistedPort('startupProbe'),
  'polaris/notReadOnlyRootFilesystem': writableRoot,
  'kube-linter/no-read-only-root-fs': writableRoot,
  'kube-score/container-security-context-readonlyrootfilesystem': writableRoot,
  'polaris/hpaMinAvailability': hpaMinOne,
  'kube-score/horizontalpodautoscaler-replicas': hpaMinOne,
  'polaris/deploymentMissingReplicas': replicasUnsetUnderHpa,
  'kube-score/deployment-replicas': {
    ...hpaMinOne,
    breaks: 'one replica',
    mutate: (s) => {
      dropHpa(s);
      api(s).spec.replicas = 1;
      s.splice(s.indexOf(pdb(s)), 1);
    },
  },
  'kube-linter/minimum-three-replicas': twoReplicas,
  'kube-linter/hpa-minimum-three-replicas': hpaMinTwo,
  'polaris/hpaMaxAvailability': {
    breaks: 'an HPA with maxReplicas equal to minReplicas',
    mutate: (s) => (hpa(s).spec.maxReplicas = 4),
    object: ['HorizontalPodAutoscaler', 'api'],
    ours: 'flags',
  },
  'polaris/pdbDisruptionsIsZero': {
    ...pdbBlocksAll,
    breaks: 'a PDB with maxUnavailable 0',
    mutate: (s) => (pdb(s).spec = { maxUnavailable: 0, selector: pdb(s).spec.selector }),
  },
  'kube-linter/pdb-max-unavailable': {
    ...pdbBlocksAll,
    breaks: 'a PDB with maxUnavailable 0',
    mutate: (s) => (pdb(s).spec = { maxUnavailable: 0, selector: pdb(s).spec.selector }),
  },
  'kube-linter/pdb-min-available': pdbBlocksAll,
  'polaris/pdbMinAvailableGreaterThanHPAMinReplicas': {
    breaks: 'a PDB minAvailable at the HPA minimum',
    mutate: (s) => (pdb(s).spec.minAvailable = 4),
    object: ['HorizontalPodAutoscaler', 'api'],
    ours: 'flags',
  },
  'polaris/missingPodDisruptionBudget': noPdb,
  'kube-score/deployment-has-poddisruptionbudget': noPdb,
  'kube-score/statefulset-has-poddisruptionbudget': {
    breaks: 'a StatefulSet no PDB covers',
    mutate: (s) => {
      const set = statefulSet(s, 'store');
      set.spec.selector.matchLabels = { 'app.kubernetes.io/name': 'store' };
      set.spec.template.metadata.labels = { ...set.spec.template.metadata.labels, 'app.kubernetes.io/name': 'store' };
      add(s, set);
    },
    object: ['StatefulSet', 'store'],
    ours: 'flags',
  },
  'polaris/missingNetworkPolicy': defaultDenyOnly,
  'kube-linter/non-isolated-pod': noPolicy,
  'kube-score/pod-networkpolicy': noPolicy,
  'kube-linter/dangling-networkpolicy': danglingPolicy,
  'kube-score/networkpolicy-targets-pod': danglingPolicy,
  'kube-linter/dangling-networkpolicypeer-podselector': danglingPeer,
  'kube-linter/dangling-service': danglingService,
  'kube-score/service-targets-pod': danglingService,
  'kube-linter/dangling-horizontalpodautoscaler': danglingHpa,
  'kube-score/horizontalpodautoscaler-has-target': danglingHpa,
  'kube-score/deployment-targeted-by-hpa-does-not-have-replicas-configured': replicasUnderHpa,
  'kube-linter/dangling-servicemonitor': danglingServiceMonitor,
  'kube-linter/non-existent-service-account': missingServiceAccount,
  'kube-linter/default-service-account': defaultServiceAccount,
  'polaris/automountServiceAccountToken': automountWithoutGrants,
  'polaris/clusterrolebindingClusterAdmin': clusterAdmin,
  'polaris/rolebindingClusterAdminClusterRole': clusterAdminInNamespace,
  'kube-linter/cluster-admin-role-binding': clusterAdmin,
  'polaris/clusterrolePodExecAttach': grants([{ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] }]),
  'polaris/rolePodExecAttach': grants([{ apiGroups: [''], resources: ['pods/attach'], verbs: ['create'] }]),
  'polaris/rolebindingRolePodExecAttach': grants([{ apiGroups: [''], resources: ['pods/exec'], verbs: ['get'] }]),
  'polaris/rolebindingClusterRolePodExecAttach': {
    breaks: "a RoleBinding of the workload's ServiceAccount to a ClusterRole granting pods/attach",
    mutate: (s) => {
      s.push({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'api-attach' },
        rules: [{ apiGroups: [''], resources: ['pods/attach'], verbs: ['create'] }],
      });
      pick(s, 'RoleBinding', 'api').roleRef = {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'api-attach',
      };
    },
    object: DEPLOYMENT,
    ours: 'flags',
  },
  'kube-linter/access-to-secrets': grants([{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }]),
  'kube-linter/wildcard-in-rules': grants([{ apiGroups: [''], resources: ['*'], verbs: ['get'] }]),
  'polaris/priorityClassNotSet': noPriorityClass,
  'kube-linter/priority-class-name': noPriorityClass,
  'polaris/topologySpreadConstraint': {
    ...noSpread,
    breaks: 'no topologySpreadConstraints',
    mutate: (s) => delete apiPod(s).topologySpreadConstraints,
  },
  'kube-linter/no-anti-affinity': noSpread,
  'kube-score/deployment-has-host-podantiaffinity': noSpread,
  'kube-score/statefulset-has-host-podantiaffinity': {
    breaks: 'a StatefulSet with several replicas and no host anti-affinity',
    mutate: (s) => {
      const set = statefulSet(s, 'api');
      delete set.spec.template.spec.affinity.podAntiAffinity;
      delete set.spec.template.spec.topologySpreadConstraints;
      add(s, set);
    },
    object: ['StatefulSet', 'store'],
    ours: 'flags',
  },
  'kube-score/pod-topology-spread-constraints': noSpread,
  'kube-linter/no-rolling-update-strategy': recreate,
  'kube-score/deployment-strategy': recreate,
  'kube-linter/exposed-services': nodePort,
  'kube-score/service-type': nodePort,
  'kube-score/statefulset-has-servicename': statefulSetWithoutService,
  'kube-linter/duplicate-env-var': duplicateEnv,
  'kube-score/environment-variable-key-duplication': duplicateEnv,
  'polaris/sensitiveContainerEnvVar': secretInEnv,
  'kube-linter/env-var-secret': secretInEnv,
  'polaris/sensitiveConfigmapContent': secretInConfigMap,
  'kube-linter/job-ttl-seconds-after-finished': standaloneJobWithoutTtl,
  'kube-score/cronjob-has-deadline': cronJobWithoutDeadline,
  'kube-linter/no-extensions-v1beta': extensionsIngress,
  'kube-score/stable-version': extensionsIngress,
  'polaris/tlsSettingsMissing': ingressWithoutTls,
  'polaris/runAsPrivileged': privileged,
  'kube-linter/privileged-container': privileged,
  'kube-score/container-security-context-privileged': privileged,
  'polaris/runAsRootAllowed': runsAsRoot,
  'kube-linter/run-as-non-root': runsAsRoot,
  'kube-score/container-security-context-user-group-id': lowUid,
  'polaris/privilegeEscalationAllowed': escalation,
  'kube-linter/privilege-escalation-container': escalation,
  'polaris/hostIPCSet': hostIpc,
  'polaris/hostPIDSet': hostPid,
  'polaris/hostNetworkSet': hostNetwork,
  'kube-linter/host-ipc': hostIpc,
  'kube-linter/host-pid': hostPid,
  'kube-linter/host-network': hostNetwork,
  'polaris/hostPathSet': hostPath('/var/log', true),
  'kube-linter/sensitive-host-mounts': hostPath('/etc', true),
  'kube-linter/writable-host-mount': hostPath('/data', false),
  'polaris/hostPortSet': hostPort,
  'polaris/procMount': unmaskedProc,
  'kube-linter/unsafe-proc-mount': unmaskedProc,
  'kube-linter/unsafe-sysctls': unsafeSysctl,
  'polaris/hostProcess': hostProcess,
  'polaris/dangerousCapabilities': sysAdmin,
  'kube-linter/drop-net-raw-capability': keepsNetRaw,
};

const key = (m: { tool: PeerTool; check: string }) => `${m.tool}/${m.check}`;

/** The findings of `rule` on the fixture's object, and the suppressed ones, after the fixture's mutation. */
function run(fixture: Fixture, rule: string, annotate?: (object: Record<string, any>) => void) {
  const stack = goodStack();
  fixture.mutate(stack);
  const [kind, name] = fixture.object;
  if (annotate) annotate(pick(stack, kind, name));
  const report = checkManifests(stack, { pack: 'production' });
  const on = (f: { ruleId: string; kind: string; name: string }) =>
    f.ruleId === rule && f.kind === kind && f.name === name;
  return { findings: report.findings.filter(on), suppressed: report.suppressed.filter(on) };
}

describe('parity with Polaris, kube-linter and kube-score', () => {
  test('every mapped peer check has a fixture, and every fixture a mapping', () => {
    expect(Object.keys(FIXTURES).sort()).toEqual(PEER_CHECK_MAPPINGS.map(key).sort());
  });

  test('maps every peer check to a rule of the registry, once', () => {
    const ids = new Set(RULES.map((r) => r.id));
    expect(PEER_CHECK_MAPPINGS.filter((m) => !ids.has(m.rule)).map(key)).toEqual([]);
    expect(new Set(PEER_CHECK_MAPPINGS.map(key)).size).toBe(PEER_CHECK_MAPPINGS.length);
  });

  test.each(PEER_CHECK_MAPPINGS.map((m) => [key(m), m] as const))('%s', (_, mapping) => {
    const fixture = FIXTURES[key(mapping)];
    const { findings } = run(fixture, mapping.rule);
    if (fixture.ours === 'flags') {
      expect({ breaks: fixture.breaks, rule: mapping.rule, flagged: findings.length > 0 }).toEqual({
        breaks: fixture.breaks,
        rule: mapping.rule,
        flagged: true,
      });
    } else {
      // A case the peer flags and this checker passes on purpose: the mapping says why.
      expect(findings).toEqual([]);
      expect(mapping.difference).toEqual(expect.stringMatching(/\.$/));
    }
  });

  test('reports its figures', () => {
    const agree = PEER_CHECK_MAPPINGS.filter((m) => !m.difference).length;
    const byTool = Object.values(PeerTool).map((t) => `${t} ${PEER_CHECK_MAPPINGS.filter((m) => m.tool === t).length}`);
    process.stdout.write(
      `mapped peer checks: ${PEER_CHECK_MAPPINGS.length} (${byTool.join(', ')}); ` +
        `${agree} agree, ${PEER_CHECK_MAPPINGS.length - agree} differ on purpose\n`,
    );
    expect(PEER_CHECK_MAPPINGS.length).toBe(Object.keys(FIXTURES).length);
  });
});

describe('exemption annotations of the peer tools', () => {
  const latest = (annotate: (o: Record<string, any>) => void) => run(latestTag, 'image-tag-pinned', annotate);
  const annotations = (o: Record<string, any>) => (o.metadata.annotations ??= {});

  test('kube-linter ignore-check silences the rule its check maps to, citing the annotation and its reason', () => {
    const { findings, suppressed } = latest((o) => {
      annotations(o)['ignore-check.kube-linter.io/latest-tag'] = 'pinned by digest at deploy time';
    });
    expect(findings).toEqual([]);
    expect(suppressed.map((f) => f.reason)).toEqual([
      'exempted for kube-linter: ignore-check.kube-linter.io/latest-tag (pinned by digest at deploy time)',
    ]);
  });

  test('Polaris <check>-exempt: "true" silences it; another value does not, as in Polaris', () => {
    expect(latest((o) => (annotations(o)['polaris.fairwinds.com/tagNotSpecified-exempt'] = 'true')).findings).toEqual(
      [],
    );
    expect(
      latest((o) => (annotations(o)['polaris.fairwinds.com/tagNotSpecified-exempt'] = 'yes')).findings,
    ).toHaveLength(1);
  });

  test('kube-score/ignore on the pod template silences it', () => {
    const { findings, suppressed } = latest((o) => {
      o.spec.template.metadata.annotations = { 'kube-score/ignore': 'container-resources, container-image-tag' };
    });
    expect(findings).toEqual([]);
    expect(suppressed.map((f) => f.reason)).toEqual([
      'exempted for kube-score: kube-score/ignore: container-resources, container-image-tag',
    ]);
  });

  test('a rule several checks of one tool map to is silenced only when all of them are exempted', () => {
    const exempt = (checks: string[]) =>
      run(noCpuRequest, 'resources-requests-limits', (o) => {
        for (const c of checks) annotations(o)[`polaris.fairwinds.com/${c}-exempt`] = 'true';
      }).findings;
    expect(exempt(['cpuRequestsMissing'])).toHaveLength(1);
    expect(exempt(['cpuRequestsMissing', 'cpuLimitsMissing', 'memoryRequestsMissing', 'memoryLimitsMissing'])).toEqual(
      [],
    );
  });

  test('needs only the checks that look at the object’s kind (no StatefulSet check for a Deployment)', () => {
    const { findings } = run(noPdb, 'pdb-covers-workload', (o) => {
      annotations(o)['kube-score/ignore'] = 'deployment-has-poddisruptionbudget';
    });
    expect(findings).toEqual([]);
  });

  test('polaris.fairwinds.com/exempt silences every mapped rule and nothing else', () => {
    const stack = goodStack();
    latestTag.mutate(stack);
    const deployment = api(stack);
    delete deployment.metadata.labels['app.kubernetes.io/version'];
    deployment.metadata.annotations = { 'polaris.fairwinds.com/exempt': 'true' };
    const ids = checkManifests(stack, { pack: 'production' })
      .findings.filter((f) => f.kind === 'Deployment')
      .map((f) => f.ruleId);
    expect(ids).toEqual(['recommended-labels']);
  });

  test('the object’s own suppression keeps its reason over a peer exemption', () => {
    const { suppressed } = latest((o) => {
      annotations(o)['ignore-check.kube-linter.io/latest-tag'] = 'pinned elsewhere';
      annotations(o)['cdk8s-production.io/suppress'] = JSON.stringify([
        { rule: 'image-tag-pinned', reason: 'the tag is rewritten to a digest by the admission controller' },
      ]);
    });
    expect(suppressed.map((f) => f.reason)).toEqual(['the tag is rewritten to a digest by the admission controller']);
  });
});
