import { Duration } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ExternalSecret } from '../../imports/externalsecret-external-secrets.io';
import { PrometheusRule } from '../../imports/prometheusrule-monitoring.coreos.com';
import { clusterScoped } from '../core/cluster-scoped';
import { isCidr, namespaceBaselinePolicies } from '../core/network';
import { fail, show } from '../core/errors';
import { assertPinnedImage, versionLabel } from '../core/image';
import { recommendedLabels, selectorLabels, WorkloadIdentity } from '../core/labels';
import { assertDnsLabel, assertDnsSubdomainName, assertLabelValue, MAX_CRONJOB_NAME } from '../core/names';
import { EXEMPTED_NAMESPACE_MODES, podSecurityLabels } from '../core/pod-security';
import { PriorityTier } from '../core/priority';
import { HOST_NETWORK_CHECKS, RUN_AS_ROOT_CHECKS } from '../core/peer-exemptions';
import { podSecurityExemption } from '../core/pod-security-exemption';
import { assertQuantity, ContainerResources, containerResources } from '../core/resources';
import { POLICY_SCOPE_LABELS } from '../core/policy-scope';
import { assertCronSchedule, assertTimeZone } from '../core/schedule';
import { restrictedContainerSecurityContext } from '../core/security';
import { RuleGroup } from '../observability/alert';
import { AlertRules, AlertRulesOptions } from '../observability/alert-rules';
import { etcdBackupAlertGroup } from './etcd-backup-alerts';
import { backupScript, restoreDrillScript, SCRIPT_SAFE_VALUE } from './etcd-backup-scripts';
import { RetainedStorageClass } from './retained-storage-class';
import { RemoteSecretRef, secretFiles } from '../secrets/secret-files';

/** Node label and taint key of control-plane nodes. */
export const CONTROL_PLANE_ROLE = 'node-role.kubernetes.io/control-plane';

/** Where the backup target is mounted in both containers (the guide's BACKUP_DIR). */
export const ETCD_BACKUP_MOUNT_PATH = '/data/backup/etcd';

/** Where the restore drill's scratch volume is mounted. */
export const ETCD_DRILL_SCRATCH_PATH = '/var/lib/etcd-restore-drill';

/** What the restore drill CronJob's name adds to the backup's. */
const DRILL_SUFFIX = '-restore-drill';

/** Options of a PersistentVolumeClaim backup target. */
export interface VolumeClaimTargetOptions {
  /** StorageClass of the claim; it must have `reclaimPolicy: Retain` so deleting the claim keeps the backups. */
  readonly storageClassName: string;
  /**
   * Capacity of the claim: room for the retention's snapshots (each about the etcd database size).
   * @default '20Gi'
   */
  readonly size?: string;
  /**
   * Create the StorageClass with this provisioner, `reclaimPolicy: Retain` and `WaitForFirstConsumer`.
   * @default - the StorageClass exists already
   */
  readonly provisioner?: string;
}

/** Where the snapshots are kept: `BackupTarget.hostPath('/data/backup/etcd')` or `BackupTarget.volumeClaim({...})`. */
export class BackupTarget {
  /** A directory on the control-plane node (created if missing). Snapshots stay on that node. */
  public static hostPath(path: string): BackupTarget {
    return new BackupTarget('hostPath', path, undefined);
  }

  /** A PersistentVolumeClaim on a StorageClass whose reclaim policy is Retain. */
  public static volumeClaim(options: VolumeClaimTargetOptions): BackupTarget {
    return new BackupTarget('volumeClaim', undefined, options);
  }

  private constructor(
    /** The kind of target. */
    public readonly kind: 'hostPath' | 'volumeClaim',
    /** The node directory, for host path targets. */
    public readonly path: string | undefined,
    /** The claim options, for volume claim targets. */
    public readonly claim: VolumeClaimTargetOptions | undefined,
  ) {}
}

