import { RetainedStorageClass } from '../../lib';
import { findObject, synthClusterChart } from '../support/manifests';

describe('RetainedStorageClass', () => {
  const objects = synthClusterChart((chart) => new RetainedStorageClass(chart, 'gp3-retain'));
  const storageClass = findObject(objects, 'StorageClass', 'gp3-retain');

  test('synthesizes the guide gp3 class', () => {
    expect(objects).toMatchSnapshot();
  });

  test('retains volumes, allows expansion and binds in the zone of the first consumer', () => {
    expect(storageClass).toMatchObject({
      provisioner: 'ebs.csi.aws.com',
      reclaimPolicy: 'Retain',
      allowVolumeExpansion: true,
      volumeBindingMode: 'WaitForFirstConsumer',
      parameters: { type: 'gp3', fsType: 'ext4' },
    });
  });

  test('is cluster-scoped', () => {
    expect(storageClass.metadata.namespace).toBeUndefined();
  });

  test('takes another provisioner, parameters and the default-class flag', () => {
    const other = findObject(
      synthClusterChart(
        (chart) =>
          new RetainedStorageClass(chart, 'ssd', {
            provisioner: 'pd.csi.storage.gke.io',
            parameters: { type: 'pd-ssd' },
            isDefault: true,
          }),
      ),
      'StorageClass',
      'ssd',
    );
    expect(other.provisioner).toBe('pd.csi.storage.gke.io');
    expect(other.parameters).toEqual({ type: 'pd-ssd' });
    expect(other.metadata.annotations).toEqual({ 'storageclass.kubernetes.io/is-default-class': 'true' });
    expect(other.reclaimPolicy).toBe('Retain');
  });

  test('gives another provisioner no gp3 parameters, which only the EBS driver understands', () => {
    const other = findObject(
      synthClusterChart((chart) => new RetainedStorageClass(chart, 'ssd', { provisioner: 'pd.csi.storage.gke.io' })),
      'StorageClass',
      'ssd',
    );
    expect(other).not.toHaveProperty('parameters');
  });

  test('adds labels and keeps managed-by', () => {
    const labelled = findObject(
      synthClusterChart(
        (chart) =>
          new RetainedStorageClass(chart, 'ssd', {
            labels: { 'app.kubernetes.io/part-of': 'etcd', 'app.kubernetes.io/managed-by': 'someone-else' },
          }),
      ),
      'StorageClass',
      'ssd',
    );
    expect(labelled.metadata.labels).toEqual({
      'app.kubernetes.io/part-of': 'etcd',
      'app.kubernetes.io/managed-by': 'cdk8s-production',
    });
  });

  test('takes a DNS subdomain as its name, as StorageClass names are', () => {
    const objects = synthClusterChart((chart) => new RetainedStorageClass(chart, 'sc', { name: 'gp3.retain' }));
    expect(findObject(objects, 'StorageClass', 'gp3.retain').provisioner).toBe('ebs.csi.aws.com');
  });

  test('refuses a provisioner that is no driver name and a label key Kubernetes rejects', () => {
    expect(() =>
      synthClusterChart((chart) => new RetainedStorageClass(chart, 'sc', { provisioner: 'ebs csi driver' })),
    ).toThrow('provisioner "ebs csi driver" is not a CSI driver name; use the driver\'s name, e.g. "ebs.csi.aws.com"');
    expect(() =>
      synthClusterChart((chart) => new RetainedStorageClass(chart, 'sc', { labels: { 'bad key!': 'x' } })),
    ).toThrow('labels');
  });
});
