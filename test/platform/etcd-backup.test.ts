import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Duration } from 'cdk8s';
import {
  BackupTarget,
  DEFAULT_RUNBOOK_BASE_URL,
  EtcdBackup,
  EtcdBackupProps,
  EXEMPTED_NAMESPACE_MODES,
  Manifest,
  POD_SECURITY_EXEMPTION_ANNOTATION,
  podSecurityLabels,
  toYaml,
} from '../../lib';
import { findObject, synthChart, validateManifests } from '../support/manifests';

const base: EtcdBackupProps = { image: 'registry.example.com/platform/etcd-tools:v3.5.16-1', nodeName: 'cp-1' };

function build(props: Partial<EtcdBackupProps> = {}): Manifest[] {
  return synthChart((chart) => new EtcdBackup(chart, 'etcd-backup', { ...base, ...props }), 'etcd-backup');
}

function construct(props: Partial<EtcdBackupProps>) {
  return () => build(props);
}

const podOf = (cronJob: any) => cronJob.spec.jobTemplate.spec.template.spec;

describe('EtcdBackup with the defaults', () => {
  const objects = build();
  const backup = findObject(objects, 'CronJob', 'etcd-backup');
  const drill = findObject(objects, 'CronJob', 'etcd-backup-restore-drill');
  const pod = podOf(backup);
  const container = pod.containers[0];
  const script: string = container.command[2];

  test('synthesizes the whole backup shape', () => {
    expect(objects).toMatchSnapshot();
  });

  test('creates its namespace, a token-less service account, both CronJobs and the alerts, all in etcd-backup', () => {
    expect(objects.map((o: any) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Namespace/etcd-backup',
      'NetworkPolicy/default-deny',
      'NetworkPolicy/allow-dns',
      'ServiceAccount/etcd-backup',
      'CronJob/etcd-backup',
      'CronJob/etcd-backup-restore-drill',
      'PrometheusRule/etcd-backup',
    ]);
    for (const o of objects.filter((o) => o.kind !== 'Namespace') as any[])
      expect(o.metadata.namespace).toBe('etcd-backup');
    expect((objects[0] as any).metadata.namespace).toBeUndefined();
    expect(findObject(objects, 'ServiceAccount', 'etcd-backup').automountServiceAccountToken).toBe(false);
  });

  test('labels the namespace privileged for enforcement, audits and warns as restricted, and says why in an annotation', () => {
    const ns = findObject(objects, 'Namespace', 'etcd-backup');
    expect(ns.metadata.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'privileged',
      'pod-security.kubernetes.io/warn': 'restricted',
      'pod-security.kubernetes.io/audit': 'restricted',
    });
    // The same modes as the namespace of any other exempted workload (a NodeAgent with host paths).
    expect(ns.metadata.labels).toMatchObject(podSecurityLabels(EXEMPTED_NAMESPACE_MODES));
    for (const o of [ns, backup, drill, backup.spec.jobTemplate.spec.template, drill.spec.jobTemplate.spec.template]) {
      expect(o.metadata.annotations[POD_SECURITY_EXEMPTION_ANNOTATION]).toMatch(
        /^etcd backup and restore drill: the backup uses hostNetwork .* run as root \(uid 0\) because the PKI keys and the snapshots are root-owned/,
      );
    }
  });

  test('backs up daily at 02:00 UTC and restores quarterly, never two runs at once', () => {
    expect(backup.spec).toMatchObject({ schedule: '0 2 * * *', timeZone: 'Etc/UTC', concurrencyPolicy: 'Forbid' });
    expect(drill.spec).toMatchObject({ schedule: '0 4 1 */3 *', timeZone: 'Etc/UTC', concurrencyPolicy: 'Forbid' });
  });

  test('bounds every run: starting deadline, retries, run time, clean-up and history', () => {
    expect(backup.spec).toMatchObject({
      startingDeadlineSeconds: 3600,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
    });
    expect(backup.spec.jobTemplate.spec).toMatchObject({
      backoffLimit: 2,
      activeDeadlineSeconds: 900,
      ttlSecondsAfterFinished: 172800,
    });
    expect(drill.spec.jobTemplate.spec).toMatchObject({
      backoffLimit: 1,
      activeDeadlineSeconds: 3600,
      ttlSecondsAfterFinished: 1209600,
    });
    expect(pod.restartPolicy).toBe('Never');
    expect(container.resources).toEqual({
      requests: { cpu: '100m', memory: '128Mi' },
      limits: { cpu: '500m', memory: '512Mi' },
    });
    expect(podOf(drill).containers[0].resources).toEqual({
      requests: { cpu: '250m', memory: '1Gi' },
      limits: { cpu: '1', memory: '2Gi' },
    });
  });

  test('runs on a control-plane node on the host network with the PKI read-only', () => {
    expect(pod.nodeSelector).toEqual({ 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/hostname': 'cp-1' });
    expect(pod.tolerations).toEqual([
      { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
    ]);
    expect(pod.hostNetwork).toBe(true);
    expect(pod.volumes).toEqual([
      { name: 'etcd-pki', hostPath: { path: '/etc/kubernetes/pki/etcd', type: 'Directory' } },
      { name: 'backup', hostPath: { path: '/data/backup/etcd', type: 'DirectoryOrCreate' } },
    ]);
    expect(container.volumeMounts).toEqual([
      { name: 'etcd-pki', mountPath: '/etc/kubernetes/pki/etcd', readOnly: true },
      { name: 'backup', mountPath: '/data/backup/etcd' },
    ]);
  });

  test('runs as root only to read root-owned files, with everything else locked down', () => {
    expect(pod.securityContext).toEqual({
      runAsUser: 0,
      runAsGroup: 0,
      runAsNonRoot: false,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    for (const c of [container, podOf(drill).containers[0]]) {
      expect(c.securityContext).toEqual({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        privileged: false,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
        runAsNonRoot: false,
        runAsUser: 0,
        runAsGroup: 0,
      });
    }
  });

  test('runs the generated script with the guide TLS paths and 7-day retention as defaults', () => {
    expect(container.command.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(script).toContain(': "${BACKUP_ENDPOINT:=https://127.0.0.1:2379}"');
    expect(script).toContain(': "${BACKUP_CACERT:=/etc/kubernetes/pki/etcd/ca.crt}"');
    expect(script).toContain(': "${BACKUP_CERT:=/etc/kubernetes/pki/etcd/healthcheck-client.crt}"');
    expect(script).toContain(': "${BACKUP_KEY:=/etc/kubernetes/pki/etcd/healthcheck-client.key}"');
    expect(script).toContain(': "${BACKUP_DIR:=/data/backup/etcd}"');
    expect(script).toContain(': "${BACKUP_RETENTION_DAYS:=7}"');
    expect(container.image).toBe('registry.example.com/platform/etcd-tools:v3.5.16-1');
  });

  test('restores in its own network namespace into a scratch volume, reading the backups read-only', () => {
    const drillPod = podOf(drill);
    expect(drillPod.hostNetwork).toBe(false);
    expect(drillPod.nodeSelector).toEqual(pod.nodeSelector);
    expect(drillPod.volumes).toEqual([
      { name: 'backup', hostPath: { path: '/data/backup/etcd', type: 'DirectoryOrCreate' } },
      { name: 'scratch', emptyDir: { sizeLimit: '8Gi' } },
    ]);
    expect(drillPod.containers[0].volumeMounts).toEqual([
      { name: 'backup', mountPath: '/data/backup/etcd', readOnly: true },
      { name: 'scratch', mountPath: '/var/lib/etcd-restore-drill' },
    ]);
    expect(drillPod.containers[0].command[2]).toContain(': "${DRILL_EXPECT_KEY:=/registry/namespaces/kube-system}"');
  });

  test('alerts through the catalogue: layer, severity and a runbook for the stale backup and the failed drill', () => {
    const rule = findObject(objects, 'PrometheusRule', 'etcd-backup');
    expect(rule.metadata.namespace).toBe('etcd-backup');
    const rules = rule.spec.groups[0].rules;
    expect(rules.map((r: any) => [r.alert, r.labels, r.for, r.annotations.runbook_url])).toEqual([
      [
        'EtcdBackupTooOld',
        { layer: 'cluster', severity: 'critical' },
        '15m',
        `${DEFAULT_RUNBOOK_BASE_URL}/EtcdBackupTooOld.md`,
      ],
      [
        'EtcdRestoreDrillFailed',
        { layer: 'cluster', severity: 'warning' },
        '5m',
        `${DEFAULT_RUNBOOK_BASE_URL}/EtcdRestoreDrillFailed.md`,
      ],
    ]);
    expect(rules[0].expr).toContain(
      'kube_cronjob_status_last_successful_time{namespace="etcd-backup",cronjob="etcd-backup"}) > 93600',
    );
    expect(rules[1].expr).toContain('job_name=~"etcd-backup-restore-drill-[0-9]+"');
  });
});

describe('EtcdBackup options', () => {
  test('bakes a custom endpoint, PKI, retention and schedule into the script and the CronJob', () => {
    const objects = build({
      schedule: '30 */12 * * *',
      retention: Duration.days(14),
      endpoint: 'https://10.0.0.5:2379',
      pkiDir: '/etc/etcd/pki/',
      certFile: '/etc/etcd/pki/healthcheck-client.crt',
      keyFile: '/etc/etcd/pki/healthcheck-client.key',
      alerts: { maxBackupAge: Duration.hours(14) },
    });
    const backup = findObject(objects, 'CronJob', 'etcd-backup');
    const script: string = podOf(backup).containers[0].command[2];
    expect(backup.spec.schedule).toBe('30 */12 * * *');
    expect(script).toContain(': "${BACKUP_ENDPOINT:=https://10.0.0.5:2379}"');
    expect(script).toContain(': "${BACKUP_CACERT:=/etc/etcd/pki/ca.crt}"');
    expect(script).toContain(': "${BACKUP_CERT:=/etc/etcd/pki/healthcheck-client.crt}"');
    expect(script).toContain(': "${BACKUP_RETENTION_DAYS:=14}"');
    expect(podOf(backup).volumes[0]).toEqual({
      name: 'etcd-pki',
      hostPath: { path: '/etc/etcd/pki', type: 'Directory' },
    });
    expect(findObject(objects, 'PrometheusRule', 'etcd-backup').spec.groups[0].rules[0].expr).toContain('> 50400');
  });

  test('keeps snapshots on a claim of a Retain StorageClass it can create', () => {
    const objects = build({
      target: BackupTarget.volumeClaim({
        storageClassName: 'etcd-backup-retain',
        size: '50Gi',
        provisioner: 'ebs.csi.aws.com',
      }),
    });
    const storageClass = findObject(objects, 'StorageClass', 'etcd-backup-retain');
    // A RetainedStorageClass, labelled as part of the backup.
    expect(storageClass).toMatchObject({
      provisioner: 'ebs.csi.aws.com',
      parameters: { type: 'gp3', fsType: 'ext4' },
      reclaimPolicy: 'Retain',
      allowVolumeExpansion: true,
      volumeBindingMode: 'WaitForFirstConsumer',
      metadata: { labels: { 'app.kubernetes.io/name': 'etcd-backup-retain', 'app.kubernetes.io/part-of': 'etcd' } },
    });
    expect(storageClass.metadata.namespace).toBeUndefined();
    expect(findObject(objects, 'PersistentVolumeClaim', 'etcd-backup').spec).toEqual({
      accessModes: ['ReadWriteOnce'],
      storageClassName: 'etcd-backup-retain',
      resources: { requests: { storage: '50Gi' } },
    });
    for (const name of ['etcd-backup', 'etcd-backup-restore-drill']) {
      expect(podOf(findObject(objects, 'CronJob', name)).volumes).toContainEqual({
        name: 'backup',
        persistentVolumeClaim: { claimName: 'etcd-backup' },
      });
    }
  });

  test('refers to an existing StorageClass without creating one', () => {
    const objects = build({ target: BackupTarget.volumeClaim({ storageClassName: 'retain-ssd' }) });
    expect(objects.filter((o) => o.kind === 'StorageClass')).toEqual([]);
    expect(findObject(objects, 'PersistentVolumeClaim', 'etcd-backup').spec.resources.requests.storage).toBe('20Gi');
  });

  test('pins both jobs to one control-plane node when nodeName is given', () => {
    const objects = build({ nodeName: 'cp-1' });
    for (const name of ['etcd-backup', 'etcd-backup-restore-drill']) {
      expect(podOf(findObject(objects, 'CronJob', name)).nodeSelector).toEqual({
        'node-role.kubernetes.io/control-plane': '',
        'kubernetes.io/hostname': 'cp-1',
      });
    }
  });

  test('leaves out the drill, and its alert, when drill is false', () => {
    const objects = build({ drill: false });
    expect(objects.filter((o) => o.kind === 'CronJob').map((o: any) => o.metadata.name)).toEqual(['etcd-backup']);
    expect(findObject(objects, 'PrometheusRule', 'etcd-backup').spec.groups[0].rules.map((r: any) => r.alert)).toEqual([
      'EtcdBackupTooOld',
    ]);
  });

  test('links the runbooks below runbookBaseUrl', () => {
    const objects = build({ alerts: { runbookBaseUrl: 'https://wiki.example.com/runbooks' } });
    expect(
      findObject(objects, 'PrometheusRule', 'etcd-backup').spec.groups[0].rules.map(
        (r: any) => r.annotations.runbook_url,
      ),
    ).toEqual([
      'https://wiki.example.com/runbooks/EtcdBackupTooOld.md',
      'https://wiki.example.com/runbooks/EtcdRestoreDrillFailed.md',
    ]);
  });

  test('leaves out the PrometheusRule when alerts is false', () => {
    expect(build({ alerts: false }).filter((o) => o.kind === 'PrometheusRule')).toEqual([]);
  });

  test('exposes the scripts and the alert group as data', () => {
    let backup: EtcdBackup | undefined;
    const objects = synthChart((chart) => {
      backup = new EtcdBackup(chart, 'etcd-backup', base);
    });
    expect(backup!.backupScript).toBe(podOf(findObject(objects, 'CronJob', 'etcd-backup')).containers[0].command[2]);
    expect(backup!.drillScript).toBe(
      podOf(findObject(objects, 'CronJob', 'etcd-backup-restore-drill')).containers[0].command[2],
    );
    expect(backup!.alertGroup!.alerts!.map((r) => r.alert)).toEqual(['EtcdBackupTooOld', 'EtcdRestoreDrillFailed']);
    expect(backup!.prometheusRule).toBe(backup!.alertRules!.resource);
  });

  test('is valid against the Kubernetes and CRD schemas with either target', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'etcd-backup-schema-'));
    fs.writeFileSync(path.join(dir, 'host-path.yaml'), toYaml(build()));
    fs.writeFileSync(
      path.join(dir, 'claim.yaml'),
      toYaml(
        build({
          target: BackupTarget.volumeClaim({ storageClassName: 'etcd-backup-retain', provisioner: 'ebs.csi.aws.com' }),
        }),
      ),
    );
    const report = validateManifests(dir);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(report.errors).toEqual([]);
    expect(report.unvalidated).toEqual([]);
    expect(report.checked).toBe(16);
  });
});

describe('EtcdBackup with a remote store', () => {
  const remote = { path: 'offsite:etcd-backups/production', config: { key: 'platform/etcd-backup/rclone.conf' } };
  const objects = build({ remote });
  const backupPod = podOf(findObject(objects, 'CronJob', 'etcd-backup'));
  const drillPod = podOf(findObject(objects, 'CronJob', 'etcd-backup-restore-drill'));

  test('bakes the remote into both scripts', () => {
    for (const pod of [backupPod, drillPod]) {
      expect(pod.containers[0].command[2]).toContain(': "${BACKUP_REMOTE=offsite:etcd-backups/production}"');
    }
  });

  test('fetches the rclone configuration from the platform store and mounts it read-only in both jobs', () => {
    expect(findObject(objects, 'ExternalSecret', 'etcd-backup-rclone').spec).toMatchObject({
      secretStoreRef: { kind: 'ClusterSecretStore', name: 'platform-secrets' },
      data: [{ secretKey: 'rclone.conf', remoteRef: { key: 'platform/etcd-backup/rclone.conf' } }],
    });
    for (const pod of [backupPod, drillPod]) {
      expect(pod.containers[0].env).toEqual([{ name: 'RCLONE_CONFIG', value: '/etc/rclone/rclone.conf' }]);
      expect(pod.containers[0].volumeMounts).toContainEqual({
        name: 'secret-etcd-backup-rclone',
        mountPath: '/etc/rclone',
        readOnly: true,
      });
    }
  });

  test('lets only the drill reach the store over HTTPS; the backup is on the host network', () => {
    expect(findObject(objects, 'NetworkPolicy', 'etcd-backup-restore-drill-remote').spec).toEqual({
      podSelector: {
        matchLabels: {
          'app.kubernetes.io/name': 'etcd-backup-restore-drill',
          'app.kubernetes.io/instance': 'etcd-backup-restore-drill',
        },
      },
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'TCP', port: 443 }] }],
    });
  });

  test('refuses a path that is not an rclone remote path, and a CIDR that is not one', () => {
    const at = '[etcd-backup/test/etcd-backup]';
    expect(construct({ remote: { ...remote, path: '/mnt/backups' } })).toThrow(
      `${at} remote.path "/mnt/backups" is not an rclone remote path; use "<remote>:<bucket>/<folder>", e.g. "offsite:etcd-backups/prod-eu-1"`,
    );
    expect(construct({ remote: { ...remote, path: 'offsite:$(rm -rf /)' } })).toThrow('is not an rclone remote path');
    expect(construct({ remote: { ...remote, egressCidrs: ['10.0.0.0/99'] } })).toThrow(
      `${at} remote.egressCidrs[0] "10.0.0.0/99" is not a CIDR block; use e.g. "203.0.113.0/24" or "0.0.0.0/0"`,
    );
  });
});