/** The restore drill: a second CronJob that restores the newest snapshot and serves it. */
export interface RestoreDrillOptions {
  /**
   * Cron schedule (UTC unless timeZone is set).
   * @default '0 4 1 *\/3 *' (04:00 on the first day of every quarter)
   */
  readonly schedule?: string;
  /**
   * A key every good snapshot holds; the drill fails when the restored member lacks it.
   * @default '/registry/namespaces/kube-system'
   */
  readonly expectKey?: string;
  /**
   * CPU and memory of the drill; restoring and serving needs memory of about the database size.
   * @default - cpu 250m request / 1 limit, memory 1Gi request / 2Gi limit
   */
  readonly resources?: ContainerResources;
  /**
   * Size limit of the scratch volume the snapshot is restored into.
   * @default '8Gi' (etcd's largest recommended database)
   */
  readonly scratchSize?: string;
}

/** Alerts on the backup and the drill, rendered like every alert of the catalogue (severity, layer, runbook). */
export interface EtcdBackupAlertsOptions extends Pick<AlertRulesOptions, 'runbookBaseUrl'> {
  /**
   * Age of the last successful backup above which `EtcdBackupTooOld` fires: the schedule's period plus slack.
   * @default Duration.hours(26) (a daily schedule plus two hours)
   */
  readonly maxBackupAge?: Duration;
}

/** Where the snapshots are copied off the node, with rclone. */
export interface BackupRemote {
  /**
   * rclone remote and path, e.g. `offsite:etcd-backups/prod-eu-1`, of a remote the configuration defines
   * (an S3 bucket, a GCS bucket, an SFTP server...). Retention applies there too.
   */
  readonly path: string;
  /**
   * The `rclone.conf` that defines the remote and its credentials, in the secret store: an ExternalSecret
   * fetches it and both jobs read it from `/etc/rclone/rclone.conf`.
   */
  readonly config: RemoteSecretRef;
  /**
   * The ClusterSecretStore holding the configuration.
   * @default 'platform-secrets'
   */
  readonly store?: string;
  /**
   * Networks the restore drill may reach the store at, over HTTPS (TCP 443); the backup runs on the
   * host network, which NetworkPolicies do not govern.
   * @default ['0.0.0.0/0'] (object stores answer from addresses that change)
   */
  readonly egressCidrs?: string[];
}

/** Where the rclone configuration is mounted in both jobs. */
export const RCLONE_CONFIG_DIR = '/etc/rclone';

