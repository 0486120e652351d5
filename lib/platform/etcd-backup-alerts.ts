/** One Prometheus alerting rule, as plain data (the shape of a rule file and of a PrometheusRule). */
export interface EtcdBackupAlertRule {
  /** Alert name, e.g. `EtcdBackupTooOld`. */
  readonly alert: string;
  /** PromQL expression; the alert fires for every series it returns. */
  readonly expr: string;
  /** How long the expression must hold before the alert fires, e.g. `15m`. */
  readonly for: string;
  /** Labels such as `severity`. */
  readonly labels: Record<string, string>;
  /** `summary` and `description`. */
  readonly annotations: Record<string, string>;
}

/** A named group of alerting rules. */
export interface EtcdBackupAlertGroup {
  /** Group name, unique within a PrometheusRule. */
  readonly name: string;
  /** The rules. */
  readonly rules: EtcdBackupAlertRule[];
}

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
  /** Age of the last successful backup, in hours, above which the backup counts as missing. */
  readonly maxBackupAgeHours: number;
}

/**
 * The alerts of the etcd backup (kube-state-metrics series): the newest successful backup is older than
 * the schedule allows, or there has been none for that long since the CronJob was created; and a restore
 * drill Job failed. Pure data, so it can be checked with promtool and joined to an alert catalogue.
 */
export function etcdBackupAlertGroup(options: EtcdBackupAlertScope): EtcdBackupAlertGroup {
  const seconds = options.maxBackupAgeHours * 3600;
  const cronJob = `namespace="${options.namespace}", cronjob="${options.backupCronJob}"`;
  const lastSuccess = `kube_cronjob_status_last_successful_time{${cronJob}}`;
  const rules: EtcdBackupAlertRule[] = [
    {
      alert: 'EtcdBackupTooOld',
      expr:
        `(time() - max by (namespace, cronjob) (${lastSuccess}) > ${seconds})\n` +
        `or\n` +
        `(time() - max by (namespace, cronjob) (kube_cronjob_created{${cronJob}}) > ${seconds}\n` +
        `  unless on (namespace, cronjob) ${lastSuccess})`,
      for: '15m',
      labels: { severity: 'critical' },
      annotations: {
        summary: `No successful etcd backup in the last ${options.maxBackupAgeHours}h`,
        description:
          `CronJob {{ $labels.namespace }}/{{ $labels.cronjob }} has not completed a backup for more than ` +
          `${options.maxBackupAgeHours}h; a control-plane loss now would lose that much state. ` +
          `Check the latest Job's logs (kubectl -n ${options.namespace} logs job/<job>).`,
      },
    },
  ];
  if (options.drillCronJob) {
    rules.push({
      alert: 'EtcdRestoreDrillFailed',
      expr: `max by (namespace, job_name) (kube_job_status_failed{namespace="${options.namespace}", job_name=~"${options.drillCronJob}-[0-9]+"}) > 0`,
      for: '0m',
      labels: { severity: 'warning' },
      annotations: {
        summary: 'The etcd restore drill failed',
        description:
          `Job {{ $labels.namespace }}/{{ $labels.job_name }} could not restore the newest etcd snapshot and ` +
          `serve it; until a drill passes, the backups are not proven restorable. Read the Job's logs.`,
      },
    });
  }
  return { name: 'etcd-backup', rules };
}
