import { Duration } from 'cdk8s';
import { AlertLayer, AlertRule, RuleGroup, Severity } from '../observability/alert';
import { PanelUnit } from '../observability/dashboards/panel';
import { selector } from '../observability/promql';

/** What the etcd backup alerts watch. */
export interface EtcdBackupAlertScope {
  /** Namespace of the CronJobs. */
  readonly namespace: string;
  /** Name of the backup CronJob. */
  readonly backupCronJob: string;
  /**
   * Name of the restore drill CronJob.
   * @default - no drill, so no drill alert
   */
  readonly drillCronJob?: string;
  /** Age of the last successful backup above which the backup counts as missing. */
  readonly maxBackupAge: Duration;
}

/**
 * The alerts of the etcd backup (kube-state-metrics series), in the cluster layer of the alert
 * catalogue: the newest successful backup is older than the schedule allows, or there has been none for
 * that long since the CronJob was created (critical); and a restore drill Job failed (warning).
 * Render it with `AlertRules`, which adds the `severity`, `layer` and `runbook_url` of every alert.
 */
export function etcdBackupAlertGroup(scope: EtcdBackupAlertScope): RuleGroup {
  const alerts = [backupTooOld(scope)];
  if (scope.drillCronJob) alerts.push(restoreDrillFailed(scope.namespace, scope.drillCronJob));
  return { name: 'etcd-backup', title: 'etcd backups', layer: AlertLayer.CLUSTER, alerts };
}

function backupTooOld(scope: EtcdBackupAlertScope): AlertRule {
  const seconds = scope.maxBackupAge.toMilliseconds() / 1000;
  const hours = seconds / 3600;
  const cronJob = { namespace: scope.namespace, cronjob: scope.backupCronJob };
  const lastSuccess = selector('kube_cronjob_status_last_successful_time', cronJob);
  const created = selector('kube_cronjob_created', cronJob);
  return {
    alert: 'EtcdBackupTooOld',
    expr:
      `(time() - max by (namespace, cronjob) (${lastSuccess}) > ${seconds})\n` +
      `or\n` +
      `(time() - max by (namespace, cronjob) (${created}) > ${seconds}\n` +
      `  unless on (namespace, cronjob) ${lastSuccess})`,
    for: '15m',
    severity: Severity.CRITICAL,
    summary: `No successful etcd backup in the last ${hours}h`,
    description:
      `CronJob {{ $labels.namespace }}/{{ $labels.cronjob }} has not completed a backup for more than ${hours}h; ` +
      `a control-plane loss now would lose that much state.`,
    panel: {
      title: 'Time since the last etcd backup',
      queries: [{ expr: `time() - max by (namespace, cronjob) (${lastSuccess})`, legend: '{{ cronjob }}' }],
      unit: PanelUnit.SECONDS,
      thresholds: [seconds],
    },
  };
}

function restoreDrillFailed(namespace: string, drillCronJob: string): AlertRule {
  // The Job's Failed condition, set only once its retries are exhausted: a first attempt that failed
  // and a retry that passed is a successful drill, which kube_job_status_failed (failed pods) would not show.
  const failed = selector('kube_job_failed', { namespace, job_name: `=~"${drillCronJob}-[0-9]+"`, condition: 'true' });
  return {
    alert: 'EtcdRestoreDrillFailed',
    expr: `max by (namespace, job_name) (${failed}) > 0`,
    // The failed Job stays for its TTL (14 days), so a hold time delays the ticket a little and loses nothing.
    for: '5m',
    severity: Severity.WARNING,
    summary: 'The etcd restore drill failed',
    description:
      `Job {{ $labels.namespace }}/{{ $labels.job_name }} could not restore the newest etcd snapshot and serve it; ` +
      `until a drill passes, the backups are not proven restorable.`,
    panel: {
      title: 'Failed restore drills',
      // Zero while the drill CronJob exists and no drill failed; no data only when kube-state-metrics is down.
      queries: [
        {
          expr: `sum(${failed}) or 0 * max(${selector('kube_cronjob_created', { namespace, cronjob: drillCronJob })})`,
          legend: 'failed drill Jobs',
        },
      ],
      unit: PanelUnit.COUNT,
      thresholds: [1],
    },
  };
}
