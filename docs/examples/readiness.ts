import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  assertReady,
  checkManifests,
  collectManifests,
  LocatedReport,
  ProductionService,
  Report,
} from 'cdk8s-production';

/** An app with one service, as a synth entry point would build it. */
export function example(): App {
  const app = new App();
  const chart = new Chart(new Construct(app, 'production'), 'order-api', {
    namespace: 'production',
    disableResourceNameHashes: true,
  });
  new ProductionService(chart, 'order-api', {
    image: 'registry.example.com/order-api:v4.2.1',
    resources: { cpu: { request: '1', limit: '2' }, memory: { request: '2Gi', limit: '3Gi' } },
    autoscaling: { minReplicas: 3, maxReplicas: 12, cpuUtilization: 70 },
  });
  return app;
}

/** The synth gate: throws a ReadinessError naming each offending construct path, else returns the report. */
export function gate(): LocatedReport {
  return assertReady(collectManifests(example()), { pack: 'production' });
}

/** The pure core: plain objects in, findings out, nothing thrown for a finding. */
export function report(): Report {
  const objects = collectManifests(example()).flatMap((file) => file.objects);
  return checkManifests(objects, { pack: 'production', pssVersion: 'v1.28' });
}
