import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fromYaml } from '../../lib';
import { findObject, ROOT } from '../support/manifests';
import { haveTool } from '../support/tools';
import {
  EtcdMember,
  etcdctl,
  fileDated,
  freePorts,
  generatePki,
  runScript,
  snapshotName,
  startEtcd,
  stopEtcd,
  TestPki,
  waitHealthy,
  stopwatch,
} from './etcd-backup-harness';

// These tests run the scripts exactly as dist/production/etcd-backup.yaml ships them, against a real
// etcd with TLS, mapping only the paths and endpoints through the scripts' environment variables.
const PACKAGES = 'etcd-server etcd-client';
const available = haveTool('etcd', PACKAGES) && haveTool('etcdctl', PACKAGES) && haveTool('openssl', 'openssl');
const describeWithEtcd = available ? describe : describe.skip;
jest.setTimeout(180_000);

/** The shell script a CronJob of the committed production manifest runs. */
function scriptOf(cronJob: string): string {
  const objects = fromYaml(fs.readFileSync(path.join(ROOT, 'dist/production/etcd-backup.yaml'), 'utf8'));
  const command: string[] = findObject(objects, 'CronJob', cronJob).spec.jobTemplate.spec.template.spec.containers[0]
    .command;
  expect(command.slice(0, 2)).toEqual(['/bin/sh', '-c']);
  return command[2];
}

const KNOWN_KEYS: Record<string, string> = {
  '/registry/namespaces/kube-system': 'kube-system namespace',
  '/registry/configmaps/production/order-api-config': 'LOG_LEVEL=INFO',
  '/drill/month-end': 'written before the backup',
};

/** A temporary folder, a throwaway PKI, free ports and a TLS etcd on the first two holding KNOWN_KEYS. */
async function startEtcdWithKnownKeys(prefix: string, portCount: number) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const pki = generatePki(path.join(tmp, 'pki'));
  const ports = await freePorts(portCount);
  const live = startEtcd({ dataDir: path.join(tmp, 'live'), clientPort: ports[0], peerPort: ports[1], pki });
  await waitHealthy(live, pki);
  for (const [key, value] of Object.entries(KNOWN_KEYS)) {
    expect(etcdctl(live.clientUrl, pki, 'put', key, value).status).toBe(0);
  }
  return { tmp, pki, ports, live };
}

