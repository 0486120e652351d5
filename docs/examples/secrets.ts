import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  Environment,
  LiteralSecret,
  PolicyMode,
  ProductionService,
  SUPPRESS_ANNOTATION,
  suppressionAnnotation,
  ZoneSpread,
} from 'cdk8s-production';

/** Production reads its secrets from the external store as files; only dev may carry a literal Secret. */
export function example(): App {
  const app = new App();

  const production = new Chart(new Construct(app, 'production'), 'order-api', {
    namespace: 'production',
    disableResourceNameHashes: true,
  });
  new ProductionService(production, 'order-api', {
    image: 'registry.example.com/order-api:v4.2.1',
    resources: { cpu: { request: '1', limit: '2' }, memory: { request: '2Gi', limit: '3Gi' } },
    secrets: [
      {
        name: 'order-db',
        store: 'vault',
        files: {
          username: { key: 'shop/order-db', property: 'user' },
          password: { key: 'shop/order-db', property: 'password' },
        },
      },
    ],
  });

  const dev = new Environment({
    name: 'dev',
    namespace: 'dev',
    clusters: [{ name: 'dev-eu-1', server: 'https://dev.k8s.example.com' }],
    images: {},
    capacity: {},
    nodePool: 'general',
    zoneSpread: ZoneSpread.BEST_EFFORT,
    policyMode: PolicyMode.AUDIT,
    allowLiteralSecrets: true,
  });
  const devChart = new Chart(new Construct(app, 'dev'), 'order-db', {
    namespace: 'dev',
    disableResourceNameHashes: true,
  });
  const local = new LiteralSecret(devChart, 'order-db', {
    allowLiteralSecrets: dev.props.allowLiteralSecrets,
    data: { username: 'orders', password: 'local-only' },
  });
  // The readiness check still reports a literal Secret; say on the object why this one may exist.
  local.secret.metadata.addAnnotation(
    SUPPRESS_ANNOTATION,
    suppressionAnnotation([{ rule: 'no-secret-literal', reason: 'throwaway password of the local dev database' }]),
  );
  return app;
}
