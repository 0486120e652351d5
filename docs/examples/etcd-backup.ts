import { App, Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { BackupTarget, EtcdBackup } from 'cdk8s-production';

/** Daily etcd snapshots kept for 14 days on a Retain volume, a quarterly restore drill and their alerts. */
export function example(): App {
  const app = new App();
  const chart = new Chart(new Construct(app, 'production'), 'etcd-backup', {
    namespace: 'etcd-backup',
    disableResourceNameHashes: true,
  });

  new EtcdBackup(chart, 'etcd-backup', {
    image: 'registry.example.com/platform/etcd-tools:v3.5.16-1',
    retention: Duration.days(14),
    target: BackupTarget.volumeClaim({
      storageClassName: 'etcd-backup-retain',
      size: '40Gi',
      provisioner: 'ebs.csi.aws.com',
    }),
    drill: { expectKey: '/registry/namespaces/production' },
    alerts: { maxBackupAge: Duration.hours(26) },
  });
  return app;
}
