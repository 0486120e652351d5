import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { AlertLayer, AlertRule, assertBetween, assertPositive, thresholdSeconds, RuleGroup, Severity } from './alert';
import { AlertRules, AlertRulesOptions, childPath } from './alert-rules';
import { PanelUnit } from './dashboards/panel';
import { histogramQuantile, percent, ratioOfRates, selector } from './promql';

/**
 * The Prometheus job of the etcd members: kube-prometheus-stack 88.3.0 scrapes them through its
 * `kubeEtcd` Service in kube-system (port 2381, `jobLabel: kube-etcd`).
 */
export const KUBE_ETCD_JOB = 'kube-etcd';

/** Thresholds of the cluster layer. */
export interface ClusterAlertsProps extends AlertRulesOptions {
  /**
   * Whether the control plane's etcd is the cluster's own, so Prometheus can scrape it: `false` on a
   * managed control plane (EKS, GKE, AKS), which hides etcd, leaves out every etcd alert.
   * @default true
   */
  readonly etcd?: boolean;
  /**
   * The Prometheus job whose targets are the etcd members.
   * @default KUBE_ETCD_JOB
   */
  readonly etcdJob?: string;
  /**
   * p99 of etcd WAL fsync above which the disk is too slow for etcd.
   * @default Duration.millis(500)
   */
  readonly etcdFsyncP99?: Duration;
  /**
   * etcd leader elections within 15 minutes that count as frequent.
   * @default 3
   */
  readonly etcdLeaderChangesPer15m?: number;
  /**
   * etcd database size, in percent of its backend quota, that warns before the cluster turns read-only.
   * @default 80
   */
  readonly etcdDatabaseQuotaPercent?: number;
  /**
   * Share of API server requests answered with 5xx that counts as a surge.
   * @default 0.05
   */
  readonly apiServerErrorRatio?: number;
}

/**
 * The cluster layer (guide 10.2, 10.3, 3.4): nodes NotReady or under pressure, etcd disk latency,
 * leader churn and quota, API server 5xx surges. One PrometheusRule, `cluster-alerts` in `monitoring`.
 */
export class ClusterAlerts extends AlertRules {
  public constructor(scope: Construct, id: string, props: ClusterAlertsProps = {}) {
    super(scope, id, {
      ...props,
      name: props.name ?? 'cluster-alerts',
      namespace: props.namespace ?? 'monitoring',
      groups: clusterRuleGroups(childPath(scope, id), props),
    });
  }
}

const NODE_PRESSURES = [
  { alert: 'NodeMemoryPressure', condition: 'MemoryPressure', what: 'memory', effect: 'evicts pods' },
  {
    alert: 'NodeDiskPressure',
    condition: 'DiskPressure',
    what: 'disk space or inodes',
    effect: 'evicts pods and refuses images',
  },
  {
    alert: 'NodePidPressure',
    condition: 'PIDPressure',
    what: 'process ids',
    effect: 'evicts pods and cannot start processes',
  },
];

function nodeCondition(condition: string, status: string): string {
  return selector('kube_node_status_condition', { condition, status });
}

