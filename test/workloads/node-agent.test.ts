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
    expect(daemonSet.metadata.annotations).toEqual({ [POD_SECURITY_EXEMPTION_ANNOTATION]: exemption });
    expect(daemonSet.spec.template.metadata.annotations).toEqual({ [POD_SECURITY_EXEMPTION_ANNOTATION]: exemption });
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
