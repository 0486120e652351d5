import { BatchJob, BatchJobProps, ScheduledJob, ScheduledJobProps, VerticalScalingMode } from '../../lib';
import { findObject, synthChart, validateObjects } from '../support/manifests';

const base: BatchJobProps = {
  image: 'registry.example.com/order-report:v1.4.0',
  resources: { cpu: { request: '500m', limit: '1' }, memory: { request: '1Gi', limit: '1Gi' } },
};

function scheduled(props: Partial<ScheduledJobProps> = {}) {
  return synthChart(
    (chart) => new ScheduledJob(chart, 'nightly-report', { ...base, schedule: '30 2 * * *', ...props }),
    'batch',
  );
}

describe('BatchJob', () => {
  const objects = synthChart((chart) => new BatchJob(chart, 'reindex', base), 'batch');
  const job = findObject(objects, 'Job', 'reindex');
  const pod = job.spec.template.spec;

  test('synthesizes a bounded, self-cleaning Job', () => {
    expect(objects).toMatchSnapshot();
    expect(job.spec).toMatchObject({
      backoffLimit: 3,
      activeDeadlineSeconds: 3600,
      ttlSecondsAfterFinished: 86400,
      parallelism: 1,
      completions: 1,
    });
    expect(pod.restartPolicy).toBe('Never');
  });

  test('runs in the batch node pool with the batch tier, tolerating the pool taint', () => {
    expect(pod.priorityClassName).toBe('batch');
    expect(
      pod.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions,
    ).toEqual([{ key: 'node-pool', operator: 'In', values: ['batch'] }]);
    expect(pod.tolerations).toEqual([{ key: 'node-pool', operator: 'Equal', value: 'batch', effect: 'NoSchedule' }]);
  });

  test('runs restricted under its own service account', () => {
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.containers[0].securityContext).toMatchObject({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(pod.serviceAccountName).toBe('reindex');
  });

  test('fails on a negative retry count', () => {
    expect(() => synthChart((chart) => new BatchJob(chart, 'reindex', { ...base, backoffLimit: -1 }), 'batch')).toThrow(
      '[batch/test/reindex] backoffLimit -1 must be an integer of at least 0',
    );
  });
});

describe('ScheduledJob', () => {
  const objects = scheduled({ verticalScaling: VerticalScalingMode.RECOMMEND_ONLY });
  const cronJob = findObject(objects, 'CronJob', 'nightly-report');

  test('synthesizes a CronJob with a recommending VerticalPodAutoscaler', () => {
    expect(objects).toMatchSnapshot();
    expect(objects.map((o: any) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'ServiceAccount/nightly-report',
      'VerticalPodAutoscaler/nightly-report',
      'CronJob/nightly-report',
    ]);
  });

  test('is valid against the Kubernetes and VPA schemas', () => {
    const report = validateObjects(objects);
    expect(report.errors).toEqual([]);
    expect(report.unvalidated).toEqual([]);
  });

  test('never runs twice at once and skips a run that starts too late', () => {
    expect(cronJob.spec).toMatchObject({
      schedule: '30 2 * * *',
      timeZone: 'Etc/UTC',
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 300,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
    });
    expect(cronJob.spec.jobTemplate.spec.template.spec.priorityClassName).toBe('batch');
  });

  test('points the VerticalPodAutoscaler at the CronJob in recommendation mode', () => {
    expect(findObject(objects, 'VerticalPodAutoscaler', 'nightly-report').spec).toEqual({
      targetRef: { apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly-report' },
      updatePolicy: { updateMode: 'Off' },
      resourcePolicy: { containerPolicies: [{ containerName: 'app', controlledResources: ['cpu', 'memory'] }] },
    });
  });

  test('fails on a schedule that is not five cron fields', () => {
    expect(() => scheduled({ schedule: '@nightly now' })).toThrow(
      '[batch/test/nightly-report] schedule "@nightly now" is not a cron schedule (has 2 fields); use five fields "minute hour day-of-month month day-of-week" such as "0 2 * * *", or a macro such as "@daily"',
    );
  });
});

test('ScheduledJob refuses an out-of-range schedule and accepts a macro', () => {
  const { App, Chart } = require('cdk8s');
  const { ScheduledJob } = require('../../lib');
  const props = {
    image: 'registry.example.com/report:v1.0.0',
    resources: { cpu: { request: '100m', limit: '200m' }, memory: { request: '128Mi', limit: '128Mi' } },
  };
  const chart = new Chart(new App(), 'batch', { namespace: 'batch' });
  expect(() => new ScheduledJob(chart, 'bad', { ...props, schedule: '99 99 * * *' })).toThrow(
    '[batch/bad] schedule "99 99 * * *" is not a cron schedule',
  );
  expect(new ScheduledJob(chart, 'daily', { ...props, schedule: '@daily' }).cronJob.toJson().spec.schedule).toBe(
    '@daily',
  );
});
