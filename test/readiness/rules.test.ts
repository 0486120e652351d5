import { checkManifests, CheckOptions } from '../../lib';
import { RULES } from '../../lib/readiness/registry';
import { apiContainer, apiPod, goodStack, pick } from './stack';

type Stack = Record<string, any>[];

/** One non-compliant case: the rule, how the good stack is broken, and the expected message. */
interface Case {
  readonly rule: string;
  readonly breaks: string;
  readonly mutate: (stack: Stack) => void;
  readonly message: string;
  readonly options?: CheckOptions;
}

const sc = (s: Stack) => apiContainer(s).securityContext;
const cron = (s: Stack) => pick(s, 'CronJob', 'report');

const CASES: Case[] = [
  // Pod Security baseline
  {
    rule: 'pss-host-namespaces',
    breaks: 'hostNetwork: true',
    mutate: (s) => {
      apiPod(s).hostNetwork = true;
    },
    message: 'hostNetwork is true',
  },
  {
    rule: 'pss-privileged',
    breaks: 'a privileged container',
    mutate: (s) => {
      sc(s).privileged = true;
    },
    message: 'container "app" is privileged',
  },
  {
    rule: 'pss-capabilities-baseline',
    breaks: 'adding NET_RAW',
    mutate: (s) => {
      sc(s).capabilities.add = ['NET_RAW'];
    },
    message: 'container "app" adds NET_RAW',
  },
  {
    rule: 'pss-host-path-volumes',
    breaks: 'a hostPath volume',
    mutate: (s) => {
      apiPod(s).volumes = [{ name: 'logs', hostPath: { path: '/var/log' } }];
    },
    message: 'volume "logs" is a hostPath',
  },
  {
    rule: 'pss-host-ports',
    breaks: 'a host port',
    mutate: (s) => {
      apiContainer(s).ports[0].hostPort = 8080;
    },
    message: 'binds host port 8080',
  },
  {
    rule: 'pss-apparmor',
    breaks: 'an unconfined AppArmor annotation',
    mutate: (s) => {
      pick(s, 'Deployment', 'api').spec.template.metadata.annotations = {
        'container.apparmor.security.beta.kubernetes.io/app': 'unconfined',
      };
    },
    message: 'is "unconfined"',
  },
  {
    rule: 'pss-selinux',
    breaks: 'a custom SELinux user',
    mutate: (s) => {
      apiPod(s).securityContext.seLinuxOptions = { user: 'sysadm_u' };
    },
    message: 'pod seLinuxOptions set user "sysadm_u"',
  },
  {
    rule: 'pss-proc-mount',
    breaks: 'an unmasked /proc',
    mutate: (s) => {
      sc(s).procMount = 'Unmasked';
    },
    message: 'sets procMount "Unmasked"',
  },
  {
    rule: 'pss-seccomp-baseline',
    breaks: 'an Unconfined seccomp profile',
    mutate: (s) => {
      sc(s).seccompProfile = { type: 'Unconfined' };
    },
    message: 'seccompProfile.type is "Unconfined"',
  },
  {
    rule: 'pss-sysctls',
    breaks: 'an unsafe sysctl',
    mutate: (s) => {
      apiPod(s).securityContext.sysctls = [{ name: 'net.core.somaxconn', value: '1024' }];
    },
    message: 'sysctl "net.core.somaxconn" is not allowed',
  },
  {
    rule: 'pss-windows-host-process',
    breaks: 'a HostProcess container',
    mutate: (s) => {
      sc(s).windowsOptions = { hostProcess: true };
    },
    message: 'windowsOptions.hostProcess is true',
  },
  {
    rule: 'pss-host-probes',
    breaks: 'a probe host at v1.34+',
    mutate: (s) => {
      apiContainer(s).readinessProbe.httpGet.host = '10.0.0.1';
    },
    message: 'readinessProbe httpGet.host is "10.0.0.1"',
    options: { pssVersion: 'v1.34' },
  },
  // Pod Security restricted
  {
    rule: 'pss-volume-types',
    breaks: 'an nfs volume',
    mutate: (s) => {
      apiPod(s).volumes = [{ name: 'shared', nfs: { server: 'nfs', path: '/' } }];
    },
    message: 'volume "shared" uses nfs',
  },
  {
    rule: 'pss-privilege-escalation',
    breaks: 'no allowPrivilegeEscalation: false',
    mutate: (s) => {
      delete sc(s).allowPrivilegeEscalation;
    },
    message: 'does not set allowPrivilegeEscalation: false',
  },
  {
    rule: 'pss-run-as-non-root',
    breaks: 'no runAsNonRoot',
    mutate: (s) => {
      delete apiPod(s).securityContext.runAsNonRoot;
    },
    message: 'may run as root',
  },
  {
    rule: 'pss-run-as-user',
    breaks: 'runAsUser 0',
    mutate: (s) => {
      sc(s).runAsUser = 0;
    },
    message: 'container "app" sets runAsUser: 0',
  },
  {
    rule: 'pss-seccomp-restricted',
    breaks: 'no seccomp profile',
    mutate: (s) => {
      delete apiPod(s).securityContext.seccompProfile;
    },
    message: 'has no seccomp profile',
  },
  {
    rule: 'pss-capabilities-restricted',
    breaks: 'not dropping ALL',
    mutate: (s) => {
      sc(s).capabilities = {};
    },
    message: 'does not drop ALL capabilities',
  },
  {
    rule: 'pss-proc-mount-restricted',
    breaks: 'an unmasked /proc in a user namespace at v1.35+',
    mutate: (s) => {
      apiPod(s).hostUsers = false;
      sc(s).procMount = 'Unmasked';
    },
    message: 'sets procMount "Unmasked"',
    options: { pssVersion: 'v1.35' },
  },
  // Checklist
  {
    rule: 'resources-requests-limits',
    breaks: 'no CPU limit',
    mutate: (s) => {
      delete apiContainer(s).resources.limits.cpu;
    },
    message: 'container "app" does not set limits.cpu',
  },
  {
    rule: 'probes-readiness-liveness',
    breaks: 'no liveness probe',
    mutate: (s) => {
      delete apiContainer(s).livenessProbe;
    },
    message: 'container "app" has no livenessProbe',
  },
  {
    rule: 'probes-distinct',
    breaks: 'identical probes',
    mutate: (s) => {
      apiContainer(s).livenessProbe = { httpGet: { port: 'http', path: '/ready' } };
    },
    message: 'readiness and liveness probes call the same check',
  },
  {
    rule: 'probe-port-exists',
    breaks: 'a misspelt named probe port',
    mutate: (s) => {
      apiContainer(s).readinessProbe.httpGet.port = 'htp';
    },
    message: 'readinessProbe targets port "htp"',
  },
  {
    rule: 'probe-port-listed',
    breaks: 'a probe on a numeric port the container does not list',
    mutate: (s) => {
      apiContainer(s).livenessProbe.httpGet.port = 8081;
    },
    message: 'container "app" livenessProbe targets port 8081, which the container does not list (8080)',
  },
  {
    rule: 'probe-port-exists',
    breaks: 'a probe on a UDP-only port',
    mutate: (s) => {
      apiContainer(s).ports.push({ name: 'stats', containerPort: 8125, protocol: 'UDP' });
      apiContainer(s).livenessProbe = { tcpSocket: { port: 'stats' } };
    },
    message:
      'container "app" livenessProbe tcpSocket targets port "stats", which the container declares only for UDP; the probe connects over TCP',
  },
  {
    rule: 'image-tag-pinned',
    breaks: 'the latest tag',
    mutate: (s) => {
      apiContainer(s).image = 'registry.example.com:5000/api:latest';
    },
    message: 'uses the mutable tag "latest"',
  },
  {
    rule: 'read-only-root-filesystem',
    breaks: 'a writable root filesystem',
    mutate: (s) => {
      delete sc(s).readOnlyRootFilesystem;
    },
    message: 'container "app" does not set readOnlyRootFilesystem: true',
  },
  {
    rule: 'env-names-unique',
    breaks: 'a variable listed twice',
    mutate: (s) => {
      apiContainer(s).env.push({ name: 'DB_PASSWORD', value: 'x' });
    },
    message: 'container "app" declares env "DB_PASSWORD" more than once',
  },
  {
    rule: 'service-account-dedicated',
    breaks: 'the default ServiceAccount',
    mutate: (s) => {
      delete apiPod(s).serviceAccountName;
    },
    message: 'pods run as the default ServiceAccount',
  },
  {
    rule: 'service-account-token-automount',
    breaks: 'a mounted token without RBAC',
    mutate: (s) => {
      s.splice(s.indexOf(pick(s, 'RoleBinding', 'api')), 1);
    },
    message: 'the token of ServiceAccount "api" is mounted',
  },
  {
    rule: 'no-cluster-admin-for-service-accounts',
    breaks: 'cluster-admin for a ServiceAccount',
    mutate: (s) => {
      pick(s, 'RoleBinding', 'api').roleRef = { kind: 'ClusterRole', name: 'cluster-admin' };
    },
    message: 'grants cluster-admin to ServiceAccount "api"',
  },
  {
    rule: 'no-cluster-admin-for-service-accounts',
    breaks: 'a Role allowing everything, bound to the ServiceAccount as a User',
    mutate: (s) => {
      pick(s, 'Role', 'api').rules = [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }];
      pick(s, 'RoleBinding', 'api').subjects = [{ kind: 'User', name: 'system:serviceaccount:shop:api' }];
    },
    message:
      'grants Role "api", which allows every verb on every resource as cluster-admin does, to User "system:serviceaccount:shop:api"',
  },
  {
    rule: 'no-secret-literal',
    breaks: 'a Secret with data',
    mutate: (s) => {
      s.push({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'db', namespace: 'shop' },
        stringData: { password: 'hunter2' },
      });
    },
    message: 'Secret holds literal stringData (password)',
  },
  {
    rule: 'pdb-covers-workload',
    breaks: 'no PDB',
    mutate: (s) => {
      s.splice(s.indexOf(pick(s, 'PodDisruptionBudget', 'api')), 1);
    },
    message: 'runs at least 4 replicas but no PodDisruptionBudget selects its pods',
  },
  {
    rule: 'pdb-selects-workload',
    breaks: 'a PDB selector typo',
    mutate: (s) => {
      pick(s, 'PodDisruptionBudget', 'api').spec.selector.matchLabels = { 'app.kubernetes.io/name': 'apj' };
    },
    message: 'selects the pods of no workload',
  },
  {
    rule: 'pdb-allows-disruption',
    breaks: 'minAvailable equal to the HPA floor',
    mutate: (s) => {
      pick(s, 'PodDisruptionBudget', 'api').spec.minAvailable = 4;
    },
    message: 'minAvailable 4 is not below the 4 pod(s) of Deployment/api',
  },
  {
    rule: 'pdb-allows-disruption',
    breaks: 'a percentage minAvailable that rounds up to every pod',
    mutate: (s) => {
      pick(s, 'PodDisruptionBudget', 'api').spec.minAvailable = '80%';
    },
    message: 'minAvailable "80%" of the 4 pod(s) of Deployment/api rounds up to 4, so no pod may be evicted',
  },
  {
    rule: 'pdb-allows-disruption',
    breaks: 'maxUnavailable 0',
    mutate: (s) => {
      pick(s, 'PodDisruptionBudget', 'api').spec = {
        ...pick(s, 'PodDisruptionBudget', 'api').spec,
        minAvailable: undefined,
        maxUnavailable: 0,
      };
    },
    message: 'maxUnavailable is 0',
  },
  {
    rule: 'hpa-min-above-pdb',
    breaks: 'minReplicas at the PDB floor',
    mutate: (s) => {
      pick(s, 'HorizontalPodAutoscaler', 'api').spec.minReplicas = 3;
    },
    message: 'minReplicas 3 is not above minAvailable 3 of PodDisruptionBudget/api',
  },
  {
    rule: 'hpa-min-above-pdb',
    breaks: 'a percentage minAvailable that rounds up to minReplicas',
    mutate: (s) => {
      pick(s, 'HorizontalPodAutoscaler', 'api').spec.minReplicas = 3;
      pick(s, 'PodDisruptionBudget', 'api').spec.minAvailable = '90%';
    },
    message: 'minReplicas 3 is not above minAvailable "90%" (3 of 3 pods, rounded up) of PodDisruptionBudget/api',
  },
  {
    rule: 'hpa-target-exists',
    breaks: 'a misspelt target',
    mutate: (s) => {
      pick(s, 'HorizontalPodAutoscaler', 'api').spec.scaleTargetRef.name = 'apx';
    },
    message: 'scaleTargetRef Deployment/apx is not in the output',
  },
  {
    rule: 'hpa-target-no-replicas',
    breaks: 'replicas next to an HPA',
    mutate: (s) => {
      pick(s, 'Deployment', 'api').spec.replicas = 4;
    },
    message: 'sets replicas 4 although HorizontalPodAutoscaler/api scales it',
  },
  {
    rule: 'hpa-max-above-min',
    breaks: 'maxReplicas equal to minReplicas',
    mutate: (s) => {
      pick(s, 'HorizontalPodAutoscaler', 'api').spec.maxReplicas = 4;
    },
    message: 'maxReplicas 4 is not above minReplicas 4, so it never scales',
  },
  {
    rule: 'replicas-above-one',
    breaks: 'an HPA that may scale down to one pod',
    mutate: (s) => {
      pick(s, 'HorizontalPodAutoscaler', 'api').spec.minReplicas = 1;
    },
    message: 'HorizontalPodAutoscaler/api may scale it down to 1 pod, so losing it is an outage',
  },
  {
    rule: 'replicas-above-one',
    breaks: 'a Deployment of one replica',
    mutate: (s) => {
      s.splice(s.indexOf(pick(s, 'HorizontalPodAutoscaler', 'api')), 1);
    },
    message: 'runs 1 replica(s), so losing one pod is an outage',
  },
  {
    rule: 'spread-hosts-zones',
    breaks: 'no zone spread',
    mutate: (s) => {
      delete apiPod(s).topologySpreadConstraints;
    },
    message: '4 replicas are not spread across zones',
  },
  {
    rule: 'spread-hosts-zones',
    breaks: 'a zone constraint without a labelSelector',
    mutate: (s) => {
      delete apiPod(s).topologySpreadConstraints[0].labelSelector;
    },
    message:
      "4 replicas are not spread across zones (topology.kubernetes.io/zone): the term at spec.template.spec.topologySpreadConstraints[0] has no labelSelector selecting the workload's own pods",
  },
  {
    rule: 'spread-hosts-zones',
    breaks: "a host anti-affinity term selecting another workload's pods",
    mutate: (s) => {
      apiPod(
        s,
      ).affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector = {
        matchLabels: { 'app.kubernetes.io/name': 'web' },
      };
    },
    message:
      '4 replicas are not spread across hosts (kubernetes.io/hostname): the term at spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm has no labelSelector',
  },
  {
    rule: 'spread-hosts-zones',
    breaks: 'a host anti-affinity term limited to another namespace',
    mutate: (s) => {
      apiPod(s).affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.namespaces =
        ['web'];
    },
    message: '4 replicas are not spread across hosts (kubernetes.io/hostname): the term at',
  },
  {
    rule: 'priority-class-set',
    breaks: 'no priority class',
    mutate: (s) => {
      delete apiPod(s).priorityClassName;
    },
    message: 'pods set no priorityClassName',
  },
  {
    rule: 'prestop-within-grace',
    breaks: 'a preStop as long as the grace period',
    mutate: (s) => {
      apiPod(s).terminationGracePeriodSeconds = 10;
    },
    message: 'preStop sleeps 10s, not less than terminationGracePeriodSeconds 10',
  },
  {
    rule: 'rolling-update-progress',
    breaks: 'maxSurge and maxUnavailable 0',
    mutate: (s) => {
      pick(s, 'Deployment', 'api').spec.strategy.rollingUpdate = { maxSurge: 0, maxUnavailable: '10%' };
    },
    message: 'both resolve to 0 for 4 replicas',
  },
  {
    rule: 'cronjob-policies',
    breaks: 'concurrency Allow',
    mutate: (s) => {
      delete cron(s).spec.concurrencyPolicy;
    },
    message: 'concurrencyPolicy is "Allow"',
  },
  {
    rule: 'cronjob-policies',
    breaks: 'a standalone Job without ttlSecondsAfterFinished',
    mutate: (s) => {
      s.push({
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { ...cron(s).metadata, name: 'migrate' },
        spec: { template: cron(s).spec.jobTemplate.spec.template },
      });
    },
    message: 'sets no ttlSecondsAfterFinished',
  },
  {
    rule: 'service-not-node-port',
    breaks: 'a NodePort Service',
    mutate: (s) => {
      pick(s, 'Service', 'api').spec.type = 'NodePort';
    },
    message: 'is of type NodePort, open on every node',
  },
  {
    rule: 'recommended-labels',
    breaks: 'no version label',
    mutate: (s) => {
      delete pick(s, 'Deployment', 'api').metadata.labels['app.kubernetes.io/version'];
    },
    message: 'lacks app.kubernetes.io/version',
  },
  // Playbook
  {
    rule: 'service-selects-pods',
    breaks: 'a selector typo',
    mutate: (s) => {
      pick(s, 'Service', 'api').spec.selector['app.kubernetes.io/name'] = 'apj';
    },
    message: 'selector matches the pods of no workload',
  },
  {
    rule: 'service-target-port-exists',
    breaks: 'a wrong targetPort',
    mutate: (s) => {
      pick(s, 'Service', 'api').spec.ports[0].targetPort = 9090;
    },
    message: 'port "http" targets 9090, which no selected container declares',
  },
  {
    rule: 'namespace-has-network-policy',
    breaks: 'a namespace without any NetworkPolicy',
    mutate: (s) => {
      for (const o of s.filter((x) => x.kind === 'NetworkPolicy' || x.kind === 'CronJob')) s.splice(s.indexOf(o), 1);
    },
    message: 'namespace "shop" has no NetworkPolicy, so its pods accept and send any traffic',
  },
  {
    rule: 'statefulset-headless-service',
    breaks: 'a StatefulSet whose serviceName is a ClusterIP Service',
    mutate: (s) => {
      const api = pick(s, 'Deployment', 'api');
      s.push({
        ...api,
        kind: 'StatefulSet',
        metadata: { ...api.metadata, name: 'db' },
        spec: { ...api.spec, serviceName: 'api' },
      });
    },
    message: 'Service "api" is not headless (clusterIP: None)',
  },
  {
    rule: 'network-policy-allows-dns',
    breaks: 'default-deny egress without DNS',
    mutate: (s) => {
      s.splice(s.indexOf(pick(s, 'NetworkPolicy', 'allow-dns')), 1);
    },
    message: 'egress is restricted by NetworkPolicy default-deny but none allows DNS',
  },
  {
    rule: 'network-policy-selects-workload',
    breaks: 'a podSelector typo',
    mutate: (s) => {
      pick(s, 'NetworkPolicy', 'api').spec.podSelector.matchLabels = { 'app.kubernetes.io/name': 'apj' };
    },
    message: 'podSelector matches the pods of no workload',
  },
  {
    rule: 'network-policy-peer-selects-pods',
    breaks: 'a gateway in another namespace written without its namespaceSelector',
    mutate: (s) => {
      delete pick(s, 'NetworkPolicy', 'api').spec.ingress[0].from[0].namespaceSelector;
    },
    message:
      'ingress[0].from[0] admits pods of namespace shop labelled app=gateway, but no workload there has those labels',
  },
  {
    rule: 'network-policy-peer-selects-pods',
    breaks: 'an egress peer whose labels no workload of the namespace has',
    mutate: (s) => {
      pick(s, 'NetworkPolicy', 'api').spec.egress.push({
        to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'db' } } }],
      });
    },
    message:
      'egress[1].to[0] allows traffic to pods of namespace shop labelled app.kubernetes.io/name=db, but no workload there has those labels',
  },
  {
    rule: 'network-path-admitted',
    breaks: "egress to a workload's port that its ingress policy does not admit",
    mutate: (s) => {
      s.push(...reportReachesApi(s));
    },
    message:
      'NetworkPolicy report lets these pods reach Deployment shop/api on port 8080, but its ingress policies (default-deny, api) do not admit them',
  },
  {
    rule: 'network-ingress-has-egress',
    breaks: 'an ingress allowance for a workload whose egress does not allow the port',
    mutate: (s) => {
      const [policy] = reportReachesApi(s);
      policy.spec.egress = [
        { to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'api' } } }], ports: [{ port: 9090 }] },
      ];
      s.push(policy);
      pick(s, 'NetworkPolicy', 'api').spec.ingress.push({
        from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'report' } } }],
        ports: [{ port: 8080 }],
      });
    },
    message:
      'NetworkPolicy api admits CronJob shop/report on port 8080, but its egress policies (default-deny, allow-dns, report) do not let it send here (ingress rule 1)',
  },
  {
    rule: 'env-endpoint-egress',
    breaks: 'an env URL to a namespace the egress policy does not allow',
    mutate: (s) => {
      apiContainer(s).env.push({ name: 'CACHE_URL', value: 'redis://cache.infra.svc:6379/0' });
    },
    message:
      'container "app" variable CACHE_URL points at cache.infra.svc:6379 (namespace infra, port 6379), which NetworkPolicy',
  },
  {
    rule: 'references-resolve',
    breaks: 'an ExternalSecret reading a store nobody defines',
    mutate: (s) => {
      pick(s, 'ExternalSecret', 'api-db').spec.secretStoreRef.name = 'vault';
    },
    message: 'refers to ClusterSecretStore/vault, which is not in the output',
  },
  {
    rule: 'api-version-served',
    breaks: 'a CronJob in batch/v1beta1, removed in v1.25',
    mutate: (s) => {
      cron(s).apiVersion = 'batch/v1beta1';
    },
    message: 'batch/v1beta1 CronJob is not served since Kubernetes v1.25 (target v1.28); use batch/v1',
  },
  {
    rule: 'service-account-least-privilege',
    breaks: "a Role of the api's ServiceAccount that reads Secrets and execs into pods",
    mutate: (s) => {
      pick(s, 'Role', 'api').rules.push(
        { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] },
        { apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] },
      );
    },
    message: 'ServiceAccount api is bound to Role api, which grants reading Secrets (get,list); pods/exec',
  },
  {
    rule: 'no-secret-in-env',
    breaks: 'an API key as a literal env value',
    mutate: (s) => {
      apiContainer(s).env.push({ name: 'PAYMENT_API_KEY', value: 'sk_live_51H8' });
    },
    message: 'container "app" sets PAYMENT_API_KEY to a literal value',
  },
  {
    rule: 'no-secret-in-config-map',
    breaks: 'a password in a ConfigMap',
    mutate: (s) => {
      pick(s, 'ConfigMap', 'api-config').data.DB_PASSWORD = 'hunter2';
    },
    message: 'ConfigMap key DB_PASSWORD holds a value that looks like a credential',
  },
  {
    rule: 'ingress-tls',
    breaks: 'an Ingress without tls',
    mutate: (s) => {
      s.push({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'web', namespace: 'shop' },
        spec: { rules: [{ host: 'shop.example.com' }] },
      });
    },
    message: 'has no tls section: every host is served over plain HTTP',
  },
  {
    rule: 'service-monitor-port-exists',
    breaks: 'an unknown endpoint port',
    mutate: (s) => {
      pick(s, 'ServiceMonitor', 'api').spec.endpoints[0].port = 'metrics';
    },
    message: 'endpoint port "metrics" is not a port name',
  },
  {
    rule: 'role-binding-role-exists',
    breaks: 'a missing Role',
    mutate: (s) => {
      pick(s, 'RoleBinding', 'api').roleRef.name = 'api-reader';
    },
    message: 'roleRef Role/api-reader is not in the output',
  },
  {
    rule: 'config-references-exist',
    breaks: 'a missing Secret',
    mutate: (s) => {
      apiContainer(s).env[0].valueFrom.secretKeyRef.name = 'api-db';
    },
    message: 'refers to Secret "api-db", which is not in the output',
  },
  {
    rule: 'config-references-exist',
    breaks: 'a missing ConfigMap',
    mutate: (s) => {
      s.splice(s.indexOf(pick(s, 'ConfigMap', 'api-config')), 1);
    },
    message: 'refers to ConfigMap "api-config"',
  },
  {
    rule: 'config-references-exist',
    breaks: 'a misspelt Secret key',
    mutate: (s) => {
      apiContainer(s).env[0].valueFrom.secretKeyRef.key = 'pasword';
    },
    message: 'reads key "pasword" of Secret "api-db-credentials", which has no such key ("password")',
  },
  {
    rule: 'config-references-exist',
    breaks: 'a ConfigMap volume item with a missing key',
    mutate: (s) => {
      apiPod(s).volumes = [
        { name: 'config', configMap: { name: 'api-config', items: [{ key: 'app.yaml', path: 'app.yaml' }] } },
      ];
    },
    message: 'reads key "app.yaml" of ConfigMap "api-config", which has no such key ("LOG_LEVEL")',
  },
  {
    rule: 'service-account-exists',
    breaks: 'a missing ServiceAccount',
    mutate: (s) => {
      apiPod(s).serviceAccountName = 'api-runner';
    },
    message: 'runs as ServiceAccount "api-runner", which is not in the output',
  },
  {
    rule: 'storage-class-exists',
    breaks: 'a missing StorageClass',
    mutate: (s) => {
      pick(s, 'PersistentVolumeClaim', 'reports').spec.storageClassName = 'fast';
    },
    message: 'storageClassName "fast" is not a StorageClass',
  },
  {
    rule: 'priority-class-exists',
    breaks: 'an undeclared priority class',
    mutate: (s) => {
      apiPod(s).priorityClassName = 'online-urgent';
    },
    message: 'priorityClassName "online-urgent" is not a PriorityClass of the platform stack',
  },
  {
    rule: 'node-pool-exists',
    breaks: 'an unknown node pool',
    mutate: (s) => {
      cron(s).spec.jobTemplate.spec.template.spec.nodeSelector['node-pool'] = 'gpu';
    },
    message: 'no NodePool of the platform stack (online-general) provides nodes',
  },
  {
    rule: 'node-pool-exists',
    breaks: 'a missing toleration',
    mutate: (s) => {
      delete apiPod(s).tolerations;
    },
    message: 'does not tolerate the taints of the matching NodePool(s): online-general (dedicated=online:NoSchedule)',
  },
];