/** Properties of an {@link EtcdBackup}. */
export interface EtcdBackupProps {
  /**
   * Pinned image with `sh`, `etcdctl` (and `etcdutl` on etcd 3.5+), `etcd` for the drill, and the usual
   * utilities (`date`, `find`, `touch`, `mv`, `ls`, `sort`, `grep`, `sed`). The upstream etcd images are
   * distroless and lack a shell; see docs/etcd-backup.md for a two-stage image.
   */
  readonly image: string;
  /**
   * Name of the backup CronJob; the drill is `<name>-restore-drill`.
   * @default 'etcd-backup'
   */
  readonly name?: string;
  /**
   * Scheduling priority of both jobs. A backup should not wait behind batch work, but it must not
   * preempt customer-facing pods either.
   * @default PriorityTier.ONLINE_STANDARD
   */
  readonly priority?: PriorityTier;
  /**
   * Namespace of every object. The construct creates it, labelled for the privileged Pod Security level,
   * so it must be a namespace of its own (never the chart's application namespace).
   * @default 'etcd-backup'
   */
  readonly namespace?: string;
  /**
   * Cron schedule of the backup.
   * @default '0 2 * * *' (daily at 02:00)
   */
  readonly schedule?: string;
  /**
   * Time zone of both schedules (CronJob `timeZone`).
   * @default 'Etc/UTC'
   */
  readonly timeZone?: string;
  /**
   * How long a snapshot is kept, in whole days; older ones are deleted after each successful backup.
   * @default Duration.days(7)
   */
  readonly retention?: Duration;
  /**
   * Client URL of the local etcd member; the pod uses the host network, so loopback reaches it.
   * @default 'https://127.0.0.1:2379'
   */
  readonly endpoint?: string;
  /**
   * Directory of the etcd PKI on the node, mounted read-only at the same path.
   * @default '/etc/kubernetes/pki/etcd'
   */
  readonly pkiDir?: string;
  /**
   * CA certificate, inside pkiDir.
   * @default - `<pkiDir>/ca.crt`
   */
  readonly caFile?: string;
  /**
   * Client certificate, inside pkiDir. kubeadm's `healthcheck-client` certificate has client usage
   * only and is what etcd's own health checks use.
   * @default - `<pkiDir>/healthcheck-client.crt`
   */
  readonly certFile?: string;
  /**
   * Key of the client certificate, inside pkiDir.
   * @default - `<pkiDir>/healthcheck-client.key`
   */
  readonly keyFile?: string;
  /**
   * A remote store each verified snapshot is copied to, where retention applies too and the drill
   * restores from, so losing the node does not lose the backups.
   * @default - snapshots stay on the target only
   */
  readonly remote?: BackupRemote;
  /**
   * Where the snapshots are kept.
   * @default BackupTarget.hostPath('/data/backup/etcd')
   */
  readonly target?: BackupTarget;
  /**
   * Pin the jobs to one control-plane node (its `kubernetes.io/hostname`), so a host path target
   * always holds every snapshot. A host path target without a `remote` needs it.
   * @default - any control-plane node
   */
  readonly nodeName?: string;
  /**
   * CPU and memory of the backup container.
   * @default - cpu 100m request / 500m limit, memory 128Mi request / 512Mi limit
   */
  readonly resources?: ContainerResources;
  /**
   * The restore drill, or `false` for none.
   * @default - a quarterly drill, see {@link RestoreDrillOptions}
   */
  readonly drill?: RestoreDrillOptions | false;
  /**
   * A PrometheusRule with the backup and drill alerts, or `false` for none.
   * @default - alerts with the defaults of {@link EtcdBackupAlertsOptions}
   */
  readonly alerts?: EtcdBackupAlertsOptions | false;
}

const DEFAULT_BACKUP_RESOURCES: ContainerResources = {
  cpu: { request: '100m', limit: '500m' },
  memory: { request: '128Mi', limit: '512Mi' },
};
const DEFAULT_DRILL_RESOURCES: ContainerResources = {
  cpu: { request: '250m', limit: '1' },
  memory: { request: '1Gi', limit: '2Gi' },
};

/** Why the pods cannot meet the restricted profile; written into the YAML. */
export const ETCD_BACKUP_EXEMPTION_REASON =
  'etcd backup and restore drill: the backup uses hostNetwork to reach etcd on 127.0.0.1 and mounts the ' +
  'etcd PKI from the node (hostPath, read-only); both run as root (uid 0) because the PKI keys and the ' +
  'snapshots are root-owned with mode 0600. Otherwise minimal: no privileged mode, all capabilities ' +
  'dropped, no privilege escalation, read-only root filesystem, seccomp RuntimeDefault.';

/**
 * Daily etcd snapshots with retention and a quarterly restore drill (guide 3.4), in their own namespace:
 * Namespace (privileged Pod Security level, with the exemption's reason), ServiceAccount without a
 * token, the backup CronJob on a control-plane node, the drill CronJob, an optional claim (and
 * StorageClass) for the snapshots, and a PrometheusRule alerting on stale backups and failed drills.
 */
