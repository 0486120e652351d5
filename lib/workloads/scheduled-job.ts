import { Duration } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { wholeSeconds } from '../core/durations';
import { assertCount } from '../core/counts';
import { assertCronSchedule, assertTimeZone } from '../core/schedule';
import { BatchWorkload, BatchWorkloadProps } from './batch-workload';

/** Properties of a {@link ScheduledJob}. */
export interface ScheduledJobProps extends BatchWorkloadProps {
  /** Cron schedule with five valid fields or a macro, e.g. `'30 2 * * *'` for 02:30 every night, or `'@daily'`. */
  readonly schedule: string;
  /**
   * Time zone the schedule is read in.
   * @default 'Etc/UTC'
   */
  readonly timeZone?: string;
  /**
   * How long after the scheduled time a missed run may still start (whole seconds); later, it is skipped.
   * @default Duration.minutes(5)
   */
  readonly startingDeadline?: Duration;
  /**
   * Finished Jobs kept for inspection, successful and failed each.
   * @default 3
   */
  readonly historyLimit?: number;
}

/**
 * A CronJob of {@link BatchJob}s (guide 16.1): never two runs at once (`concurrencyPolicy: Forbid`),
 * a starting deadline so a late run is skipped rather than piled up, and bounded history.
 */
export class ScheduledJob extends BatchWorkload {
  /** The CronJob. */
  public readonly cronJob: k8s.KubeCronJob;

  public constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id, props, 'CronJob');
    const parts = this.parts;
    assertCronSchedule(this, 'schedule', props.schedule);
    const history = assertCount(this, 'historyLimit', props.historyLimit ?? 3, 0, '3');
    this.cronJob = new k8s.KubeCronJob(this, 'Resource', {
      metadata: parts.metadata(this.name),
      spec: {
        schedule: props.schedule,
        timeZone: assertTimeZone(this, 'timeZone', props.timeZone ?? 'Etc/UTC'),
        concurrencyPolicy: 'Forbid',
        startingDeadlineSeconds: wholeSeconds(
          this,
          'startingDeadline',
          props.startingDeadline ?? Duration.minutes(5),
          1,
        ),
        successfulJobsHistoryLimit: history,
        failedJobsHistoryLimit: history,
        jobTemplate: { metadata: { labels: parts.metadata(this.name).labels }, spec: parts.jobSpec },
      },
    });
  }
}
