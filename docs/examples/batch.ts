import { App, Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { BatchJob, ScheduledJob, VerticalScalingMode } from 'cdk8s-production';

/** A one-off reindex and a nightly report on the batch node pool; the report learns its requests from past runs. */
export function example(): App {
  const app = new App();
  const chart = new Chart(new Construct(app, 'production'), 'batch', {
    namespace: 'batch',
    disableResourceNameHashes: true,
  });

  new BatchJob(chart, 'search-reindex', {
    image: 'registry.example.com/search-indexer:v2.3.0',
    resources: { cpu: { request: '1', limit: '2' }, memory: { request: '2Gi', limit: '2Gi' } },
    args: ['reindex', '--all'],
    parallelism: 4,
    backoffLimit: 2,
    secrets: [
      {
        name: 'search-credentials',
        store: 'platform-secrets',
        files: { token: { key: 'production/search', property: 'token' } },
      },
    ],
  });

  new ScheduledJob(chart, 'nightly-report', {
    image: 'registry.example.com/order-report:v1.4.0',
    resources: { cpu: { request: '500m', limit: '1' }, memory: { request: '1Gi', limit: '1Gi' } },
    schedule: '30 2 * * *',
    timeZone: 'Europe/Berlin',
    activeDeadline: Duration.hours(2),
    verticalScaling: VerticalScalingMode.RECOMMEND_ONLY,
  });
  return app;
}