export class EtcdBackup extends Construct {
  /** Name of the backup CronJob. */
  public readonly name: string;
  /** Namespace of every object. */
  public readonly namespace: string;
  /** The recommended labels' values of the backup. */
  public readonly identity: WorkloadIdentity;
  /** The backup script, exactly as the CronJob runs it. */
  public readonly backupScript: string;
  /** The restore drill script, when there is a drill. */
  public readonly drillScript?: string;
  /** The alert rule group, when alerts are on; plain data another alert catalogue can reuse. */
  public readonly alertGroup?: RuleGroup;
  /** The namespace object. */
  public readonly namespaceResource: k8s.KubeNamespace;
  /**
   * Denies all ingress and egress in the namespace but DNS: the restore drill, holding a copy of the
   * cluster's data, needs no network; the backup runs on the host network, which policies do not govern.
   */
  public readonly defaultDeny: k8s.KubeNetworkPolicy;
  /** Allows DNS to kube-system over UDP and TCP. */
  public readonly allowDns: k8s.KubeNetworkPolicy;
  /** Identity of the pods; no API token is mounted. */
  public readonly serviceAccount: k8s.KubeServiceAccount;
  /** The backup. */
  public readonly cronJob: k8s.KubeCronJob;
  /** The restore drill, when there is one. */
  public readonly drillCronJob?: k8s.KubeCronJob;
  /** The snapshot claim, for a volume claim target. */
  public readonly claim?: k8s.KubePersistentVolumeClaim;
  /** Fetches the rclone configuration, when there is a remote. */
  public readonly remoteConfig?: ExternalSecret;
  /** Lets the drill reach the remote store over HTTPS, when there is a remote. */
  public readonly drillRemoteEgress?: k8s.KubeNetworkPolicy;
  /** The Retain StorageClass, when the target asked for it to be created. */
  public readonly storageClass?: k8s.KubeStorageClass;
  /** The alert catalogue construct, when alerts are on. */
  public readonly alertRules?: AlertRules;
  /** The alerts' PrometheusRule (`alertRules.resource`), when they are on. */
  public readonly prometheusRule?: PrometheusRule;
  /** What both jobs' pods share. */
  private readonly sharedPod: SharedPodSettings;

