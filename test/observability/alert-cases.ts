import { selector as s } from '../../lib/observability/promql';
import { counter, gauge, histogram, Series, Speed } from './series';

/** Where a per-service rule file points: the service's namespace and name. */
export interface CaseContext {
  readonly namespace: string;
  readonly service: string;
}

/** Series under which the alert must fire, and what it fires with. */
export interface FiringScenario {
  readonly series: Series;
  /** Labels the expression returns; the rule's own labels (severity, layer) are added by the harness. */
  readonly labels: Record<string, string>;
  /**
   * Minute the expression starts returning the alert: it must be silent at onset + for - 1m and
   * firing at onset + for, which proves the hold time.
   */
  readonly onset?: number;
  /** For slow signals whose onset is gradual: a minute it must still be silent, and one it must fire. */
  readonly checks?: { readonly silentAt: number; readonly firingAt: number };
}

/** Series under which the alert must stay silent, looked at minute `at`. */
export interface SilentScenario {
  readonly name: string;
  readonly series: Series;
  readonly at: number;
}

/** Further series under which the alert must fire, e.g. the second branch of an `or`. */
export interface NamedFiringScenario extends FiringScenario {
  readonly name: string;
}

/** The promtool scenarios of one alert. */
export interface AlertCases {
  readonly fires: FiringScenario;
  readonly alsoFires?: NamedFiringScenario[];
  readonly silent: SilentScenario[];
}

const NODE = 'node-1';
const ETCD = { instance: 'etcd-0', job: 'etcd' };

function nodeCondition(condition: string, value: string): Series {
  return { [s('kube_node_status_condition', { condition, status: 'true', node: NODE })]: value };
}

function nodePressure(condition: string): AlertCases {
  return {
    fires: {
      series: nodeCondition(condition, gauge([0, 10], [1, 30])),
      onset: 11,
      labels: { condition, status: 'true', node: NODE },
    },
    silent: [{ name: 'no pressure', series: nodeCondition(condition, gauge([0, 40])), at: 30 }],
  };
}

/** `ok` and `failed` requests a minute on the counter `metric`, failures marked by `failure` matchers. */
function requests(
  metric: string,
  labels: Record<string, string>,
  ok: string,
  failed: string,
  failure: Record<string, string>,
  success: Record<string, string>,
): Series {
  return { [s(metric, { ...labels, ...success })]: ok, [s(metric, { ...labels, ...failure })]: failed };
}

/** 100 requests a minute, of which `failing` start failing after 10 minutes. */
function errorBurst(failing: number): [string, string] {
  return [counter([100, 40]), counter([0, 10], [failing, 30])];
}

/** A KPI whose successes fall from `healthy` to `broken` out of 100 attempts a minute after 10 minutes. */
function kpi(
  ns: string,
  attempted: string,
  succeeded: string,
  healthy: number,
  broken: number,
  floorNote: string,
): AlertCases {
  const series = (attempts: number, before: number, after: number): Series => ({
    [s(attempted, { namespace: ns })]: counter([attempts, 40]),
    [s(succeeded, { namespace: ns })]: counter([before, 10], [after, 30]),
  });
  return {
    fires: { series: series(100, healthy, broken), onset: 11, labels: { namespace: ns } },
    silent: [
      { name: 'healthy ratio', series: series(100, healthy, healthy), at: 30 },
      { name: `too little traffic to judge (${floorNote})`, series: series(3, 1, 1), at: 30 },
    ],
  };
}

/** Long enough to pass the 26h limit of a daily backup plus the alert's hold time. */
const BACKUP_SCENARIO_MINUTES = 27 * 60;

/**
 * The etcd backup CronJob `cronjob` in `ns`: created at `createdAt` seconds, its last success at each
 * `[seconds, minutes]` segment (reported from then on), or none. Timestamps are seconds since the
 * scenario's start, as promtool's `time()` counts.
 */
function backupCronJob(ns: string, cronjob: string, createdAt: number, successes: [number, number][] = []): Series {
  const labels = { namespace: ns, cronjob };
  return {
    [s('kube_cronjob_created', labels)]: gauge([createdAt, BACKUP_SCENARIO_MINUTES]),
    ...(successes.length > 0 ? { [s('kube_cronjob_status_last_successful_time', labels)]: gauge(...successes) } : {}),
  };
}