function clusterRuleGroups(where: string, props: ClusterAlertsProps): RuleGroup[] {
  const fsync = thresholdSeconds(
    where,
    'etcdFsyncP99',
    props.etcdFsyncP99 ?? Duration.millis(500),
    'Duration.millis(500)',
  );
  const leaderChanges = assertPositive(where, 'etcdLeaderChangesPer15m', props.etcdLeaderChangesPer15m ?? 3, '3');
  const quota = assertBetween(where, 'etcdDatabaseQuotaPercent', props.etcdDatabaseQuotaPercent ?? 80, 0, 100, '80');
  const apiErrors = assertBetween(where, 'apiServerErrorRatio', props.apiServerErrorRatio ?? 0.05, 0, 1, '0.05');

  const fsyncP99 = histogramQuantile(0.99, 'etcd_disk_wal_fsync_duration_seconds_bucket', '5m', ['instance']);
  const leaderChangesIn15m = 'max by (job) (increase(etcd_server_leader_changes_seen_total[15m]))';
  const quotaUsed = '(etcd_mvcc_db_total_size_in_bytes / etcd_server_quota_backend_bytes) * 100';
  const apiErrorRatio = `(${ratioOfRates(selector('apiserver_request_total', { code: '=~"5.."' }), 'apiserver_request_total', '5m', ['job'])})`;

  const nodes: AlertRule[] = [
    {
      alert: 'KubernetesNodeNotReady',
      expr: `${nodeCondition('Ready', 'true')} == 0`,
      for: '5m',
      severity: Severity.CRITICAL,
      summary: 'Node not ready',
      description:
        'Node {{ $labels.node }} has not been Ready for 5 minutes; its pods are being evicted or are unreachable ' +
        'and the cluster runs with less capacity.',
      panel: {
        title: 'Nodes not Ready',
        queries: [{ expr: `sum(${nodeCondition('Ready', 'true')} == bool 0)`, legend: 'not Ready' }],
        unit: PanelUnit.COUNT,
        thresholds: [1],
      },
    },
    ...NODE_PRESSURES.map((p): AlertRule => ({
      alert: p.alert,
      expr: `${nodeCondition(p.condition, 'true')} == 1`,
      for: '5m',
      severity: Severity.WARNING,
      summary: `Node under ${p.condition}`,
      description: `Node {{ $labels.node }} is short of ${p.what}; the kubelet ${p.effect} until it recovers.`,
      panel: {
        title: `Nodes under ${p.condition}`,
        queries: [{ expr: `sum(${nodeCondition(p.condition, 'true')})`, legend: p.condition }],
        unit: PanelUnit.COUNT,
        thresholds: [1],
      },
    })),
  ];

  const etcdJob = props.etcdJob ?? KUBE_ETCD_JOB;
  const etcdUp = selector('up', { job: etcdJob });
  const etcd: AlertRule[] = [
    {
      // Every other etcd alert reads these targets: without them they can never fire.
      alert: 'EtcdMetricsAbsent',
      // Both branches keep the job label: targets found but none up, or no target at all.
      expr: `sum by (job) (${etcdUp}) < 1\nor\nabsent(${etcdUp})`,
      for: '15m',
      severity: Severity.WARNING,
      summary: 'Prometheus scrapes no etcd member',
      description:
        'No target of job {{ $labels.job }} has been up for 15 minutes; the etcd alerts (fsync, leader ' +
        'changes, quota) cannot fire until Prometheus reaches the members on their metrics port.',
      panel: {
        title: 'etcd members scraped',
        queries: [{ expr: `sum(${etcdUp})`, legend: 'members up' }],
        unit: PanelUnit.COUNT,
        thresholds: [1],
        firesBelow: true,
      },
    },
    {
      alert: 'EtcdWalFsyncSlow',
      expr: `${fsyncP99} > ${fsync}`,
      for: '10m',
      severity: Severity.CRITICAL,
      summary: 'etcd WAL fsync is slow',
      description:
        `etcd member {{ $labels.instance }} needs more than ${fsync}s (p99) to fsync its write-ahead log; ` +
        'writes stall, leader elections follow and the API server slows down.',
      panel: {
        title: 'etcd WAL fsync p99',
        queries: [{ expr: fsyncP99, legend: '{{ instance }}' }],
        unit: PanelUnit.SECONDS,
        thresholds: [fsync],
      },
    },
    {
      alert: 'EtcdLeaderChangesFrequent',
      expr: `${leaderChangesIn15m} >= ${leaderChanges}`,
      for: '5m',
      severity: Severity.WARNING,
      summary: 'etcd changes leader often',
      description:
        `etcd cluster {{ $labels.job }} elected a new leader ${leaderChanges} or more times in 15 minutes; ` +
        'each election pauses writes, usually because of slow disks or a flaky network between members.',
      panel: {
        title: 'etcd leader changes (15m)',
        queries: [{ expr: leaderChangesIn15m, legend: '{{ job }}' }],
        unit: PanelUnit.COUNT,
        thresholds: [leaderChanges],
      },
    },
    {
      alert: 'EtcdDatabaseNearQuota',
      expr: `${quotaUsed} > ${quota}`,
      for: '10m',
      severity: Severity.WARNING,
      summary: 'etcd database is close to its quota',
      description:
        `etcd member {{ $labels.instance }} uses more than ${quota}% of its backend quota; ` +
        'at 100% etcd raises a NOSPACE alarm and the cluster becomes read-only.',
      panel: {
        title: 'etcd database size, % of quota',
        queries: [{ expr: quotaUsed, legend: '{{ instance }}' }],
        unit: PanelUnit.PERCENT,
        thresholds: [quota],
      },
    },
  ];

  const apiServer: AlertRule = {
    alert: 'KubeApiServerErrorsHigh',
    expr: `${apiErrorRatio} > ${apiErrors}`,
    for: '10m',
    severity: Severity.CRITICAL,
    summary: 'API server answers with many 5xx errors',
    description:
      `More than ${percent(apiErrors)} of the requests to {{ $labels.job }} failed with a 5xx status for 10 minutes; ` +
      'controllers, deployments and autoscaling are degraded.',
    panel: {
      title: 'API server 5xx ratio',
      queries: [{ expr: apiErrorRatio, legend: '{{ job }}' }],
      unit: PanelUnit.RATIO,
      thresholds: [apiErrors],
    },
  };

  return [
    { name: 'cluster.nodes', title: 'Nodes', layer: AlertLayer.CLUSTER, alerts: nodes },
    ...(props.etcd === false ? [] : [{ name: 'cluster.etcd', title: 'etcd', layer: AlertLayer.CLUSTER, alerts: etcd }]),
    { name: 'cluster.apiserver', title: 'API server', layer: AlertLayer.CLUSTER, alerts: [apiServer] },
  ];
}