  public constructor(scope: Construct, id: string, props: EtcdBackupProps) {
    super(scope, id);
    this.name = assertDnsLabel(this, 'name', props.name ?? 'etcd-backup');
    // Both jobs are CronJobs: the backup is named <name>, the drill <name>-restore-drill.
    const longest = props.drill === false ? this.name : `${this.name}${DRILL_SUFFIX}`;
    if (longest.length > MAX_CRONJOB_NAME) {
      fail(
        this,
        `name ${show(this.name)} has ${this.name.length} characters; at most ` +
          `${MAX_CRONJOB_NAME - (longest.length - this.name.length)} fit, because the CronJob ${longest === this.name ? '<name>' : `<name>${DRILL_SUFFIX}`} ` +
          `may have ${MAX_CRONJOB_NAME}; use a shorter name`,
      );
    }
    this.namespace = assertDnsLabel(this, 'namespace', props.namespace ?? 'etcd-backup');
    const image = assertPinnedImage(this, 'image', props.image);
    const schedule = assertCronSchedule(this, 'schedule', props.schedule ?? '0 2 * * *');
    const timeZone = assertTimeZone(this, 'timeZone', props.timeZone ?? 'Etc/UTC');
    const retention = props.retention ?? Duration.days(7);
    const retentionDays = retention.toMilliseconds() / 86_400_000;
    if (!Number.isInteger(retentionDays) || retentionDays < 1) {
      fail(
        this,
        `retention ${retention.toHumanString()} must be a whole number of days, at least 1; the guide keeps Duration.days(7)`,
      );
    }
    const endpoint = props.endpoint ?? 'https://127.0.0.1:2379';
    if (!/^https:\/\/[A-Za-z0-9.:[\]-]+$/.test(endpoint)) {
      fail(this, `endpoint ${show(endpoint)} is not an https URL of host and port; use e.g. "https://127.0.0.1:2379"`);
    }
    const pkiDir = this.safePath('pkiDir', props.pkiDir ?? '/etc/kubernetes/pki/etcd').replace(/\/+$/, '');
    const tlsFile = (prop: 'caFile' | 'certFile' | 'keyFile', file: string): string => {
      const path = this.safePath(prop, props[prop] ?? `${pkiDir}/${file}`);
      if (!path.startsWith(`${pkiDir}/`)) {
        fail(
          this,
          `${prop} ${show(path)} is outside pkiDir ${show(pkiDir)}, so the pod cannot see it; put it in ${pkiDir}/ or change pkiDir`,
        );
      }
      return path;
    };
    const target = props.target ?? BackupTarget.hostPath(ETCD_BACKUP_MOUNT_PATH);
    if (target.kind === 'hostPath' && !props.remote && !props.nodeName) {
      fail(
        this,
        'snapshots on a host path would stay on whichever control-plane node ran the job, and the drill may run ' +
          'on another; set remote to copy them off the node, or nodeName to pin both jobs to one node, or use ' +
          'BackupTarget.volumeClaim',
      );
    }
    this.identity = {
      name: this.name,
      instance: this.name,
      version: versionLabel(this, 'image', image),
      component: 'backup',
      partOf: 'etcd',
    };
    const metadata = (name: string, component = 'backup', annotations?: Record<string, string>): k8s.ObjectMeta => ({
      name,
      namespace: this.namespace,
      labels: recommendedLabels({ ...this.identity, name, instance: name, component }),
      annotations,
    });
    const exemption = podSecurityExemption(this, ETCD_BACKUP_EXEMPTION_REASON, HOST_NETWORK_CHECKS, RUN_AS_ROOT_CHECKS);

    this.namespaceResource = clusterScoped(
      new k8s.KubeNamespace(this, 'Namespace', {
        metadata: {
          name: this.namespace,
          labels: {
            ...recommendedLabels(this.identity),
            // Under the platform's policies like any tenant; the pod-security one exempts it by name.
            ...POLICY_SCOPE_LABELS,
            // Enforce what the pods need; keep auditing and warning against restricted so the exemption stays visible.
            ...podSecurityLabels(EXEMPTED_NAMESPACE_MODES),
          },
          annotations: exemption,
        },
      }),
    );
    ({ defaultDeny: this.defaultDeny, allowDns: this.allowDns } = namespaceBaselinePolicies(this, metadata));
    this.serviceAccount = new k8s.KubeServiceAccount(this, 'ServiceAccount', {
      metadata: metadata(this.name),
      automountServiceAccountToken: false,
    });

    const storage = this.backupStorage(target, metadata);
    const backupVolume = storage.volume;
    this.claim = storage.claim;
    this.storageClass = storage.storageClass;
    const remote = props.remote && this.remoteAccess(props.remote, metadata);
    this.remoteConfig = remote?.externalSecret;
    this.backupScript = backupScript({
      endpoint,
      caFile: tlsFile('caFile', 'ca.crt'),
      certFile: tlsFile('certFile', 'healthcheck-client.crt'),
      keyFile: tlsFile('keyFile', 'healthcheck-client.key'),
      backupDir: ETCD_BACKUP_MOUNT_PATH,
      retentionDays,
      remote: remote?.path ?? '',
    });
    this.sharedPod = {
      image: props.image,
      priority: props.priority ?? PriorityTier.ONLINE_STANDARD,
      timeZone,
      exemption,
      nodeSelector: {
        [CONTROL_PLANE_ROLE]: '',
        ...(props.nodeName ? { 'kubernetes.io/hostname': assertLabelValue(this, 'nodeName', props.nodeName) } : {}),
      },
    };
    this.cronJob = new k8s.KubeCronJob(this, 'Resource', {
      metadata: metadata(this.name, 'backup', exemption),
      spec: this.cronJobSpec(
        this.name,
        'backup',
        { schedule, ...BACKUP_TIMING },
        {
          hostNetwork: true,
          volumes: [
            { name: 'etcd-pki', hostPath: { path: pkiDir, type: 'Directory' } },
            backupVolume,
            ...(remote?.volumes ?? []),
          ],
          container: {
            command: ['/bin/sh', '-c', this.backupScript],
            env: remote?.env,
            resources: containerResources(this, 'resources', props.resources ?? DEFAULT_BACKUP_RESOURCES),
            securityContext: rootWithoutCapabilities(),
            volumeMounts: [
              { name: 'etcd-pki', mountPath: pkiDir, readOnly: true },
              { name: backupVolume.name, mountPath: ETCD_BACKUP_MOUNT_PATH },
              ...(remote?.volumeMounts ?? []),
            ],
          },
        },
      ),
    });

    const drill = props.drill === false ? undefined : (props.drill ?? {});
    const drillName = `${this.name}${DRILL_SUFFIX}`;
    if (drill) {
      const expectKey = drill.expectKey ?? '/registry/namespaces/kube-system';
      if (!SCRIPT_SAFE_VALUE.test(expectKey)) {
        fail(
          this,
          `drill.expectKey ${show(expectKey)} has characters a shell would interpret; use a plain key such as "/registry/namespaces/kube-system"`,
        );
      }
      this.drillScript = restoreDrillScript({
        backupDir: ETCD_BACKUP_MOUNT_PATH,
        dataDir: `${ETCD_DRILL_SCRATCH_PATH}/restored`,
        clientUrl: 'http://127.0.0.1:2379',
        peerUrl: 'http://127.0.0.1:2380',
        expectKey,
        remote: remote?.path ?? '',
        retentionDays,
      });
      const scratchSize = drill.scratchSize ?? '8Gi';
      assertQuantity(this, 'drill.scratchSize', scratchSize, 'storage');
      const drillSchedule = assertCronSchedule(this, 'drill.schedule', drill.schedule ?? '0 4 1 */3 *');
      this.drillCronJob = new k8s.KubeCronJob(this, 'RestoreDrill', {
        metadata: metadata(drillName, 'restore-drill', exemption),
        spec: this.cronJobSpec(
          drillName,
          'restore-drill',
          { schedule: drillSchedule, ...DRILL_TIMING },
          {
            // Its own network namespace: the throwaway member's loopback ports cannot clash with the node's etcd.
            hostNetwork: false,
            volumes: [
              backupVolume,
              { name: 'scratch', emptyDir: { sizeLimit: k8s.Quantity.fromString(scratchSize) } },
              ...(remote?.volumes ?? []),
            ],
            container: {
              command: ['/bin/sh', '-c', this.drillScript],
              env: remote?.env,
              resources: containerResources(this, 'drill.resources', drill.resources ?? DEFAULT_DRILL_RESOURCES),
              securityContext: rootWithoutCapabilities(),
              volumeMounts: [
                { name: backupVolume.name, mountPath: ETCD_BACKUP_MOUNT_PATH, readOnly: true },
                { name: 'scratch', mountPath: ETCD_DRILL_SCRATCH_PATH },
                ...(remote?.volumeMounts ?? []),
              ],
            },
          },
        ),
      });
      if (remote) {
        this.drillRemoteEgress = new k8s.KubeNetworkPolicy(this, 'RestoreDrillRemoteEgress', {
          metadata: metadata(`${drillName}-remote`, 'restore-drill'),
          spec: {
            podSelector: {
              matchLabels: selectorLabels({ name: drillName, instance: drillName }),
            },
            policyTypes: ['Egress'],
            egress: [
              {
                to: remote.egressCidrs.map((cidr) => ({ ipBlock: { cidr } })),
                ports: [{ protocol: 'TCP', port: k8s.IntOrString.fromNumber(443) }],
              },
            ],
          },
        });
      }
    }

    if (props.alerts !== false) {
      const maxAge = props.alerts?.maxBackupAge ?? Duration.hours(26);
      if (!(maxAge.toMilliseconds() >= 3_600_000)) {
        fail(
          this,
          `alerts.maxBackupAge (${maxAge.toHumanString()}) is shorter than an hour; use the schedule's period plus slack, e.g. Duration.hours(26)`,
        );
      }
      this.alertGroup = etcdBackupAlertGroup({
        namespace: this.namespace,
        backupCronJob: this.name,
        drillCronJob: drill ? drillName : undefined,
        maxBackupAge: maxAge,
      });
      this.alertRules = new AlertRules(this, 'Alerts', {
        name: this.name,
        namespace: this.namespace,
        labels: recommendedLabels(this.identity),
        runbookBaseUrl: props.alerts?.runbookBaseUrl,
        groups: [this.alertGroup],
      });
      this.prometheusRule = this.alertRules.resource;
    }
  }

