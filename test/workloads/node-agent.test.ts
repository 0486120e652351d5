import { Duration } from 'cdk8s';
import { NodeAgent, NodeAgentProps, POD_SECURITY_EXEMPTION_ANNOTATION } from '../../lib';
import { findObject, synthChart, validateObjects } from '../support/manifests';

const base: NodeAgentProps = {
  image: 'cr.fluentbit.io/fluent/fluent-bit:3.2.4',
  resources: { cpu: { request: '100m', limit: '500m' }, memory: { request: '128Mi', limit: '256Mi' } },
};

function build(props: Partial<NodeAgentProps> = {}) {
  return synthChart((chart) => new NodeAgent(chart, 'log-collector', { ...base, ...props }), 'node-agents');
}

describe('NodeAgent with a host path', () => {
  const objects = build({ hostPaths: [{ path: '/var/log', reason: 'reads container logs from the node' }] });
  const daemonSet = findObject(objects, 'DaemonSet', 'log-collector');
  const pod = daemonSet.spec.template.spec;

  test('synthesizes the DaemonSet shape', () => {
    expect(objects).toMatchSnapshot();
    expect(objects.map((o: any) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'ServiceAccount/log-collector',
      'DaemonSet/log-collector',
      'NetworkPolicy/log-collector',
    ]);
  });

  test('is valid against the Kubernetes schema', () => {
    expect(validateObjects(objects).errors).toEqual([]);
  });

  test('runs on every node: tolerates all taints, system-node-critical priority, one node at a time', () => {
    expect(pod.tolerations).toEqual([{ operator: 'Exists' }]);
    expect(pod.priorityClassName).toBe('system-node-critical');
    expect(daemonSet.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } });
    expect(pod.affinity).toBeUndefined();
    expect(pod.topologySpreadConstraints).toBeUndefined();
  });

  test('reserves requests and limits', () => {
    expect(pod.containers[0].resources).toEqual({
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { cpu: '500m', memory: '256Mi' },
    });
  });

  test('mounts the host path read-only and flags the exemption with its reason in the YAML', () => {
    expect(pod.volumes).toContainEqual({ name: 'host-0', hostPath: { path: '/var/log', type: 'Directory' } });
    expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'host-0', mountPath: '/var/log', readOnly: true });
    const exemption = 'hostPath /var/log (read-only): reads container logs from the node';
    expect(POD_SECURITY_EXEMPTION_ANNOTATION).toBe('cdk8s-production.io/pod-security-exemption');
    // Polaris warns on every host path: the same reason exempts it there, and says why next to it.
    const annotations = {
      [POD_SECURITY_EXEMPTION_ANNOTATION]: exemption,
      'polaris.fairwinds.com/hostPathSet-exempt': 'true',
      'cdk8s-production.io/peer-exemption-reason': `hostPathSet: ${exemption}`,
    };
    expect(daemonSet.metadata.annotations).toEqual(annotations);
    expect(daemonSet.spec.template.metadata.annotations).toEqual(annotations);
  });

  test('asks its namespace to enforce privileged while auditing and warning at restricted', () => {
    const agent = new NodeAgent(
      new (require('cdk8s').Chart)(new (require('cdk8s').App)(), 'c', { namespace: 'node-agents' }),
      'a',
      {
        ...base,
        hostPaths: [{ path: '/var/log', reason: 'reads container logs from the node' }],
      },
    );
    expect(agent.podSecurityModes).toEqual({ enforce: 'privileged', audit: 'restricted', warn: 'restricted' });
  });
});

describe('NodeAgent without host paths', () => {
  const objects = build();

  test('stays restricted with no exemption annotation', () => {
    const daemonSet = findObject(objects, 'DaemonSet', 'log-collector');
    expect(daemonSet.metadata.annotations).toBeUndefined();
    expect(daemonSet.spec.template.spec.volumes).toEqual([{ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } }]);
    expect(daemonSet.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
  });

  test('fails on a host path without a reason', () => {
    expect(() => build({ hostPaths: [{ path: '/var/log', reason: '' }] })).toThrow(
      `[node-agents/test/log-collector] hostPaths[0] "/var/log" needs a reason in a sentence (at least four words, got ""); a host path exempts the agent from the restricted Pod Security profile, so state why it is needed, e.g. reason: 'reads container logs from the node'`,
    );
  });

  test('fails on a relative host path', () => {
    expect(() => build({ hostPaths: [{ path: 'var/log', reason: 'logs' }] })).toThrow(
      '[node-agents/test/log-collector] hostPaths[0].path "var/log" is not an absolute path; use e.g. "/var/log"',
    );
  });
});

describe('NodeAgent with monitoring', () => {
  const objects = build({ monitoring: { path: '/api/v1/metrics/prometheus', interval: Duration.seconds(15) } });

  test('has Prometheus scrape its container port through a PodMonitor the platform Prometheus selects', () => {
    const monitor = findObject(objects, 'PodMonitor', 'log-collector');
    expect(monitor.metadata.labels.release).toBe('kube-prometheus-stack');
    expect(monitor.spec).toEqual({
      selector: {
        matchLabels: { 'app.kubernetes.io/instance': 'log-collector', 'app.kubernetes.io/name': 'log-collector' },
      },
      podMetricsEndpoints: [{ port: 'http', path: '/api/v1/metrics/prometheus', interval: '15s' }],
    });
    const port = findObject(objects, 'DaemonSet', 'log-collector').spec.template.spec.containers[0].ports[0];
    expect(port.name).toBe('http');
  });

  test('admits the Prometheus namespace, and nobody without monitoring', () => {
    const ingress = findObject(objects, 'NetworkPolicy', 'log-collector').spec.ingress;
    expect(ingress).toEqual([
      expect.objectContaining({
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
      }),
    ]);
    expect(findObject(build(), 'NetworkPolicy', 'log-collector').spec.ingress ?? []).toEqual([]);
  });
});