describe('every rule', () => {
  test('the good stack is clean under every pack and at v1.28 and latest', () => {
    for (const pack of ['production', 'baseline', 'pod-security-baseline', 'pod-security-restricted'] as const) {
      for (const pssVersion of ['v1.28', 'latest'] as const) {
        expect(checkManifests(goodStack(), { pack, pssVersion }).findings).toEqual([]);
      }
    }
  });

  test('has at least one non-compliant case below', () => {
    const covered = new Set(CASES.map((c) => c.rule));
    expect(RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  test.each(CASES.map((c) => [c.rule, c.breaks, c] as const))('%s reports %s', (rule, _breaks, c) => {
    const stack = goodStack();
    c.mutate(stack);
    const findings = checkManifests(stack, c.options).findings;
    expect(findings.filter((f) => f.ruleId === rule).map((f) => f.message)).toEqual([
      expect.stringContaining(c.message),
    ]);
  });
});

/** Labels the report CronJob's pods and adds a policy letting them call the api Deployment on 8080. */
function reportReachesApi(stack: Record<string, any>[]): Record<string, any>[] {
  pick(stack, 'CronJob', 'report').spec.jobTemplate.spec.template.metadata = {
    labels: { 'app.kubernetes.io/name': 'report' },
  };
  return [reportPolicy()];
}

function reportPolicy(): Record<string, any> {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'report', namespace: 'shop' },
    spec: {
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'report' } },
      policyTypes: ['Egress'],
      egress: [
        { to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'api' } } }], ports: [{ port: 8080 }] },
      ],
    },
  };
}