/** Every alert of the catalogue, keyed by name; a rule in dist/ without an entry fails the suite. */
export function alertCases(ctx: CaseContext): Record<string, AlertCases> {
  const { namespace: ns, service } = ctx;
  const svc = { namespace: ns, service };
  const http = 'http_server_requests_seconds_count';
  const httpRequests = (ok: string, failed: string) =>
    requests(http, svc, ok, failed, { status: '500' }, { status: '200' });
  const latency = (...segments: [Speed, number][]) =>
    histogram('http_server_requests_seconds_bucket', svc, ...segments);
  const hpa = { namespace: ns, horizontalpodautoscaler: service };
  // The Istio gateway's own reports of requests to the service (the platform's edge).
  const edgeReports = { reporter: 'source', source_workload_namespace: 'gateway' };
  const route = { destination_service_namespace: 'production', destination_service_name: 'order-api' };
  const hpaSeries = (current: string, latencySeries: Series): Series => ({
    [s('kube_horizontalpodautoscaler_status_current_replicas', hpa)]: current,
    [s('kube_horizontalpodautoscaler_spec_max_replicas', hpa)]: gauge([50, 80]),
    ...latencySeries,
  });
  const deployment = (name: string, available: string): Series => ({
    [s('kube_deployment_status_replicas_available', { namespace: ns, deployment: name })]: available,
    [s('kube_deployment_spec_replicas', { namespace: ns, deployment: name })]: gauge([8, 40]),
  });
  const crashLoop = (pod: string, value: string): Series => ({
    [s('kube_pod_container_status_waiting_reason', {
      namespace: ns,
      pod,
      container: 'app',
      reason: 'CrashLoopBackOff',
    })]: value,
  });
  const pod = `${service}-7d9f8b6c5-x2x9z`;
  // Error ratios over an SLO of 99.95% (budget 0.05%): 100 good requests a minute plus `failing` bad.
  const burn = (failing: [number, number][]) =>
    httpRequests(counter([100, failing.reduce((t, [, m]) => t + m, 0)]), counter(...failing));
  const fastBurn = burn([
    [0, 60],
    [100, 60],
  ]); // 50% errors after an hour: 1000x the budget
  // 0.2% errors (4x the budget) after 6 healthy hours. With less than 3 days of history the 3d window
  // holds only what exists, so the 1x-over-3d condition trips once the burn is a quarter of it (~2h).
  const slowBurn = burn([
    [0, 6 * 60],
    [0.2, 4 * 60],
  ]);
  const withinBudget = burn([[0.02, 10 * 60]]); // 0.02%: 0.4x the budget
  // etcd backup (26h limit = 93600s): a success or creation at second 240 turns stale at minute 1565, a
  // multiple of 5 as scenarios past 3 hours are evaluated every 5 minutes.
  const backup = { namespace: ns, cronjob: service };
  const drillJob = (jobName: string, failed: string): Series => ({
    [s('kube_job_failed', { namespace: ns, job_name: jobName, condition: 'true' })]: failed,
  });
  const drill = `${service}-restore-drill-29100000`;

  return {
    KubernetesNodeNotReady: {
      fires: {
        series: nodeCondition('Ready', gauge([1, 10], [0, 30])),
        onset: 11,
        labels: { condition: 'Ready', status: 'true', node: NODE },
      },
      silent: [
        { name: 'ready node', series: nodeCondition('Ready', gauge([1, 40])), at: 30 },
        {
          name: 'NotReady for less than the hold time',
          series: nodeCondition('Ready', gauge([1, 10], [0, 3], [1, 27])),
          at: 30,
        },
      ],
    },
    NodeMemoryPressure: nodePressure('MemoryPressure'),
    NodeDiskPressure: nodePressure('DiskPressure'),
    NodePidPressure: nodePressure('PIDPressure'),
    EtcdWalFsyncSlow: {
      fires: {
        series: histogram('etcd_disk_wal_fsync_duration_seconds_bucket', ETCD, [Speed.FAST, 10], [Speed.SLOW, 30]),
        onset: 11,
        labels: { instance: ETCD.instance },
      },
      silent: [
        {
          name: 'fast disk',
          series: histogram('etcd_disk_wal_fsync_duration_seconds_bucket', ETCD, [Speed.FAST, 40]),
          at: 30,
        },
      ],
    },
    EtcdMetricsAbsent: {
      fires: {
        series: { [s('up', { job: 'kube-etcd', instance: 'etcd-0' })]: gauge([1, 10], [0, 30]) },
        onset: 11,
        labels: { job: 'kube-etcd' },
      },
      silent: [
        {
          name: 'every member up',
          series: {
            [s('up', { job: 'kube-etcd', instance: 'etcd-0' })]: gauge([1, 40]),
            [s('up', { job: 'kube-etcd', instance: 'etcd-1' })]: gauge([0, 40]),
          },
          at: 30,
        },
      ],
      alsoFires: [
        {
          name: 'no etcd target at all',
          series: { [s('up', { job: 'apiserver', instance: 'a' })]: gauge([1, 40]) },
          onset: 0,
          labels: { job: 'kube-etcd' },
        },
      ],
    },
    EtcdLeaderChangesFrequent: {
      fires: {
        series: { [s('etcd_server_leader_changes_seen_total', ETCD)]: counter([0, 10], [1, 3], [0, 30]) },
        onset: 13,
        labels: { job: ETCD.job },
      },
      silent: [
        {
          name: 'one election',
          series: { [s('etcd_server_leader_changes_seen_total', ETCD)]: counter([0, 10], [1, 1], [0, 30]) },
          at: 20,
        },
      ],
    },
    EtcdDatabaseNearQuota: {
      fires: {
        series: {
          [s('etcd_mvcc_db_total_size_in_bytes', ETCD)]: gauge([1e9, 10], [1.8e9, 30]),
          [s('etcd_server_quota_backend_bytes', ETCD)]: gauge([2e9, 40]),
        },
        onset: 11,
        labels: ETCD,
      },
      silent: [
        {
          name: 'half full',
          series: {
            [s('etcd_mvcc_db_total_size_in_bytes', ETCD)]: gauge([1e9, 40]),
            [s('etcd_server_quota_backend_bytes', ETCD)]: gauge([2e9, 40]),
          },
          at: 30,
        },
      ],
    },
    KubeApiServerErrorsHigh: {
      fires: {
        series: requests(
          'apiserver_request_total',
          { job: 'apiserver' },
          ...errorBurst(100),
          { code: '500' },
          { code: '200' },
        ),
        onset: 11,
        labels: { job: 'apiserver' },
      },
      silent: [
        {
          name: '1% errors',
          series: requests(
            'apiserver_request_total',
            { job: 'apiserver' },
            ...errorBurst(1),
            { code: '500' },
            { code: '200' },
          ),
          at: 30,
        },
      ],
    },
    CoreDnsErrorsHigh: {
      fires: {
        series: requests(
          'coredns_dns_responses_total',
          { job: 'coredns' },
          ...errorBurst(100),
          { rcode: 'SERVFAIL' },
          { rcode: 'NOERROR' },
        ),
        onset: 11,
        labels: { job: 'coredns' },
      },
      silent: [
        {
          name: 'NXDOMAIN answers are not failures',
          series: requests(
            'coredns_dns_responses_total',
            { job: 'coredns' },
            ...errorBurst(100),
            { rcode: 'NXDOMAIN' },
            { rcode: 'NOERROR' },
          ),
          at: 30,
        },
        {
          name: '0.5% SERVFAIL',
          series: requests(
            'coredns_dns_responses_total',
            { job: 'coredns' },
            counter([200, 40]),
            counter([1, 40]),
            { rcode: 'SERVFAIL' },
            { rcode: 'NOERROR' },
          ),
          at: 30,
        },
      ],
    },
    CoreDnsLatencyHigh: {
      fires: {
        series: histogram(
          'coredns_dns_request_duration_seconds_bucket',
          { job: 'coredns' },
          [Speed.FAST, 10],
          [Speed.SLOW, 30],
        ),
        onset: 11,
        labels: { job: 'coredns' },
      },
      silent: [
        {
          name: 'fast answers',
          series: histogram('coredns_dns_request_duration_seconds_bucket', { job: 'coredns' }, [Speed.FAST, 40]),
          at: 30,
        },
      ],
    },
    IngressErrorRatioHigh: {
      fires: {
        series: requests(
          'istio_requests_total',
          { ...edgeReports, ...route },
          ...errorBurst(100),
          { response_code: '503' },
          { response_code: '200' },
        ),
        onset: 11,
        labels: route,
      },
      silent: [
        {
          name: '1% errors',
          series: requests(
            'istio_requests_total',
            { ...edgeReports, ...route },
            ...errorBurst(1),
            { response_code: '503' },
            { response_code: '200' },
          ),
          at: 30,
        },
        {
          name: 'errors the backend reports itself, not the gateway',
          series: requests(
            'istio_requests_total',
            { reporter: 'destination', source_workload_namespace: 'gateway', ...route },
            ...errorBurst(100),
            { response_code: '503' },
            { response_code: '200' },
          ),
          at: 30,
        },
      ],
    },
    DeploymentReplicasMismatch: {
      fires: {
        series: deployment(service, gauge([8, 10], [6, 30])),
        onset: 11,
        labels: { namespace: ns, deployment: service },
      },
      silent: [
        { name: 'all replicas available', series: deployment(service, gauge([8, 40])), at: 30 },
        {
          name: 'another deployment short of replicas',
          series: deployment('payment-api', gauge([8, 10], [6, 30])),
          at: 30,
        },
      ],
    },
    HpaMaxedOutLatencyRising: {
      fires: {
        series: hpaSeries(gauge([20, 40], [50, 40]), latency([Speed.FAST, 40], [Speed.SLOW, 40])),
        onset: 41,
        labels: hpa,
      },
      silent: [
        {
          name: 'at the maximum with steady latency',
          series: hpaSeries(gauge([50, 80]), latency([Speed.FAST, 80])),
          at: 60,
        },
        {
          name: 'latency rising with room to scale',
          series: hpaSeries(gauge([20, 80]), latency([Speed.FAST, 40], [Speed.SLOW, 40])),
          at: 60,
        },
      ],
    },
    PodCrashLooping: {
      fires: {
        series: crashLoop(pod, gauge([0, 10], [1, 30])),
        onset: 11,
        labels: { namespace: ns, pod, container: 'app', reason: 'CrashLoopBackOff' },
      },
      silent: [
        { name: 'running pod', series: crashLoop(pod, gauge([0, 40])), at: 30 },
        {
          name: `a crash loop in ${service}-worker, another deployment`,
          series: crashLoop(`${service}-worker-5c6d7f8b9-abcde`, gauge([1, 40])),
          at: 30,
        },
        {
          name: `a crash loop in the pod of Job ${service}-migrate`,
          series: crashLoop(`${service}-migrate-x7k2p`, gauge([1, 40])),
          at: 30,
        },
      ],
    },
    ServiceErrorRatioHigh: {
      fires: { series: httpRequests(...errorBurst(100)), onset: 11, labels: svc },
      silent: [{ name: '1% errors', series: httpRequests(...errorBurst(1)), at: 30 }],
    },
    ServiceLatencyP99High: {
      fires: { series: latency([Speed.FAST, 10], [Speed.SLOW, 30]), onset: 11, labels: svc },
      silent: [{ name: 'fast answers', series: latency([Speed.FAST, 40]), at: 30 }],
    },
    ErrorBudgetBurnFast: {
      fires: { series: fastBurn, onset: 61, labels: svc },
      silent: [
        { name: 'slow burn (4x budget)', series: slowBurn, at: 10 * 60 },
        { name: 'within budget', series: withinBudget, at: 10 * 60 },
      ],
    },
    ErrorBudgetBurnSlow: {
      fires: { series: slowBurn, checks: { silentAt: 7 * 60, firingAt: 10 * 60 }, labels: svc },
      silent: [{ name: 'within budget', series: withinBudget, at: 10 * 60 }],
    },
    EtcdBackupTooOld: {
      fires: { series: backupCronJob(ns, service, 0, [[240, BACKUP_SCENARIO_MINUTES]]), onset: 1565, labels: backup },
      alsoFires: [
        {
          name: 'never a success since the CronJob was created',
          series: backupCronJob(ns, service, 240),
          onset: 1565,
          labels: backup,
        },
      ],
      silent: [
        {
          name: 'a success within the last 26h',
          series: backupCronJob(ns, service, 0, [
            [240, 1440],
            [86640, BACKUP_SCENARIO_MINUTES - 1440],
          ]),
          at: 1600,
        },
        { name: 'created less than 26h ago, no success yet', series: backupCronJob(ns, service, 50000), at: 1600 },
        {
          name: 'a stale success of another CronJob',
          series: backupCronJob(ns, 'nightly-report', 0, [[240, BACKUP_SCENARIO_MINUTES]]),
          at: 1600,
        },
      ],
    },
    EtcdRestoreDrillFailed: {
      fires: {
        series: drillJob(drill, gauge([0, 10], [1, 30])),
        onset: 11,
        labels: { namespace: ns, job_name: drill },
      },
      silent: [
        { name: 'the drill Job succeeded', series: drillJob(drill, gauge([0, 40])), at: 30 },
        {
          name: 'a first attempt failed and the retry passed',
          series: {
            ...drillJob(drill, gauge([0, 40])),
            [s('kube_job_status_failed', { namespace: ns, job_name: drill })]: gauge([0, 10], [1, 30]),
          },
          at: 30,
        },
        {
          name: 'a failed backup Job is not a drill',
          series: drillJob(`${service}-29100000`, gauge([0, 10], [1, 30])),
          at: 30,
        },
      ],
    },
    OrderSuccessRateDrop: kpi(ns, 'orders_created_total', 'orders_completed_total', 99, 50, '3 orders a minute'),
    PaymentConversionDrop: kpi(ns, 'payments_started_total', 'payments_succeeded_total', 95, 20, '3 payments a minute'),
  };
}
