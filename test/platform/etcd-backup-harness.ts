import { ChildProcess, execFileSync, spawn, spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';

/** Paths of the throwaway PKI: a CA and one certificate for 127.0.0.1 usable as server and client. */
export interface TestPki {
  readonly ca: string;
  readonly cert: string;
  readonly key: string;
}

/** Generates a throwaway CA and a server/client certificate for 127.0.0.1 with openssl, in `dir`. */
export function generatePki(dir: string): TestPki {
  fs.mkdirSync(dir, { recursive: true });
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '2',
    '-subj',
    '/CN=etcd-backup-test-ca',
  );
  openssl('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
  fs.writeFileSync(
    path.join(dir, 'server.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\nkeyUsage=digitalSignature,keyEncipherment\n',
  );
  openssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.crt',
    '-days',
    '2',
    '-extfile',
    'server.ext',
  );
  for (const key of ['ca.key', 'server.key']) fs.chmodSync(path.join(dir, key), 0o600);
  return { ca: path.join(dir, 'ca.crt'), cert: path.join(dir, 'server.crt'), key: path.join(dir, 'server.key') };
}

/** `count` distinct free TCP ports on 127.0.0.1. */
export async function freePorts(count: number): Promise<number[]> {
  const servers: net.Server[] = [];
  const ports: number[] = [];
  for (let i = 0; i < count; i++) {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    ports.push((server.address() as net.AddressInfo).port);
  }
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/** A running etcd member started by a test. */
export interface EtcdMember {
  readonly process: ChildProcess;
  readonly clientUrl: string;
  readonly log: string;
}

/** Options of a test etcd member. */
export interface EtcdMemberOptions {
  readonly dataDir: string;
  readonly clientPort: number;
  readonly peerPort: number;
  /** Serve clients over TLS with this PKI and require client certificates. */
  readonly pki?: TestPki;
  /** Member name; must match the one a restored data directory was created with. */
  readonly name?: string;
}

/** Starts an etcd member on loopback (output to a log file, so a blocked test never stalls it). */
export function startEtcd(options: EtcdMemberOptions): EtcdMember {
  const scheme = options.pki ? 'https' : 'http';
  const clientUrl = `${scheme}://127.0.0.1:${options.clientPort}`;
  const peerUrl = `http://127.0.0.1:${options.peerPort}`;
  const name = options.name ?? 'default';
  const tls = options.pki
    ? [
        '--client-cert-auth',
        `--trusted-ca-file=${options.pki.ca}`,
        `--cert-file=${options.pki.cert}`,
        `--key-file=${options.pki.key}`,
      ]
    : [];
  const log = `${options.dataDir}.log`;
  const out = fs.openSync(log, 'a');
  const child = spawn(
    'etcd',
    [
      `--name=${name}`,
      `--data-dir=${options.dataDir}`,
      `--listen-client-urls=${clientUrl}`,
      `--advertise-client-urls=${clientUrl}`,
      `--listen-peer-urls=${peerUrl}`,
      `--initial-advertise-peer-urls=${peerUrl}`,
      `--initial-cluster=${name}=${peerUrl}`,
      ...tls,
    ],
    { stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  return { process: child, clientUrl, log };
}

/** Runs etcdctl against `member` (with the PKI when given) and returns its result. */
export function etcdctl(clientUrl: string, pki: TestPki | undefined, ...args: string[]): SpawnSyncReturns<string> {
  const tls = pki ? [`--cacert=${pki.ca}`, `--cert=${pki.cert}`, `--key=${pki.key}`] : [];
  return spawnSync('etcdctl', [`--endpoints=${clientUrl}`, ...tls, ...args], { encoding: 'utf8', timeout: 30_000 });
}

/** Waits until `member` answers `endpoint health`, failing with its log if it exits or never does. */
export async function waitHealthy(member: EtcdMember, pki?: TestPki, attempts = 100): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (member.process.exitCode !== null) {
      throw new Error(
        `etcd exited with ${member.process.exitCode}:\n${fs.readFileSync(member.log, 'utf8').slice(-2000)}`,
      );
    }
    if (etcdctl(member.clientUrl, pki, '--dial-timeout=1s', 'endpoint', 'health').status === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    `etcd at ${member.clientUrl} never became healthy:\n${fs.readFileSync(member.log, 'utf8').slice(-2000)}`,
  );
}

/** Stops `member` with SIGTERM, then SIGKILL if it lingers, and waits for it to exit. */
export async function stopEtcd(member: EtcdMember | undefined): Promise<void> {
  if (!member || member.process.exitCode !== null || member.process.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => member.process.once('exit', () => resolve()));
  member.process.kill('SIGTERM');
  const timer = setTimeout(() => member.process.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Runs `script` with `sh -c` and the given environment on top of this process's. */
export function runScript(script: string, env: Record<string, string>): SpawnSyncReturns<string> {
  return spawnSync('/bin/sh', ['-c', script], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 180_000,
    killSignal: 'SIGTERM',
  });
}

/** Creates a fake older snapshot whose modification time is `when`, in `touch -d` words ("8 days ago"). */
export function fileDated(file: string, when: string): void {
  fs.writeFileSync(file, 'an older snapshot\n');
  execFileSync('touch', ['-d', when, file]);
}

/** `snapshot-<UTC timestamp>.db` for `date`, as the backup script names it. */
export function snapshotName(date: Date): string {
  return `snapshot-${date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z')}.db`;
}

/** Named wall-clock timings of a suite: `timed` records a step, `report` renders them for the log. */
export function stopwatch(): {
  timings: Record<string, number>;
  timed: <T>(label: string, run: () => T) => T;
  report: (title: string) => string;
} {
  const timings: Record<string, number> = {};
  const timed = <T>(label: string, run: () => T): T => {
    const start = Date.now();
    try {
      return run();
    } finally {
      timings[label] = Date.now() - start;
    }
  };
  const report = (title: string) =>
    `${title} (ms): ${Object.entries(timings)
      .map(([k, v]) => `${k} ${v}`)
      .join('; ')}\n`;
  return { timings, timed, report };
}