  /** The ExternalSecret of the rclone configuration and what both jobs need to use the remote. */
  private remoteAccess(remote: BackupRemote, metadata: (name: string) => k8s.ObjectMeta) {
    if (!/^[A-Za-z0-9_-]+:[A-Za-z0-9_./-]*$/.test(remote.path) || !SCRIPT_SAFE_VALUE.test(remote.path)) {
      fail(
        this,
        `remote.path ${show(remote.path)} is not an rclone remote path; use "<remote>:<bucket>/<folder>", e.g. "offsite:etcd-backups/prod-eu-1"`,
      );
    }
    const egressCidrs = remote.egressCidrs ?? ['0.0.0.0/0'];
    egressCidrs.forEach((cidr, i) => {
      if (!isCidr(cidr)) {
        fail(
          this,
          `remote.egressCidrs[${i}] ${show(cidr)} is not a CIDR block; use e.g. "203.0.113.0/24" or "0.0.0.0/0"`,
        );
      }
    });
    const parts = secretFiles(this, metadata, [
      {
        name: `${this.name}-rclone`,
        store: remote.store ?? 'platform-secrets',
        files: { 'rclone.conf': remote.config },
        mountPath: RCLONE_CONFIG_DIR,
      },
    ]);
    return {
      path: remote.path,
      egressCidrs,
      externalSecret: parts.externalSecrets[0],
      volumes: parts.volumes,
      volumeMounts: parts.volumeMounts,
      env: [{ name: 'RCLONE_CONFIG', value: `${RCLONE_CONFIG_DIR}/rclone.conf` }],
    };
  }

