import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Environment, KUBE_SYSTEM_EXEMPTION, PolicyMode, PolicyPack, ZoneSpread } from 'cdk8s-production';

/** The Kyverno policies in each environment: audit in dev, enforce in production, with reasoned exemptions. */
export function example(): App {
  const environments = [
    new Environment({
      name: 'dev',
      namespace: 'dev',
      clusters: [{ name: 'dev-eu-1', server: 'https://dev.k8s.example.com' }],
      images: {},
      capacity: {},
      nodePool: 'general',
      zoneSpread: ZoneSpread.BEST_EFFORT,
      policyMode: PolicyMode.AUDIT,
    }),
    new Environment({
      name: 'production',
      namespace: 'production',
      clusters: [{ name: 'prod-eu-1', server: 'https://prod-eu-1.k8s.example.com' }],
      images: {},
      capacity: {},
      nodePool: 'online-general',
      zoneSpread: ZoneSpread.STRICT,
      policyMode: PolicyMode.ENFORCE,
    }),
  ];

  const app = new App();
  for (const env of environments) {
    const chart = new Chart(new Construct(app, env.name), 'policies', { disableResourceNameHashes: true });
    new PolicyPack(chart, 'policies', {
      mode: env.props.policyMode,
      exemptions: [
        KUBE_SYSTEM_EXEMPTION,
        { namespace: 'node-agents', reason: 'the log collector reads /var/log on each node' },
      ],
    });
  }
  return app;
}