describe('network-path-admitted', () => {
  test('accepts the path once the target admits the sender', () => {
    const stack = goodStack();
    stack.push(...reportReachesApi(stack));
    pick(stack, 'NetworkPolicy', 'api').spec.ingress.push({
      from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'report' } } }],
      ports: [{ port: 8080 }],
    });
    expect(checkManifests(stack).findings.filter((f) => f.ruleId === 'network-path-admitted')).toEqual([]);
    // Both sides now declare the connection: the mirror rule is satisfied too.
    expect(checkManifests(stack).findings.filter((f) => f.ruleId === 'network-ingress-has-egress')).toEqual([]);
  });

  test('counts an egress allowance by named port, by port range, or to an IP block as one that may reach', () => {
    for (const egress of [
      { to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'api' } } }], ports: [{ port: 'http' }] },
      {
        to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'api' } } }],
        ports: [{ port: 8000, endPort: 9000 }],
      },
      { to: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ port: 8080 }] },
    ]) {
      const stack = goodStack();
      const [policy] = reportReachesApi(stack);
      policy.spec.egress = [egress];
      stack.push(policy);
      pick(stack, 'NetworkPolicy', 'api').spec.ingress.push({
        from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'report' } } }],
        ports: [{ port: 8080 }],
      });
      expect({
        egress,
        found: checkManifests(stack).findings.filter((f) => f.ruleId === 'network-ingress-has-egress'),
      }).toEqual({
        egress,
        found: [],
      });
    }
  });

  test('ignores targets in namespaces it cannot name and ports the target does not serve', () => {
    const stack = goodStack();
    const [policy] = reportReachesApi(stack);
    policy.spec.egress = [
      { to: [{ namespaceSelector: { matchLabels: { team: 'x' } } }], ports: [{ port: 8080 }] },
      { to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'api' } } }], ports: [{ port: 9999 }] },
    ];
    stack.push(policy);
    expect(checkManifests(stack).findings.filter((f) => f.ruleId === 'network-path-admitted')).toEqual([]);
  });
});