  /** A CronJob spec for a root job on a control-plane node, with the Job hygiene both jobs share. */
  private cronJobSpec(name: string, component: string, timing: JobTiming, pod: JobPod): k8s.CronJobSpec {
    const labels = recommendedLabels({ ...this.identity, name, instance: name, component });
    return {
      schedule: timing.schedule,
      timeZone: this.sharedPod.timeZone,
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: timing.startingDeadlineSeconds,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
      jobTemplate: {
        metadata: { labels },
        spec: {
          backoffLimit: timing.backoffLimit,
          activeDeadlineSeconds: timing.activeDeadlineSeconds,
          ttlSecondsAfterFinished: timing.ttlSecondsAfterFinished,
          template: {
            metadata: { labels, annotations: this.sharedPod.exemption },
            spec: {
              serviceAccountName: this.serviceAccount.name,
              automountServiceAccountToken: false,
              restartPolicy: 'Never',
              priorityClassName: this.sharedPod.priority.name,
              hostNetwork: pod.hostNetwork,
              nodeSelector: this.sharedPod.nodeSelector,
              tolerations: [{ key: CONTROL_PLANE_ROLE, operator: 'Exists', effect: 'NoSchedule' }],
              securityContext: {
                runAsUser: 0,
                runAsGroup: 0,
                runAsNonRoot: false,
                seccompProfile: { type: 'RuntimeDefault' },
              },
              volumes: pod.volumes,
              containers: [{ name, image: this.sharedPod.image, imagePullPolicy: 'IfNotPresent', ...pod.container }],
            },
          },
        },
      },
    };
  }

