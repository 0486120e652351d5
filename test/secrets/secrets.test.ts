import { LiteralSecret, ProductionService, ProductionServiceProps } from '../../lib';
import { findObject, synthChart } from '../support/manifests';

const service: ProductionServiceProps = {
  image: 'registry.example.com/order-api:v4.2.1',
  resources: { cpu: { request: '1', limit: '2' }, memory: { request: '2Gi', limit: '3Gi' } },
};

describe('ProductionService secrets through External Secrets', () => {
  const objects = synthChart(
    (chart) =>
      new ProductionService(chart, 'order-api', {
        ...service,
        secrets: [
          {
            name: 'order-db',
            store: 'vault',
            files: {
              username: { key: 'shop/order-db', property: 'user' },
              password: { key: 'shop/order-db', property: 'password' },
            },
          },
          {
            name: 'order-api-keys',
            store: 'vault',
            files: { PAYMENT_KEY: { key: 'shop/payment' } },
            asEnvironment: true,
          },
        ],
      }),
  );
  const container = findObject(objects, 'Deployment', 'order-api').spec.template.spec.containers[0];

  test('creates one ExternalSecret per secret, reading from a ClusterSecretStore by default', () => {
    expect(findObject(objects, 'ExternalSecret', 'order-db').spec).toEqual({
      refreshInterval: '1h',
      secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' },
      target: { name: 'order-db', creationPolicy: 'Owner' },
      data: [
        { secretKey: 'password', remoteRef: { key: 'shop/order-db', property: 'password' } },
        { secretKey: 'username', remoteRef: { key: 'shop/order-db', property: 'user' } },
      ],
    });
  });

  test('mounts secrets as read-only files by default and as environment only when asked', () => {
    expect(container.volumeMounts).toEqual([
      { name: 'tmp', mountPath: '/tmp' },
      { name: 'secret-order-db', mountPath: '/var/run/secrets/order-db', readOnly: true },
    ]);
    expect(container.envFrom).toEqual([{ secretRef: { name: 'order-api-keys' } }]);
  });
});

describe('LiteralSecret', () => {
  test('is allowed where the environment allows literal secrets', () => {
    const objects = synthChart(
      (chart) => new LiteralSecret(chart, 'dev-token', { allowLiteralSecrets: true, data: { token: 'x' } }),
      'dev',
    );
    expect(findObject(objects, 'Secret', 'dev-token')).toMatchObject({ type: 'Opaque', stringData: { token: 'x' } });
  });

  test.each([
    ['says nothing about literal secrets', {}],
    ['refuses them', { allowLiteralSecrets: false }],
  ])('is refused where the environment %s', (_, allow) => {
    expect(() =>
      synthChart((chart) => new LiteralSecret(chart, 'db-password', { ...allow, data: { password: 'hunter2' } })),
    ).toThrow(
      '[production/test/db-password] data holds literal secret values, which this environment refuses (allowLiteralSecrets is false); ' +
        'keep the value in the external secret store and pass it through the secrets prop of the workload (an ExternalSecret), ' +
        'or set allowLiteralSecrets: true for a development environment only',
    );
  });
});