describeWithEtcd('the etcd backup and restore drill scripts against a real etcd', () => {
  const backup = scriptOf('etcd-backup');
  const drill = scriptOf('etcd-backup-restore-drill');
  let tmp: string;
  let pki: TestPki;
  let ports: number[];
  let live: EtcdMember | undefined;
  let restored: EtcdMember | undefined;
  let backupDir: string;
  const { timings, timed, report } = stopwatch();
  const backupEnv = (overrides: Record<string, string> = {}): Record<string, string> => ({
    BACKUP_ENDPOINT: `https://127.0.0.1:${ports[0]}`,
    BACKUP_CACERT: pki.ca,
    BACKUP_CERT: pki.cert,
    BACKUP_KEY: pki.key,
    BACKUP_DIR: backupDir,
    // These runs keep the snapshots on the node; the suite below covers the remote.
    BACKUP_REMOTE: '',
    // Failure cases need not wait the production preflight timeout (10s) on loopback.
    BACKUP_PREFLIGHT_TIMEOUT: '1s',
    ...overrides,
  });
  const files = (dir: string) => fs.readdirSync(dir).sort();

  beforeAll(async () => {
    const start = Date.now();
    ({ tmp, pki, ports, live } = await startEtcdWithKnownKeys('etcd-backup-test-', 6));
    backupDir = path.join(tmp, 'backups');
    fs.mkdirSync(backupDir);
    timings['start TLS etcd and write keys'] = Date.now() - start;
  });

  afterAll(async () => {
    await stopEtcd(restored);
    await stopEtcd(live);
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    process.stdout.write(report('etcd backup timings'));
  });

  test('the backup writes a verified snapshot-<UTC timestamp>.db and applies the 7-day retention', () => {
    fileDated(path.join(backupDir, 'snapshot-20000101T000000Z.db'), '8 days ago');
    fileDated(path.join(backupDir, 'snapshot-20000102T000000Z.db'), '6 days ago');
    const before = snapshotName(new Date(Math.floor(Date.now() / 1000) * 1000));
    const result = timed('backup', () => runScript(backup, backupEnv()));
    const after = snapshotName(new Date());
    expect(result.stderr).not.toContain('ERROR');
    expect(result.status).toBe(0);

    const snapshots = files(backupDir).filter((f) => !f.startsWith('snapshot-2000'));
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatch(/^snapshot-\d{8}T\d{6}Z\.db$/);
    expect(snapshots[0] >= before && snapshots[0] <= after).toBe(true);
    const status = etcdctl('', undefined, 'snapshot', 'status', path.join(backupDir, snapshots[0]), '--write-out=json');
    expect(status.status).toBe(0);
    expect(JSON.parse(status.stdout).totalKey).toBeGreaterThanOrEqual(Object.keys(KNOWN_KEYS).length);

    expect(files(backupDir)).toEqual(['snapshot-20000102T000000Z.db', snapshots[0]]);
    expect(result.stdout).toContain(`deleted ${backupDir}/snapshot-20000101T000000Z.db (older than the retention)`);
  });

  test('the restore drill restores the newest snapshot, serves it, and the restored member returns the known keys', async () => {
    // Written after the backup: the restored member must not have it.
    expect(etcdctl(live!.clientUrl, pki, 'put', '/drill/after-backup', 'not in the snapshot').status).toBe(0);
    const dataDir = path.join(tmp, 'drill', 'restored');
    fs.mkdirSync(path.dirname(dataDir));
    const result = timed('restore drill', () =>
      runScript(drill, {
        BACKUP_DIR: backupDir,
        BACKUP_REMOTE: '',
        DRILL_DATA_DIR: dataDir,
        DRILL_CLIENT_URL: `http://127.0.0.1:${ports[2]}`,
        DRILL_PEER_URL: `http://127.0.0.1:${ports[3]}`,
      }),
    );
    expect(result.stderr).not.toContain('ERROR');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /restore drill passed: .*snapshot-\d{8}T\d{6}Z\.db restored, served and holds \/registry\/namespaces\/kube-system \(\d+ keys\)/,
    );
    expect(fs.existsSync(path.join(dataDir, 'member', 'snap', 'db'))).toBe(true);

    const start = Date.now();
    restored = startEtcd({ dataDir, clientPort: ports[4], peerPort: ports[3], name: 'drill' });
    await waitHealthy(restored);
    for (const [key, value] of Object.entries(KNOWN_KEYS)) {
      expect(etcdctl(restored.clientUrl, undefined, 'get', key, '--print-value-only').stdout.trim()).toBe(value);
    }
    expect(etcdctl(restored.clientUrl, undefined, 'get', '/drill/after-backup', '--print-value-only').stdout).toBe('');
    timings['start restored member and read keys'] = Date.now() - start;
    await stopEtcd(restored);
  });

  test('retention is exact across midnight, a month end and a leap day (run replayed at 2024-03-01 00:30 UTC)', () => {
    const dir = path.join(tmp, 'replay');
    fs.mkdirSync(dir);
    fileDated(path.join(dir, 'snapshot-20240223T002900Z.db'), '2024-02-23 00:29:00 UTC'); // 7 days 1 minute old
    fileDated(path.join(dir, 'snapshot-20240223T003100Z.db'), '2024-02-23 00:31:00 UTC'); // 6 days 23:59 old
    fileDated(path.join(dir, 'snapshot-20240229T235900Z.db'), '2024-02-29 23:59:00 UTC'); // before midnight
    const now = String(Date.UTC(2024, 2, 1, 0, 30, 0) / 1000);
    const result = timed('replayed backup', () => runScript(backup, backupEnv({ BACKUP_DIR: dir, BACKUP_NOW: now })));
    expect(result.status).toBe(0);
    expect(files(dir)).toEqual([
      'snapshot-20240223T003100Z.db',
      'snapshot-20240229T235900Z.db',
      'snapshot-20240301T003000Z.db',
    ]);
  });

  test('a broken endpoint fails with a clear message and leaves no partial snapshot', () => {
    const dir = path.join(tmp, 'broken-endpoint');
    const result = timed('failing backup (broken endpoint)', () =>
      runScript(backup, backupEnv({ BACKUP_DIR: dir, BACKUP_ENDPOINT: `https://127.0.0.1:${ports[5]}` })),
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      `etcd-backup: ERROR: etcd at https://127.0.0.1:${ports[5]} is unreachable or refuses the client certificate ` +
        `(see etcdctl's output above); no snapshot was written`,
    );
    expect(files(dir)).toEqual([]);
  });

  test('a missing certificate fails before contacting etcd and writes nothing', () => {
    const dir = path.join(tmp, 'missing-cert');
    const missing = path.join(tmp, 'pki', 'missing.crt');
    const result = runScript(backup, backupEnv({ BACKUP_DIR: dir, BACKUP_CERT: missing }));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toBe(
      `etcd-backup: ERROR: cannot read TLS file ${missing}; check the etcd PKI mount and the certificate paths\n`,
    );
    expect(fs.existsSync(dir)).toBe(false);
  });

  test('a certificate from another CA is refused by etcd and leaves no partial snapshot', () => {
    const dir = path.join(tmp, 'wrong-ca');
    const other = generatePki(path.join(tmp, 'other-pki'));
    const result = runScript(backup, backupEnv({ BACKUP_DIR: dir, BACKUP_CERT: other.cert, BACKUP_KEY: other.key }));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      `etcd-backup: ERROR: etcd at https://127.0.0.1:${ports[0]} is unreachable or refuses the client certificate`,
    );
    expect(files(dir)).toEqual([]);
  });

  test('a snapshot that fails verification is discarded: no partial and no final file', () => {
    const dir = path.join(tmp, 'unverified');
    const shims = path.join(tmp, 'shims');
    fs.mkdirSync(shims, { recursive: true });
    // An etcdutl that rejects every snapshot stands in for a corrupt one; the script prefers etcdutl.
    fs.writeFileSync(path.join(shims, 'etcdutl'), '#!/bin/sh\necho "snapshot file has a bad checksum" >&2\nexit 1\n', {
      mode: 0o755,
    });
    const result = runScript(backup, backupEnv({ BACKUP_DIR: dir, PATH: `${shims}:${process.env.PATH}` }));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('etcd-backup: ERROR: snapshot status rejected the new snapshot; it was discarded');
    expect(files(dir)).toEqual([]);
  });

  test('a snapshot whose integrity hash fails a scratch restore is discarded: no partial and no final file', () => {
    const dir = path.join(tmp, 'bad-hash');
    const shims = path.join(tmp, 'hash-shims');
    fs.mkdirSync(shims, { recursive: true });
    // Status passes (as it does on a snapshot with a wrong hash); only the restore checks the hash.
    fs.writeFileSync(
      path.join(shims, 'etcdutl'),
      '#!/bin/sh\ncase "$2" in status) exec etcdctl "$@" ;; esac\necho "snapshot file integrity check failed" >&2\nexit 1\n',
      { mode: 0o755 },
    );
    const result = runScript(backup, backupEnv({ BACKUP_DIR: dir, PATH: `${shims}:${process.env.PATH}` }));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(
      'etcd-backup: ERROR: a scratch restore of the new snapshot failed its integrity check; it was discarded',
    );
    expect(files(dir)).toEqual([]);
  });

  test('the drill fails loudly when there is no snapshot or the newest one is corrupt', () => {
    const empty = path.join(tmp, 'no-snapshots');
    fs.mkdirSync(empty);
    const env = (dir: string) => ({
      BACKUP_DIR: dir,
      BACKUP_REMOTE: '',
      DRILL_DATA_DIR: path.join(tmp, `drill-${path.basename(dir)}`),
      DRILL_CLIENT_URL: `http://127.0.0.1:${ports[2]}`,
      DRILL_PEER_URL: `http://127.0.0.1:${ports[3]}`,
    });
    const none = runScript(drill, env(empty));
    expect(none.status).not.toBe(0);
    expect(none.stderr).toContain(
      `etcd-restore-drill: ERROR: no snapshot-*.db in ${empty}; the backup job has not produced a snapshot`,
    );

    const corrupt = path.join(tmp, 'corrupt');
    fs.mkdirSync(corrupt);
    fs.copyFileSync(path.join(backupDir, files(backupDir).at(-1)!), path.join(corrupt, 'snapshot-20240101T000000Z.db'));
    const newest = snapshotName(new Date());
    fs.writeFileSync(path.join(corrupt, newest), 'not a bolt database');
    const bad = runScript(drill, env(corrupt));
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain(`etcd-restore-drill: ERROR: snapshot status rejected ${corrupt}/${newest}`);
  });

  test('a snapshot named more than an hour ahead (a clock that ran ahead) fails the backup after it saved, and the drill', () => {
    const skewed = path.join(tmp, 'skewed');
    fs.mkdirSync(skewed);
    const ahead = snapshotName(new Date(Date.now() + 2 * 3_600_000));
    // Neither script reads it: both refuse it by its name.
    fs.writeFileSync(path.join(skewed, ahead), 'written by a node whose clock ran ahead');
    const saved = runScript(backup, backupEnv({ BACKUP_DIR: skewed }));
    expect(saved.status).not.toBe(0);
    expect(saved.stderr).toMatch(
      new RegExp(
        `etcd-backup: ERROR: snapshots named more than an hour after this run's time \\(\\d{8}T\\d{6}Z\\): ${skewed}/${ahead}\\. A clock ran ahead`,
      ),
    );
    // Today's snapshot was still saved and verified; only the skewed one is named.
    expect(files(skewed)).toHaveLength(2);
    expect(saved.stdout).toContain('verified (status and a scratch restore)');

    const drilled = runScript(drill, {
      BACKUP_DIR: skewed,
      BACKUP_REMOTE: '',
      DRILL_DATA_DIR: path.join(tmp, 'drill-skewed'),
      DRILL_CLIENT_URL: `http://127.0.0.1:${ports[2]}`,
      DRILL_PEER_URL: `http://127.0.0.1:${ports[3]}`,
    });
    expect(drilled.status).not.toBe(0);
    expect(drilled.stderr).toContain(`ERROR: snapshots named more than an hour after this run's time`);
    expect(drilled.stderr).toContain(`${skewed}/${ahead}.`);
    expect(fs.existsSync(path.join(tmp, 'drill-skewed'))).toBe(false);
  });
});

