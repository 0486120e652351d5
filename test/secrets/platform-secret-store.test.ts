import { App, Chart } from 'cdk8s';
import { PlatformSecretStore, SecretProvider } from '../../lib';
import { findObject, synthClusterChart, validateObjects } from '../support/manifests';

describe('PlatformSecretStore', () => {
  test('writes a v1 ClusterSecretStore reading AWS Secrets Manager, without a namespace', () => {
    const objects = synthClusterChart((chart) => {
      new PlatformSecretStore(chart, 'store', {
        name: 'platform-secrets',
        provider: SecretProvider.awsSecretsManager({ region: 'eu-west-1' }),
      });
    });
    const store = findObject(objects, 'ClusterSecretStore', 'platform-secrets');
    expect(store.apiVersion).toBe('external-secrets.io/v1');
    expect(store.metadata.namespace).toBeUndefined();
    expect(store.spec).toEqual({ provider: { aws: { service: 'SecretsManager', region: 'eu-west-1' } } });
    expect(validateObjects(objects).errors).toEqual([]);
  });

  test('authenticates through a ServiceAccount and limits the namespaces when asked', () => {
    const objects = synthClusterChart((chart) => {
      new PlatformSecretStore(chart, 'parameters', {
        provider: SecretProvider.awsParameterStore({
          region: 'eu-central-1',
          serviceAccount: { name: 'external-secrets', namespace: 'external-secrets' },
        }),
        namespaces: ['production', 'infra'],
      });
    });
    const store = findObject(objects, 'ClusterSecretStore', 'parameters');
    expect(store.spec).toEqual({
      provider: {
        aws: {
          service: 'ParameterStore',
          region: 'eu-central-1',
          auth: { jwt: { serviceAccountRef: { name: 'external-secrets', namespace: 'external-secrets' } } },
        },
      },
      conditions: [{ namespaces: ['production', 'infra'] }],
    });
    expect(validateObjects(objects).errors).toEqual([]);
  });

  test('refuses a region that is not an AWS region and an empty namespace list', () => {
    const chart = new Chart(new App(), 'platform');
    expect(
      () => new PlatformSecretStore(chart, 'a', { provider: SecretProvider.awsSecretsManager({ region: 'europe' }) }),
    ).toThrow('[platform/a] provider region "europe" is not an AWS region; use e.g. "eu-west-1"');
    expect(
      () =>
        new PlatformSecretStore(chart, 'b', {
          provider: SecretProvider.awsSecretsManager({ region: 'eu-west-1' }),
          namespaces: [],
        }),
    ).toThrow(
      '[platform/b] namespaces is empty, so no ExternalSecret could use the store; list namespaces or leave it out',
    );
  });
});