describe('EtcdBackup refuses bad input', () => {
  const at = '[etcd-backup/test/etcd-backup]';

  test('a latest or untagged image', () => {
    expect(construct({ image: 'registry.example.com/platform/etcd-tools:latest' })).toThrow(
      `${at} image "registry.example.com/platform/etcd-tools:latest" uses the mutable tag "latest"; pin a version such as registry.example.com/platform/etcd-tools:v1.2.3 or a digest`,
    );
    expect(construct({ image: 'registry.example.com/platform/etcd-tools' })).toThrow(
      `${at} image "registry.example.com/platform/etcd-tools" has no tag, so it means "latest"; pin a version such as registry.example.com/platform/etcd-tools:v1.2.3 or a digest`,
    );
  });

  test('a schedule that is not cron', () => {
    expect(construct({ schedule: 'daily' })).toThrow(
      `${at} schedule "daily" is not a cron schedule (has 1 fields); use five fields "minute hour day-of-month month day-of-week" such as "0 2 * * *", or a macro such as "@daily"`,
    );
    expect(construct({ schedule: '60 2 * * *' })).toThrow(
      `${at} schedule "60 2 * * *" is not a cron schedule (minute "60" is outside 0-59);`,
    );
    expect(construct({ drill: { schedule: '0 4 1 */0 *' } })).toThrow(
      `${at} drill.schedule "0 4 1 */0 *" is not a cron schedule (month step "/0" must be at least 1);`,
    );
  });

  test('a retention below one day or not whole', () => {
    expect(construct({ retention: Duration.hours(0) })).toThrow(
      `${at} retention 0 hours must be a whole number of days, at least 1; the guide keeps Duration.days(7)`,
    );
    expect(construct({ retention: Duration.hours(36) })).toThrow(
      `${at} retention 1 day 12 hours must be a whole number of days, at least 1`,
    );
  });

  test('an endpoint that is not https', () => {
    expect(construct({ endpoint: 'http://127.0.0.1:2379' })).toThrow(
      `${at} endpoint "http://127.0.0.1:2379" is not an https URL of host and port; use e.g. "https://127.0.0.1:2379"`,
    );
  });

  test('a certificate outside the mounted PKI directory', () => {
    expect(construct({ caFile: '/etc/ssl/ca.crt' })).toThrow(
      `${at} caFile "/etc/ssl/ca.crt" is outside pkiDir "/etc/kubernetes/pki/etcd", so the pod cannot see it; put it in /etc/kubernetes/pki/etcd/ or change pkiDir`,
    );
  });

  test('a relative path or one a shell would interpret', () => {
    expect(construct({ pkiDir: 'pki/etcd' })).toThrow(
      `${at} pkiDir "pki/etcd" must be an absolute path of letters, digits and ./_-; use e.g. "/etc/kubernetes/pki/etcd"`,
    );
    expect(construct({ target: BackupTarget.hostPath('/data/$(reboot)') })).toThrow(
      `${at} target.hostPath "/data/$(reboot)" must be an absolute path`,
    );
    expect(construct({ drill: { expectKey: '/registry/`id`' } })).toThrow(
      `${at} drill.expectKey "/registry/\`id\`" has characters a shell would interpret; use a plain key such as "/registry/namespaces/kube-system"`,
    );
  });

  test('a host path target that neither leaves the node nor is pinned to one', () => {
    expect(construct({ nodeName: undefined })).toThrow(
      `${at} snapshots on a host path would stay on whichever control-plane node ran the job, and the drill may run ` +
        'on another; set remote to copy them off the node, or nodeName to pin both jobs to one node, or use ' +
        'BackupTarget.volumeClaim',
    );
  });

  test('an alert threshold under an hour', () => {
    expect(construct({ alerts: { maxBackupAge: Duration.minutes(30) } })).toThrow(
      `${at} alerts.maxBackupAge (30 minutes) is shorter than an hour; use the schedule's period plus slack, e.g. Duration.hours(26)`,
    );
  });

  test('a runbook base URL that is not https', () => {
    expect(construct({ alerts: { runbookBaseUrl: 'http://wiki.example.com/runbooks/' } })).toThrow(
      `[etcd-backup/test/etcd-backup/Alerts] runbookBaseUrl "http://wiki.example.com/runbooks/" must be an https URL without a trailing slash`,
    );
  });

  test('a scratch size that is not a quantity', () => {
    expect(construct({ drill: { scratchSize: '8 gigs' } })).toThrow(
      `${at} drill.scratchSize "8 gigs" is not a Kubernetes quantity; use e.g. "10Gi"`,
    );
  });

  test('a negative scratch size and a claim size that is not a quantity', () => {
    expect(construct({ drill: { scratchSize: '-8Gi' } })).toThrow(
      `${at} drill.scratchSize "-8Gi" must be more than 0; use e.g. "10Gi"`,
    );
    expect(construct({ target: BackupTarget.volumeClaim({ storageClassName: 'gp3-retain', size: 'twenty' }) })).toThrow(
      `${at} target.size "twenty" is not a Kubernetes quantity; use e.g. "10Gi"`,
    );
  });

  test('drill resources whose request exceeds the limit', () => {
    expect(
      construct({
        drill: { resources: { cpu: { request: '2', limit: '1' }, memory: { request: '1Gi', limit: '1Gi' } } },
      }),
    ).toThrow(`${at} drill.resources.cpu.request "2" exceeds the limit "1"; raise the limit or lower the request`);
  });
});

describe('EtcdBackup in the language of the peer checkers', () => {
  test('its CronJobs carry the Polaris, kube-linter and kube-score exemptions of its reasoned exemption', () => {
    const objects = synthChart((chart) => new EtcdBackup(chart, 'etcd-backup', base), 'etcd-backup');
    const annotations = findObject(objects, 'CronJob', 'etcd-backup').metadata.annotations;
    const reason = annotations['cdk8s-production.io/pod-security-exemption'];
    expect(annotations).toMatchObject({
      'polaris.fairwinds.com/hostNetworkSet-exempt': 'true',
      'polaris.fairwinds.com/runAsRootAllowed-exempt': 'true',
      'ignore-check.kube-linter.io/host-network': reason,
      'ignore-check.kube-linter.io/run-as-non-root': reason,
      'kube-score/ignore': 'container-security-context-user-group-id',
    });
  });
});