describe('network-ingress-has-egress', () => {
  // The api admits the report job, but the report's egress policy allows only port 9090.
  const stackAdmitting = (ports: Record<string, unknown>[] | undefined): Record<string, any>[] => {
    const stack = goodStack();
    const [policy] = reportReachesApi(stack);
    policy.spec.egress = [
      { to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'api' } } }], ports: [{ port: 9090 }] },
    ];
    stack.push(policy);
    pick(stack, 'NetworkPolicy', 'api').spec.ingress.push({
      from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'report' } } }],
      ...(ports && { ports }),
    });
    return stack;
  };
  const findings = (stack: Record<string, any>[]) =>
    checkManifests(stack, { pack: 'production' }).findings.filter((f) => f.ruleId === 'network-ingress-has-egress');

  test.each([
    ['by number', [{ port: 8080 }]],
    ['by name', [{ port: 'http' }]],
    ['on every port (no list)', undefined],
  ])('reads an ingress allowance %s', (_, ports) => {
    expect(findings(stackAdmitting(ports)).map((f) => f.message)).toEqual([
      expect.stringContaining('admits CronJob shop/report on port 8080, but its egress policies'),
    ]);
  });
});

describe('env-endpoint-egress', () => {
  // The report job calls http://api.shop.svc (port 80); Service api forwards 80 to the pods' port http (8080).
  const reportCallsApi = (egressPort: number): Record<string, any>[] => {
    const stack = goodStack();
    const [policy] = reportReachesApi(stack);
    policy.spec.egress[0].ports = [{ port: egressPort }];
    stack.push(policy);
    pick(stack, 'CronJob', 'report').spec.jobTemplate.spec.template.spec.containers[0].env = [
      { name: 'API_URL', value: 'http://api.shop.svc/orders' },
    ];
    pick(stack, 'NetworkPolicy', 'api').spec.ingress.push({
      from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'report' } } }],
      ports: [{ port: 8080 }],
    });
    return stack;
  };
  const findings = (stack: Record<string, any>[]) =>
    checkManifests(stack, { pack: 'production' }).findings.filter((f) => f.ruleId === 'env-endpoint-egress');

  test('accepts egress to the pod port the Service forwards the address to', () => {
    expect(findings(reportCallsApi(8080))).toEqual([]);
  });

  test('reads the address of a headless Service’s pod (<pod>.<service>.<namespace>.svc) as one of that Service', () => {
    const stack = reportCallsApi(8080);
    pick(stack, 'CronJob', 'report').spec.jobTemplate.spec.template.spec.containers[0].env = [
      { name: 'API_NODES', value: 'api-0.api.shop.svc.cluster.local:80,api-1.api.shop.svc.cluster.local:80' },
    ];
    expect(findings(stack)).toEqual([]);
    pick(stack, 'NetworkPolicy', 'report').spec.egress[0].ports = [{ port: 9999 }];
    expect(findings(stack).map((f) => f.message)).toEqual([
      'container "report" variable API_NODES points at api-0.api.shop.svc.cluster.local:80 (namespace shop, port 80, pod port 8080), which NetworkPolicy default-deny, allow-dns, report does not let these pods reach',
      'container "report" variable API_NODES points at api-1.api.shop.svc.cluster.local:80 (namespace shop, port 80, pod port 8080), which NetworkPolicy default-deny, allow-dns, report does not let these pods reach',
    ]);
  });

  test('reports egress opened on the Service port: policies see the pod port after the Service', () => {
    expect(findings(reportCallsApi(80)).map((f) => f.message)).toEqual([
      'container "report" variable API_URL points at api.shop.svc (namespace shop, port 80, pod port 8080), which NetworkPolicy default-deny, allow-dns, report does not let these pods reach',
    ]);
  });
});

