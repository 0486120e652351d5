import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as jsyaml from 'js-yaml';
import { EtcdBackupAlertRule, etcdBackupAlertGroup } from '../../lib';
import { haveTool } from '../support/tools';

const group = etcdBackupAlertGroup({
  namespace: 'etcd-backup',
  backupCronJob: 'etcd-backup',
  drillCronJob: 'etcd-backup-restore-drill',
  maxBackupAgeHours: 26,
});

/** The annotations promtool expects once the `$labels` templates are filled in. */
function rendered(rule: EtcdBackupAlertRule, labels: Record<string, string>): Record<string, string> {
  const fill = (text: string) => text.replace(/\{\{ \$labels\.(\w+) \}\}/g, (_, name: string) => labels[name]);
  return Object.fromEntries(Object.entries(rule.annotations).map(([k, v]) => [k, fill(v)]));
}

function expected(alert: string, labels: Record<string, string>) {
  const rule = group.rules.find((r) => r.alert === alert)!;
  return [{ exp_labels: { ...rule.labels, ...labels }, exp_annotations: rendered(rule, labels) }];
}

const cronJob = { namespace: 'etcd-backup', cronjob: 'etcd-backup' };
const series = (metric: string, labels: Record<string, string>) =>
  `${metric}{${Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(',')}}`;

/** promtool unit tests: the series kube-state-metrics would report, and when each alert must fire. */
const unitTests = {
  rule_files: ['rules.yaml'],
  evaluation_interval: '1m',
  tests: [
    {
      name: 'the last success ages past 26h, then fires after 15 minutes',
      interval: '1m',
      input_series: [
        { series: series('kube_cronjob_status_last_successful_time', cronJob), values: '0x1800' },
        { series: series('kube_cronjob_created', cronJob), values: '0x1800' },
      ],
      alert_rule_test: [
        { eval_time: '25h', alertname: 'EtcdBackupTooOld', exp_alerts: [] },
        { eval_time: '26h10m', alertname: 'EtcdBackupTooOld', exp_alerts: [] },
        { eval_time: '26h20m', alertname: 'EtcdBackupTooOld', exp_alerts: expected('EtcdBackupTooOld', cronJob) },
      ],
    },
    {
      name: 'a CronJob that never succeeded fires 26h after its creation',
      interval: '1m',
      input_series: [{ series: series('kube_cronjob_created', cronJob), values: '0x1800' }],
      alert_rule_test: [
        { eval_time: '20h', alertname: 'EtcdBackupTooOld', exp_alerts: [] },
        { eval_time: '26h20m', alertname: 'EtcdBackupTooOld', exp_alerts: expected('EtcdBackupTooOld', cronJob) },
      ],
    },
    {
      name: 'daily successes keep it quiet',
      interval: '1h',
      input_series: [
        { series: series('kube_cronjob_status_last_successful_time', cronJob), values: '0x23 86400x23 172800x23' },
        { series: series('kube_cronjob_created', cronJob), values: '0x71' },
      ],
      alert_rule_test: [{ eval_time: '70h', alertname: 'EtcdBackupTooOld', exp_alerts: [] }],
    },
    {
      name: 'a failed drill Job fires at once; a failed backup Job does not count as a drill',
      interval: '1m',
      input_series: [
        {
          series: series('kube_job_status_failed', { namespace: 'etcd-backup', job_name: 'etcd-backup-restore-drill-29100000' }),
          values: '0 0 1 1 1',
        },
        { series: series('kube_job_status_failed', { namespace: 'etcd-backup', job_name: 'etcd-backup-29100000' }), values: '1 1 1 1 1' },
      ],
      alert_rule_test: [
        { eval_time: '1m', alertname: 'EtcdRestoreDrillFailed', exp_alerts: [] },
        {
          eval_time: '3m',
          alertname: 'EtcdRestoreDrillFailed',
          exp_alerts: expected('EtcdRestoreDrillFailed', { namespace: 'etcd-backup', job_name: 'etcd-backup-restore-drill-29100000' }),
        },
      ],
    },
  ],
};

const run = haveTool('promtool', 'prometheus') ? describe : describe.skip;

run('the etcd backup alerts under promtool', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etcd-backup-alerts-'));
  fs.writeFileSync(path.join(dir, 'rules.yaml'), jsyaml.dump({ groups: [group] }, { lineWidth: -1 }));
  fs.writeFileSync(path.join(dir, 'tests.yaml'), jsyaml.dump(unitTests, { lineWidth: -1 }));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const promtool = (...args: string[]) => spawnSync('promtool', args, { cwd: dir, encoding: 'utf8' });

  test('pass promtool check rules', () => {
    const result = promtool('check', 'rules', 'rules.yaml');
    expect(result.stdout + result.stderr).toContain('SUCCESS: 2 rules found');
    expect(result.status).toBe(0);
  });

  test('fire exactly when the promtool unit tests say', () => {
    const result = promtool('test', 'rules', 'tests.yaml');
    expect(result.stdout + result.stderr).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });
});