const describeWithRclone = available && haveTool('rclone', 'rclone') ? describe : describe.skip;

describeWithRclone('snapshots that leave the node: the scripts against a real etcd and a real rclone remote', () => {
  const backup = scriptOf('etcd-backup');
  const drill = scriptOf('etcd-backup-restore-drill');
  let tmp: string;
  let pki: TestPki;
  let ports: number[];
  let live: EtcdMember | undefined;
  let remoteRoot: string;
  let remote: string;
  const { timed, report } = stopwatch();
  const files = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);
  // An rclone remote on the local disk (rclone's `:local:` backend), with no configuration file.
  const rcloneEnv = { RCLONE_CONFIG: '/dev/null' };
  const backupEnv = (dir: string, overrides: Record<string, string> = {}) => ({
    ...rcloneEnv,
    BACKUP_ENDPOINT: `https://127.0.0.1:${ports[0]}`,
    BACKUP_CACERT: pki.ca,
    BACKUP_CERT: pki.cert,
    BACKUP_KEY: pki.key,
    BACKUP_DIR: dir,
    BACKUP_REMOTE: remote,
    BACKUP_NODE: 'cp-1',
    BACKUP_PREFLIGHT_TIMEOUT: '1s',
    ...overrides,
  });
  const drillEnv = (name: string, overrides: Record<string, string> = {}) => ({
    ...rcloneEnv,
    BACKUP_DIR: path.join(tmp, `empty-${name}`),
    BACKUP_REMOTE: remote,
    DRILL_DATA_DIR: path.join(tmp, `drill-${name}`, 'restored'),
    DRILL_CLIENT_URL: `http://127.0.0.1:${ports[2]}`,
    DRILL_PEER_URL: `http://127.0.0.1:${ports[3]}`,
    ...overrides,
  });

  beforeAll(async () => {
    ({ tmp, pki, ports, live } = await startEtcdWithKnownKeys('etcd-backup-remote-test-', 4));
    remoteRoot = path.join(tmp, 'offsite');
    remote = `:local:${remoteRoot}`;
  });

  afterAll(async () => {
    await stopEtcd(live);
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    process.stdout.write(report('etcd remote backup timings'));
  });

  test('the backup copies the verified snapshot to the node’s folder and applies the retention there', () => {
    const own = path.join(remoteRoot, 'cp-1');
    const other = path.join(remoteRoot, 'cp-2');
    fs.mkdirSync(own, { recursive: true });
    fs.mkdirSync(other, { recursive: true });
    const recent = snapshotName(new Date(Date.now() - 86_400_000));
    for (const f of ['snapshot-20000101T000000Z.db', recent]) fs.writeFileSync(path.join(own, f), 'older');
    fs.writeFileSync(path.join(other, 'snapshot-20000101T000000Z.db'), 'another node’s, its own job keeps it');
    const dir = path.join(tmp, 'backups');
    const result = timed('backup with remote copy', () => runScript(backup, backupEnv(dir)));
    expect(result.stderr).not.toContain('ERROR');
    expect(result.status).toBe(0);
    const [name] = files(dir);
    expect(name).toMatch(/^snapshot-\d{8}T\d{6}Z\.db$/);
    expect(files(own)).toEqual([recent, name].sort());
    expect(fs.readFileSync(path.join(own, name))).toEqual(fs.readFileSync(path.join(dir, name)));
    expect(files(other)).toEqual(['snapshot-20000101T000000Z.db']);
    expect(result.stdout).toContain(`deleted ${remote}/cp-1/snapshot-20000101T000000Z.db (older than the retention)`);
    expect(result.stdout).toContain('verified (status and a scratch restore)');
  });

  test('the drill restores the newest snapshot of every node’s folder from the remote, not from the node', () => {
    const own = path.join(remoteRoot, 'cp-1');
    const newest = files(own).at(-1)!;
    // Another cluster's node: its newest snapshot (a copy, named later) is drilled too.
    const cp2 = snapshotName(new Date(Date.now() + 60_000));
    fs.copyFileSync(path.join(own, newest), path.join(remoteRoot, 'cp-2', cp2));
    // A node that left: its newest snapshot is older than the retention, so it is skipped, not restored.
    fs.mkdirSync(path.join(remoteRoot, 'cp-gone'));
    fs.writeFileSync(path.join(remoteRoot, 'cp-gone', 'snapshot-20000101T000000Z.db'), 'not a snapshot');
    const env = drillEnv('remote');
    const result = timed('restore drill from remote, two node folders', () => runScript(drill, env));
    expect(result.stderr).not.toContain('ERROR');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`downloading ${remote}/cp-1/${newest}`);
    expect(result.stdout).toContain(`downloading ${remote}/cp-2/${cp2}`);
    expect(result.stdout).toContain(
      `skipping ${remote}/cp-gone: its newest snapshot snapshot-20000101T000000Z.db is older than the retention (a node that left)`,
    );
    expect(result.stdout.match(/restore drill passed: .* restored, served and holds/g)).toHaveLength(2);
    expect(result.stdout).toContain(`restore drill passed for 2 node folder(s) of ${remote}`);
  });

  test('the drill fails, naming the snapshot, when the newest snapshot of one node folder is corrupt', () => {
    const broken = path.join(tmp, 'broken-offsite');
    fs.mkdirSync(path.join(broken, 'cp-1'), { recursive: true });
    const name = snapshotName(new Date());
    fs.writeFileSync(path.join(broken, 'cp-1', name), 'not a bolt database');
    const result = runScript(drill, drillEnv('broken', { BACKUP_REMOTE: `:local:${broken}` }));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('etcd-restore-drill: ERROR: snapshot status rejected');
    expect(result.stderr).toContain(`cp-1-${name}`);
  });

  test('the drill refuses a remote whose node folder holds a snapshot named more than an hour ahead, naming it', () => {
    const skewed = path.join(tmp, 'skewed-offsite');
    const ahead = snapshotName(new Date(Date.now() + 2 * 3_600_000));
    fs.mkdirSync(path.join(skewed, 'cp-9'), { recursive: true });
    fs.writeFileSync(path.join(skewed, 'cp-9', ahead), 'written by a node whose clock ran ahead');
    const result = runScript(drill, drillEnv('skewed', { BACKUP_REMOTE: `:local:${skewed}` }));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`ERROR: snapshots named more than an hour after this run's time`);
    expect(result.stderr).toContain(`:local:${skewed}/cp-9/${ahead}.`);
    expect(result.stdout).not.toContain('downloading');
  });

  test('a failed upload fails the job, keeps the local snapshot and skips the local retention', () => {
    const dir = path.join(tmp, 'upload-fails');
    fs.mkdirSync(dir);
    fileDated(path.join(dir, 'snapshot-20000101T000000Z.db'), '30 days ago');
    const result = timed('failing upload', () =>
      runScript(backup, backupEnv(dir, { BACKUP_REMOTE: 'nosuch:etcd-backups' })),
    );
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(
      /etcd-backup: ERROR: copying snapshot-\d{8}T\d{6}Z\.db to nosuch:etcd-backups\/cp-1 failed \(see rclone's output above\); the local snapshot is kept/,
    );
    expect(files(dir)).toHaveLength(2);
    expect(files(dir)[0]).toBe('snapshot-20000101T000000Z.db');
  });

  test.each([
    ['lsf', 'listing :local:', 'remote retention was not applied'],
    ['deletefile', 'deleting :local:', "see rclone's output above"],
  ])(
    'an rclone %s that fails after the copy fails the job, names the step and keeps the local snapshot',
    (command, step, rest) => {
      const dir = path.join(tmp, `remote-${command}-fails`);
      const remoteDir = path.join(tmp, `offsite-${command}`, 'cp-1');
      fs.mkdirSync(remoteDir, { recursive: true });
      // An old remote snapshot, so the retention has something to delete.
      fs.writeFileSync(path.join(remoteDir, 'snapshot-20000101T000000Z.db'), 'older');
      fs.mkdirSync(dir, { recursive: true });
      fileDated(path.join(dir, 'snapshot-20000101T000000Z.db'), '30 days ago');
      // rclone itself, except that one subcommand fails as a remote outage would.
      const shims = path.join(tmp, `rclone-${command}-shim`);
      fs.mkdirSync(shims, { recursive: true });
      const real = spawnSync('sh', ['-c', 'command -v rclone'], { encoding: 'utf8' }).stdout.trim();
      fs.writeFileSync(
        path.join(shims, 'rclone'),
        `#!/bin/sh\nif [ "$1" = "${command}" ]; then echo "remote unavailable" >&2; exit 1; fi\nexec ${real} "$@"\n`,
        { mode: 0o755 },
      );
      const result = runScript(
        backup,
        backupEnv(dir, {
          BACKUP_REMOTE: `:local:${path.dirname(remoteDir)}`,
          PATH: `${shims}:${process.env.PATH}`,
        }),
      );
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain(`etcd-backup: ERROR: ${step}`);
      expect(result.stderr).toContain(rest);
      // Today's snapshot reached the remote and stays on the node; the node's retention did not run.
      expect(files(dir)).toHaveLength(2);
      expect(files(remoteDir).some((f) => f !== 'snapshot-20000101T000000Z.db')).toBe(true);
    },
  );

  test('a node name that is not one is refused before anything is copied', () => {
    const dir = path.join(tmp, 'bad-node');
    const result = runScript(backup, backupEnv(dir, { BACKUP_NODE: '../escape' }));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('etcd-backup: ERROR: BACKUP_NODE "../escape" is not a node name');
  });

  test('the drill fails loudly when the remote holds no snapshot or cannot be listed', () => {
    const empty = `:local:${path.join(tmp, 'empty-offsite')}`;
    fs.mkdirSync(path.join(tmp, 'empty-offsite'));
    const none = runScript(drill, drillEnv('empty', { BACKUP_REMOTE: empty }));
    expect(none.status).not.toBe(0);
    expect(none.stderr).toContain(
      `etcd-restore-drill: ERROR: no snapshot-*.db within the retention in ${empty}; the backup job has not produced a snapshot`,
    );

    const unlisted = runScript(drill, drillEnv('unlisted', { BACKUP_REMOTE: 'nosuch:etcd-backups' }));
    expect(unlisted.status).not.toBe(0);
    expect(unlisted.stderr).toContain(
      "etcd-restore-drill: ERROR: listing nosuch:etcd-backups failed (see rclone's output above)",
    );
  });
});
