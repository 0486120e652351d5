import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { collectManifests, Peer, PriorityTier, Probe, ProductionService, writeOutput } from 'cdk8s-production';

/** A checkout service in namespace `shop`, written to `<outdir>/shop/checkout.yaml`. */
export function synthCheckout(outdir: string): void {
  const app = new App();
  const stage = new Construct(app, 'shop');
  const chart = new Chart(stage, 'checkout', { namespace: 'shop', disableResourceNameHashes: true });

  new ProductionService(chart, 'checkout', {
    image: 'registry.example.com/checkout:v1.8.0',
    resources: { cpu: { request: '250m', limit: '1' }, memory: { request: '512Mi', limit: '512Mi' } },
    probes: { readiness: Probe.http('/ready'), liveness: Probe.http('/live') },
    autoscaling: { minReplicas: 3, maxReplicas: 12, cpuUtilization: 70 },
    placement: { nodePool: 'online-general' },
    priority: PriorityTier.ONLINE_CRITICAL,
    // The Gateway's proxy pods live in their own namespace; Istio labels them with the Gateway's name.
    // (Peer.pods would match pods in this service's namespace only.)
    network: {
      ingress: [{ from: Peer.podsInNamespace('gateway', { 'gateway.networking.k8s.io/gateway-name': 'shop' }) }],
    },
  });

  writeOutput(outdir, collectManifests(app));
}