describe('NodeAgent in the language of the peer checkers', () => {
  test("a mount kube-linter calls sensitive carries its ignore-check with the agent's reason; /var/log does not", () => {
    const annotationsOf = (hostPaths: any[]) =>
      findObject(build({ hostPaths }), 'DaemonSet', 'log-collector').metadata.annotations;
    const root = annotationsOf([
      {
        path: '/',
        reason: 'scans every file on the node for malware',
        acknowledgeNodeAccess: 'the scanner reads every file and writes nothing',
      },
    ]);
    expect(root['ignore-check.kube-linter.io/sensitive-host-mounts']).toBe(
      root['cdk8s-production.io/pod-security-exemption'],
    );
    const logs = annotationsOf([{ path: '/var/log', reason: 'reads container logs from the node' }]);
    expect(logs['ignore-check.kube-linter.io/sensitive-host-mounts']).toBeUndefined();
  });
});

describe('NodeAgent with configuration files, cluster permissions and user 0', () => {
  const props: Partial<NodeAgentProps> = {
    containerPort: 2020,
    config: { files: { 'agent.conf': '[SERVICE]\n    HTTP_Port 2020\n' }, mountPath: '/etc/agent' },
    clusterPermissions: [{ resources: ['pods', 'namespaces'], verbs: ['get', 'list', 'watch'] }],
    runAsRootReason: 'container log files are root-owned with mode 0640',
    hostPaths: [
      { path: '/var/log', reason: 'reads container logs from the node' },
      {
        path: '/var/lib/agent',
        readOnly: false,
        reason: 'keeps the read positions across restarts',
        acknowledgeNodeAccess: 'writes only its own position database there',
      },
    ],
    network: { apiServer: { cidr: '10.0.0.1/32' } },
  };
  const objects = build(props);
  const pod = findObject(objects, 'DaemonSet', 'log-collector').spec.template;

  test('mounts the files from a ConfigMap whose content hash rolls the pods', () => {
    expect(findObject(objects, 'ConfigMap', 'log-collector-config').data).toEqual(props.config!.files);
    expect(pod.spec.volumes).toContainEqual({ name: 'config', configMap: { name: 'log-collector-config' } });
    expect(pod.spec.containers[0].volumeMounts).toContainEqual({
      name: 'config',
      mountPath: '/etc/agent',
      readOnly: true,
    });
    const hash = pod.metadata.annotations['checksum/config'];
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const changed = build({ ...props, config: { ...props.config!, files: { 'agent.conf': '[SERVICE]\n' } } });
    expect(
      findObject(changed, 'DaemonSet', 'log-collector').spec.template.metadata.annotations['checksum/config'],
    ).not.toBe(hash);
  });

  test('reads pods and namespaces cluster-wide with a token, and may reach the API server', () => {
    const role = findObject(objects, 'ClusterRole', 'node-agents-log-collector');
    expect(role.metadata.namespace).toBeUndefined();
    expect(role.rules).toEqual([
      { apiGroups: [''], resources: ['pods', 'namespaces'], verbs: ['get', 'list', 'watch'] },
    ]);
    expect(findObject(objects, 'ClusterRoleBinding', 'node-agents-log-collector').subjects).toEqual([
      { kind: 'ServiceAccount', name: 'log-collector', namespace: 'node-agents' },
    ]);
    expect(pod.spec.automountServiceAccountToken).toBe(true);
    expect(findObject(objects, 'NetworkPolicy', 'log-collector').spec.egress).toContainEqual({
      to: [{ ipBlock: { cidr: '10.0.0.1/32' } }],
      ports: [{ port: 443, protocol: 'TCP' }],
    });
  });

  test('runs as user 0 with every capability dropped, the reason in its exemption, and creates its state directory', () => {
    expect(pod.spec.securityContext).toMatchObject({ runAsUser: 0, runAsGroup: 0, runAsNonRoot: false });
    expect(pod.spec.containers[0].securityContext).toMatchObject({
      runAsNonRoot: false,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(pod.metadata.annotations[POD_SECURITY_EXEMPTION_ANNOTATION]).toContain(
      'runs as user 0 without capabilities: container log files are root-owned with mode 0640',
    );
    expect(pod.spec.volumes).toContainEqual({
      name: 'host-1',
      hostPath: { path: '/var/lib/agent', type: 'DirectoryOrCreate' },
    });
  });

  test('refuses user 0 without a reason or without host paths, and permissions without the API server', () => {
    expect(() => build({ ...props, runAsRootReason: 'root' })).toThrow(
      `[node-agents/test/log-collector] runAsRootReason "root" must be a sentence (at least four words) on an agent with hostPaths, saying which host files need user 0, e.g. 'container logs on the node are root-owned with mode 0640'`,
    );
    expect(() => build({ ...props, hostPaths: [] })).toThrow(
      'runAsRootReason "container log files are root-owned with mode 0640" must be',
    );
    expect(() => build({ ...props, network: {} })).toThrow(
      "[node-agents/test/log-collector] permissions give the pods an API token, but their NetworkPolicy would block the API server; set network.apiServer to its endpoints (kubectl get endpoints kubernetes), e.g. { cidr: '10.0.0.1/32', port: 443 }",
    );
  });
});
