import { App, Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { NodeAgent, Peer, Probe, Protocol, Tenant } from 'cdk8s-production';

/** A log collector on every node, reading /var/log with a stated reason, and the namespace that admits it. */
export function example(): App {
  const app = new App();
  const stage = new Construct(app, 'production');

  const chart = new Chart(stage, 'log-collector', { namespace: 'node-agents', disableResourceNameHashes: true });
  const agent = new NodeAgent(chart, 'log-collector', {
    image: 'cr.fluentbit.io/fluent/fluent-bit:3.2.4',
    resources: { cpu: { request: '100m', limit: '500m' }, memory: { request: '128Mi', limit: '256Mi' } },
    containerPort: 2020,
    probes: {
      readiness: Probe.http('/api/v1/health', { period: Duration.seconds(10) }),
      liveness: Probe.http('/', { period: Duration.seconds(10) }),
    },
    hostPaths: [{ path: '/var/log', reason: 'reads the container logs the kubelet writes on each node' }],
    network: { egress: [{ to: Peer.namespace('monitoring'), ports: [{ port: 3100, protocol: Protocol.TCP }] }] },
  });

  // The namespace enforces what the agent needs (privileged) and keeps auditing against restricted.
  new Tenant(new Chart(stage, 'namespaces', { disableResourceNameHashes: true }), 'node-agents', {
    quota: { cpu: { request: '20', limit: '100' }, memory: { request: '40Gi', limit: '80Gi' } },
    podSecurity: agent.podSecurityModes,
  });
  return app;
}