describe('config-references-exist', () => {
  test('accepts a Secret that a Job of the output creates at runtime with a ServiceAccount allowed to', () => {
    const stack = goodStack();
    apiPod(stack).volumes = [{ name: 'webhook-cert', secret: { secretName: 'admission' } }];
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'admission-create', namespace: 'shop' },
      spec: {
        ttlSecondsAfterFinished: 0,
        template: {
          spec: {
            serviceAccountName: 'api',
            containers: [{ name: 'create', image: 'certgen:v1', args: ['create', '--secret-name=admission'] }],
          },
        },
      },
    };
    const findings = () =>
      checkManifests([...stack, job]).findings.filter((f) => f.ruleId === 'config-references-exist');
    expect(findings().map((f) => f.message)).toEqual(['refers to Secret "admission", which is not in the output']);
    pick(stack, 'Role', 'api').rules.push({ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'create'] });
    expect(findings()).toEqual([]);
  });
});

describe('references-resolve', () => {
  const ids = (stack: Stack, options?: CheckOptions) =>
    checkManifests(stack, options)
      .findings.filter((f) => f.ruleId === 'references-resolve')
      .map((f) => `${f.kind}/${f.name}: ${f.message}`);
  const withoutNamespace = () => {
    const s = goodStack();
    s.splice(s.indexOf(pick(s, 'Namespace', 'shop')), 1);
    return s;
  };

  test('reports every object in a namespace nobody creates', () => {
    expect(ids(withoutNamespace())).toContain('Deployment/api: refers to Namespace/shop, which is not in the output');
  });

  test('resolves a namespace that an Application delivered before creates (CreateNamespace=true)', () => {
    const createsShop = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'shop-addons', namespace: 'argocd' },
      spec: { destination: { namespace: 'shop' }, syncPolicy: { syncOptions: ['CreateNamespace=true'] } },
    };
    expect(ids(withoutNamespace(), { alsoPresent: [createsShop] })).toEqual([]);
  });

  test('resolves a reference declared as external with a reason', () => {
    const s = withoutNamespace();
    for (const o of s.filter((x) => x.metadata?.namespace === 'shop')) {
      o.metadata.annotations = {
        ...o.metadata.annotations,
        'cdk8s-production.io/external-references': JSON.stringify([
          { ref: 'Namespace/shop', reason: 'the shop namespace is created by the cluster team' },
        ]),
      };
    }
    expect(ids(s)).toEqual([]);
  });

  test('once the output says where CRDs come from, every custom resource needs its group served', () => {
    const prometheusOperator = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: {
        name: 'kube-prometheus-stack',
        namespace: 'argocd',
        annotations: { 'cdk8s-production.io/provides-api-groups': 'monitoring.coreos.com' },
      },
      spec: { destination: { namespace: 'monitoring' } },
    };
    const groups = [
      ...new Set(
        ids(goodStack(), { alsoPresent: [prometheusOperator] })
          .filter((f) => f.includes('CustomResourceDefinition'))
          .map((f) => f.split(': ')[1]),
      ),
    ].sort();
    expect(groups).toEqual([
      'refers to CustomResourceDefinition/external-secrets.io, which is not in the output',
      'refers to CustomResourceDefinition/karpenter.sh, which is not in the output',
    ]);
  });

  test("resolves a Gateway's TLS Secret through a cert-manager Certificate, and reports a route's missing backend", () => {
    const s = goodStack();
    s.push(
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'Gateway',
        metadata: { name: 'web', namespace: 'shop' },
        spec: {
          gatewayClassName: 'istio',
          listeners: [{ name: 'https', port: 443, protocol: 'HTTPS', tls: { certificateRefs: [{ name: 'web-tls' }] } }],
        },
      },
      {
        apiVersion: 'cert-manager.io/v1',
        kind: 'Certificate',
        metadata: { name: 'web-tls', namespace: 'shop' },
        spec: { secretName: 'web-tls', issuerRef: { name: 'letsencrypt', kind: 'ClusterIssuer' } },
      },
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'HTTPRoute',
        metadata: { name: 'api', namespace: 'shop' },
        spec: { parentRefs: [{ name: 'web' }], rules: [{ backendRefs: [{ name: 'apj', port: 80 }] }] },
      },
    );
    expect(ids(s)).toEqual(['HTTPRoute/api: refers to Service/shop/apj, which is not in the output']);
  });
});

