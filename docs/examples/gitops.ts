import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  Environment,
  EnvironmentDelivery,
  footprintOf,
  PolicyMode,
  RootApplication,
  ZoneSpread,
} from 'cdk8s-production';

/** An AppProject and one automated Application per cluster for production, plus the root app-of-apps. */
export function example(): App {
  const production = new Environment({
    name: 'production',
    namespace: 'production',
    clusters: [
      { name: 'prod-eu-1', server: 'https://prod-eu-1.k8s.example.com' },
      { name: 'prod-eu-2', server: 'https://prod-eu-2.k8s.example.com' },
    ],
    images: {},
    capacity: {},
    nodePool: 'online-general',
    zoneSpread: ZoneSpread.STRICT,
    policyMode: PolicyMode.ENFORCE,
  });
  const source = { repoURL: 'https://git.example.com/platform/deploy.git', targetRevision: 'main' };
  const knownPaths = ['dist/production', 'dist/argocd'];

  const app = new App();
  const argocd = new Chart(new Construct(app, 'argocd'), 'applications', { disableResourceNameHashes: true });
  new EnvironmentDelivery(argocd, 'production', {
    environment: production,
    source,
    path: 'dist/production',
    knownPaths,
    // In a real app this comes from the synthesized production manifests.
    footprint: footprintOf([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'production' } }]),
  });
  const bootstrap = new Chart(new Construct(app, 'bootstrap'), 'root', { disableResourceNameHashes: true });
  new RootApplication(bootstrap, 'root', { source, path: 'dist/argocd', knownPaths });
  return app;
}