  /** Refuses a path that is not absolute or has characters a shell would interpret. */
  private safePath(prop: string, path: string): string {
    if (!path.startsWith('/') || !SCRIPT_SAFE_VALUE.test(path)) {
      fail(
        this,
        `${prop} ${show(path)} must be an absolute path of letters, digits and ./_-; use e.g. "/etc/kubernetes/pki/etcd"`,
      );
    }
    return path;
  }

  /** The volume the snapshots live on, with the claim (and StorageClass) a claim target needs. */
  private backupStorage(target: BackupTarget, metadata: (name: string) => k8s.ObjectMeta): BackupStorage {
    if (target.kind === 'hostPath') {
      const path = this.safePath('target.hostPath', target.path!);
      return { volume: { name: 'backup', hostPath: { path, type: 'DirectoryOrCreate' } } };
    }
    const options = target.claim!;
    const storageClassName = assertDnsSubdomainName(this, 'target.storageClassName', options.storageClassName);
    const storageClass = options.provisioner
      ? new RetainedStorageClass(this, 'StorageClass', {
          name: storageClassName,
          provisioner: options.provisioner,
          labels: metadata(storageClassName).labels,
        }).storageClass
      : undefined;
    const size = options.size ?? '20Gi';
    assertQuantity(this, 'target.size', size, 'storage');
    const claim = new k8s.KubePersistentVolumeClaim(this, 'Claim', {
      metadata: metadata(this.name),
      spec: {
        accessModes: ['ReadWriteOnce'],
        storageClassName,
        resources: { requests: { storage: k8s.Quantity.fromString(size) } },
      },
    });
    return { volume: { name: 'backup', persistentVolumeClaim: { claimName: claim.name } }, claim, storageClass };
  }
}

/** The snapshot volume and the objects behind it. */
interface BackupStorage {
  readonly volume: k8s.Volume;
  readonly claim?: k8s.KubePersistentVolumeClaim;
  readonly storageClass?: k8s.KubeStorageClass;
}

/** What the pods of both jobs share. */
interface SharedPodSettings {
  readonly priority: PriorityTier;
  readonly image: string;
  readonly timeZone: string;
  readonly exemption: Record<string, string>;
  readonly nodeSelector: Record<string, string>;
}

/** What differs between the backup and the drill pod. */
interface JobPod {
  readonly hostNetwork: boolean;
  readonly volumes: k8s.Volume[];
  readonly container: Omit<k8s.Container, 'name' | 'image'>;
}

/** The timing of one CronJob and its Jobs. */
interface JobTiming {
  readonly schedule: string;
  readonly startingDeadlineSeconds: number;
  readonly backoffLimit: number;
  readonly activeDeadlineSeconds: number;
  readonly ttlSecondsAfterFinished: number;
}

/** Backup: a missed start is retried for an hour, a run may take 15 minutes, failed Jobs stay 2 days. */
const BACKUP_TIMING = {
  startingDeadlineSeconds: 3600,
  backoffLimit: 2,
  activeDeadlineSeconds: 900,
  ttlSecondsAfterFinished: 172800,
};

/** Drill: a missed start is retried for 6 hours, a run may take an hour, Jobs stay 14 days (the alert reads them). */
const DRILL_TIMING = {
  startingDeadlineSeconds: 21600,
  backoffLimit: 1,
  activeDeadlineSeconds: 3600,
  ttlSecondsAfterFinished: 1209600,
};

/** The restricted container context, except that it runs as root to read root-owned 0600 files. */
function rootWithoutCapabilities(): k8s.SecurityContext {
  return { ...restrictedContainerSecurityContext(), runAsNonRoot: false, runAsUser: 0, runAsGroup: 0 };
}