describe('api-version-served', () => {
  const withHpa = (apiVersion: string) => {
    const s = goodStack();
    s.push({
      apiVersion,
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'legacy', namespace: 'shop' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' },
        minReplicas: 2,
        maxReplicas: 4,
      },
    });
    return s;
  };
  const found = (s: Stack, kubeVersion?: string) =>
    checkManifests(s, { kubeVersion })
      .findings.filter((f) => f.ruleId === 'api-version-served')
      .map((f) => f.message);

  test('autoscaling/v2beta2 is served in v1.25 and refused from v1.26', () => {
    expect(found(withHpa('autoscaling/v2beta2'), 'v1.25')).toEqual([]);
    expect(found(withHpa('autoscaling/v2beta2'), 'v1.26')).toEqual([
      'autoscaling/v2beta2 HorizontalPodAutoscaler is not served since Kubernetes v1.26 (target v1.26); use autoscaling/v2',
    ]);
  });

  test('extensions/v1beta1 Ingress is refused at the default target', () => {
    const s = goodStack();
    s.push({
      apiVersion: 'extensions/v1beta1',
      kind: 'Ingress',
      metadata: { name: 'old', namespace: 'shop' },
      spec: {},
    });
    expect(found(s)).toEqual([
      'extensions/v1beta1 Ingress is not served since Kubernetes v1.22 (target v1.28); use networking.k8s.io/v1',
    ]);
  });

  test('a target that is not a Kubernetes version is refused', () => {
    expect(() => checkManifests(goodStack(), { kubeVersion: '1.x' })).toThrow(
      'kube version "1.x" is not a Kubernetes version; use one such as v1.28',
    );
  });
});

