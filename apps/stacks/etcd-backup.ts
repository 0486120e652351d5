import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Environment, EtcdBackup } from '../../lib';

/**
 * Image with sh, coreutils, etcd, etcdctl and etcdutl, built as docs/etcd-backup.md shows; keep its etcd
 * version at the clusters' etcd version.
 */
export const ETCD_TOOLS_IMAGE = 'registry.example.com/platform/etcd-tools:v3.5.16-1';

/**
 * Where snapshots leave the nodes: an rclone remote the configuration in the secret store defines (an
 * S3 bucket in the example platform), a folder per environment; each node copies into its own subfolder.
 */
export const OFFSITE_CONFIG_KEY = 'platform/etcd-backup/rclone.conf';

/** The etcd backup, restore drill and their alerts in namespace `etcd-backup`, where the environment asks for it. */
export function etcdBackupStack(stage: Construct, env: Environment): EtcdBackup | undefined {
  if (!env.props.etcdBackup) return undefined;
  const chart = new Chart(stage, 'etcd-backup', { namespace: 'etcd-backup', disableResourceNameHashes: true });
  return new EtcdBackup(chart, 'etcd-backup', {
    image: ETCD_TOOLS_IMAGE,
    remote: { path: `offsite:etcd-backups/${env.name}`, config: { key: OFFSITE_CONFIG_KEY } },
  });
}
