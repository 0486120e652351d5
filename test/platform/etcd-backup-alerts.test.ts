import { Duration } from 'cdk8s';
import { AlertLayer, Severity } from '../../lib';
import { etcdBackupAlertGroup } from '../../lib/platform/etcd-backup-alerts';

// When each alert fires and stays silent is proven by promtool in test/observability (alert-cases.ts),
// against the rules as synthesized in dist/; this file covers the group as data.
const scope = { namespace: 'etcd-backup', backupCronJob: 'etcd-backup', maxBackupAge: Duration.hours(26) };

describe('etcdBackupAlertGroup', () => {
  test('is one cluster-layer group: a critical stale-backup alert and a warning for a failed drill', () => {
    const group = etcdBackupAlertGroup({ ...scope, drillCronJob: 'etcd-backup-restore-drill' });
    expect(group.name).toBe('etcd-backup');
    expect(group.layer).toBe(AlertLayer.CLUSTER);
    expect(group.alerts!.map((a) => [a.alert, a.severity, a.for])).toEqual([
      ['EtcdBackupTooOld', Severity.CRITICAL, '15m'],
      ['EtcdRestoreDrillFailed', Severity.WARNING, '5m'],
    ]);
  });

  test('watches only the backup CronJob, for a missing success and for no success since creation', () => {
    const [tooOld] = etcdBackupAlertGroup(scope).alerts!;
    expect(tooOld.expr).toBe(
      '(time() - max by (namespace, cronjob) (kube_cronjob_status_last_successful_time{namespace="etcd-backup",cronjob="etcd-backup"}) > 93600)\n' +
        'or\n' +
        '(time() - max by (namespace, cronjob) (kube_cronjob_created{namespace="etcd-backup",cronjob="etcd-backup"}) > 93600\n' +
        '  unless on (namespace, cronjob) kube_cronjob_status_last_successful_time{namespace="etcd-backup",cronjob="etcd-backup"})',
    );
    expect(tooOld.summary).toBe('No successful etcd backup in the last 26h');
    expect(tooOld.description).toContain(
      'CronJob {{ $labels.namespace }}/{{ $labels.cronjob }} has not completed a backup for more than 26h',
    );
  });

  test('reads the failed Jobs of the drill CronJob only, by their scheduled-time suffix', () => {
    const drill = etcdBackupAlertGroup({ ...scope, drillCronJob: 'etcd-backup-restore-drill' }).alerts![1];
    expect(drill.expr).toBe(
      'max by (namespace, job_name) (kube_job_failed{namespace="etcd-backup",job_name=~"etcd-backup-restore-drill-[0-9]+",condition="true"}) > 0',
    );
    expect(drill.description).toContain('Job {{ $labels.namespace }}/{{ $labels.job_name }} could not restore');
  });

  test('has no drill alert without a drill CronJob', () => {
    expect(etcdBackupAlertGroup(scope).alerts!.map((a) => a.alert)).toEqual(['EtcdBackupTooOld']);
  });

  test('turns a fractional age limit into seconds and states it in hours', () => {
    const [tooOld] = etcdBackupAlertGroup({ ...scope, maxBackupAge: Duration.minutes(750) }).alerts!;
    expect(tooOld.expr).toContain('> 45000)');
    expect(tooOld.summary).toBe('No successful etcd backup in the last 12.5h');
  });
});