describe('credentials in plain configuration', () => {
  test('a variable that names a file, or a URL without user info, is not a credential', () => {
    const s = goodStack();
    apiContainer(s).env.push(
      { name: 'DB_PASSWORD_FILE', value: '/var/run/secrets/db/password' },
      { name: 'TOKEN_ENDPOINT', value: 'https://auth.example.com/token' },
    );
    const ids = checkManifests(s).findings.map((f) => f.ruleId);
    expect(ids).not.toContain('no-secret-in-env');
  });
});

describe('Ingress', () => {
  const ingress = (tls: unknown[] | undefined, service = 'api') => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      ...(tls ? { tls } : {}),
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
  const findings = (o: Record<string, any>) =>
    checkManifests([...goodStack(), o])
      .findings.filter((f) => f.kind === 'Ingress')
      .map((f) => `${f.level} ${f.ruleId}: ${f.message}`);

  test('without tls: a production warning', () => {
    expect(findings(ingress(undefined))).toEqual([
      'warning ingress-tls: has no tls section: every host is served over plain HTTP',
    ]);
  });

  test('a host outside every tls entry is served in plain HTTP', () => {
    expect(findings(ingress([{ hosts: ['www.example.com'], secretName: 'www-tls' }]))).toEqual(
      [
        'warning ingress-tls: host shop.example.com is not in any tls entry, so it is served over plain HTTP',
        'error references-resolve: refers to Secret/shop/www-tls, which is not in the output',
      ].filter((l) => l.includes('ingress-tls')),
    );
  });

  test('a backend Service that does not exist is an unresolved reference', () => {
    expect(findings(ingress([{ hosts: ['shop.example.com'], secretName: 'api-db-credentials' }], 'apj'))).toEqual([
      'error references-resolve: refers to Service/shop/apj, which is not in the output',
    ]);
  });
});
