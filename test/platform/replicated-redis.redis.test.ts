import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fromYaml } from '../../lib';
import { findObject, ROOT } from '../support/manifests';
import { haveTool } from '../support/tools';
import { freePorts } from './etcd-backup-harness';

// These tests run the Redis and Sentinel scripts exactly as dist/production/redis.yaml ships them, with
// Debian's redis-server and redis-sentinel, mapping only the addresses and paths through the scripts'
// environment variables: three pods become three Redis and three Sentinel processes on loopback.
const PACKAGES = 'redis-server redis-sentinel';
const available = haveTool('redis-server', PACKAGES) && haveTool('redis-cli', 'redis-tools');
const describeWithRedis = available ? describe : describe.skip;
jest.setTimeout(180_000);

const PASSWORD = 'a "quoted" password with spaces';

/** The script of container `name` in the committed production StatefulSet. */
function scriptOf(name: string): string {
  const objects = fromYaml(fs.readFileSync(path.join(ROOT, 'dist/production/redis.yaml'), 'utf8'));
  const pod = findObject(objects, 'StatefulSet', 'redis').spec.template.spec;
  const container = [...pod.containers].find((c: any) => c.name === name);
  expect(container.args.slice(0, 2)).toEqual(['sh', '-c']);
  return container.args[2];
}

interface Instance {
  readonly port: number;
  readonly log: string;
  process?: ChildProcess;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeWithRedis('Redis with Sentinel from the shipped scripts, on real servers', () => {
  const serverScript = scriptOf('app');
  const sentinelScript = scriptOf('sentinel');
  let tmp: string;
  let servers: Instance[] = [];
  let sentinels: Instance[] = [];
  let env: Record<string, string>;
  const timings: Record<string, number> = {};
  const started: ChildProcess[] = [];

  const cli = (port: number, ...args: string[]): string => {
    const r = spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), '--raw', ...args], {
      encoding: 'utf8',
      env: { ...process.env, REDISCLI_AUTH: PASSWORD },
      timeout: 10_000,
    });
    return `${r.stdout}${r.stderr}`.trim();
  };
  /** `SET key v<n>` then `WAIT 1 1000` for each key, through one redis-cli: the replies, one per line. */
  const writeAndWait = (port: number, keys: readonly string[]): string[] => {
    const commands = keys.map((key) => `SET ${key} v${key.split(':')[1]}\nWAIT 1 1000\n`).join('');
    const r = spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), '--raw'], {
      input: commands,
      encoding: 'utf8',
      env: { ...process.env, REDISCLI_AUTH: PASSWORD },
      timeout: 30_000,
    });
    return r.stdout.trim().split('\n');
  };
  const until = async (what: string, check: () => boolean, ms = 60_000): Promise<number> => {
    const start = Date.now();
    while (!check()) {
      if (Date.now() - start > ms) throw new Error(`timed out after ${ms} ms waiting until ${what}`);
      await sleep(100);
    }
    return Date.now() - start;
  };
  const start = (instance: Instance, script: string, own: Record<string, string>): void => {
    const out = fs.openSync(instance.log, 'a');
    instance.process = started[started.length] = spawn('/bin/sh', ['-c', script], {
      env: { ...process.env, ...env, ...own },
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
  };
  const startServer = (i: number): void =>
    start(servers[i], serverScript, {
      REDIS_PORT: String(servers[i].port),
      REDIS_CONFIG: path.join(tmp, `redis-${i}.conf`),
      REDIS_DATA_DIR: fs.mkdtempSync(path.join(tmp, `data-${i}-`)),
    });
  const stop = async (instance: Instance, signal: NodeJS.Signals): Promise<void> => {
    const p = instance.process;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise((resolve) => p.once('exit', resolve));
    p.kill(signal);
    await exited;
  };
  const primaryPort = (sentinel: Instance): number =>
    Number(cli(sentinel.port, 'SENTINEL', 'get-master-addr-by-name', 'redis').split('\n')[1]);
  const role = (port: number): string => cli(port, 'ROLE').split('\n')[0];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'redis-sentinel-'));
    const ports = await freePorts(6);
    servers = ports.slice(0, 3).map((port, i) => ({ port, log: path.join(tmp, `redis-${i}.log`) }));
    sentinels = ports.slice(3).map((port, i) => ({ port, log: path.join(tmp, `sentinel-${i}.log`) }));
    fs.writeFileSync(path.join(tmp, 'password'), `${PASSWORD}\n`, { mode: 0o600 });
    env = {
      REDIS_PASSWORD_FILE: path.join(tmp, 'password'),
      REDIS_ANNOUNCE_HOST: '127.0.0.1',
      REDIS_SEED: `127.0.0.1:${servers[0].port}`,
      REDIS_SENTINELS: sentinels.map((s) => `127.0.0.1:${s.port}`).join(' '),
      TMPDIR: tmp,
    };
    const begin = Date.now();
    for (let i = 0; i < 3; i++) {
      startServer(i);
      await until(`redis-${i} answers`, () => cli(servers[i].port, 'PING') === 'PONG', 20_000);
    }
    sentinels.forEach((s, i) =>
      start(s, sentinelScript, {
        SENTINEL_PORT: String(s.port),
        SENTINEL_CONFIG: path.join(tmp, `sentinel-${i}.conf`),
      }),
    );
    await until('every Sentinel sees the primary, both replicas and the two other Sentinels', () =>
      sentinels.every((s) => {
        const info = cli(s.port, 'SENTINEL', 'master', 'redis').split('\n');
        const field = (k: string) => info[info.indexOf(k) + 1];
        return field('num-slaves') === '2' && field('num-other-sentinels') === '2';
      }),
    );
    // min-replicas-to-write 1: the primary takes writes once it counts a replica acknowledging in time.
    await until('the primary counts both replicas as good', () =>
      cli(servers[0].port, 'INFO', 'replication').includes('min_slaves_good_slaves:2'),
    );
    timings['start 3 servers and 3 Sentinels'] = Date.now() - begin;
  });

  afterAll(async () => {
    for (const p of started) await stop({ port: 0, log: '', process: p }, 'SIGKILL');
    process.stdout.write(`real Redis and Sentinel timings (ms): ${JSON.stringify(timings)}\n` + `logs in ${tmp}\n`);
  });

  test('the first pod starts as the primary and the others replicate it', () => {
    expect(role(servers[0].port)).toBe('master');
    expect(role(servers[1].port)).toBe('slave');
    expect(role(servers[2].port)).toBe('slave');
    expect(fs.readFileSync(servers[1].log, 'utf8')).toContain('no Sentinel knows a primary yet');
    expect(primaryPort(sentinels[0])).toBe(servers[0].port);
  });

  test('a write on the primary is read from a replica', async () => {
    expect(cli(servers[0].port, 'SET', 'greeting', 'hello')).toBe('OK');
    timings['replicate one key'] = await until(
      'the replica has the key',
      () => cli(servers[2].port, 'GET', 'greeting') === 'hello',
    );
    expect(cli(servers[1].port, 'SET', 'x', '1')).toContain('READONLY');
  });

  test('Sentinel promotes a replica when the primary stops, and no write acknowledged with WAIT is lost', async () => {
    // One client sends every write, each followed by WAIT for one replica's acknowledgement.
    const keys = Array.from({ length: 200 }, (_, i) => `order:${i}`);
    const replies = writeAndWait(servers[0].port, keys);
    const acknowledged = keys.filter((_, i) => replies[2 * i] === 'OK' && Number(replies[2 * i + 1]) >= 1);
    expect(acknowledged.length).toBe(200);
    await stop(servers[0], 'SIGKILL');
    timings['failover after the primary is killed'] = await until('every Sentinel names another primary', () =>
      sentinels.every((s) => [servers[1].port, servers[2].port].includes(primaryPort(s))),
    );
    const promoted = primaryPort(sentinels[0]);
    expect(role(promoted)).toBe('master');
    const lost = acknowledged.filter((key) => cli(promoted, 'GET', key) !== `v${key.split(':')[1]}`);
    expect(lost).toEqual([]);
    const other = [servers[1].port, servers[2].port].find((p) => p !== promoted)!;
    timings['the other replica follows the new primary'] = await until(
      'the remaining replica replicates the promoted one',
      () => cli(other, 'INFO', 'replication').includes(`master_port:${promoted}`),
    );
    await until('the new primary takes a write a replica acknowledges', () => {
      return cli(promoted, 'SET', 'after-failover', 'yes') === 'OK' && Number(cli(promoted, 'WAIT', '1', '1000')) >= 1;
    });
  });

  test('the old primary restarts as a replica of the promoted one, asking Sentinel', async () => {
    const promoted = primaryPort(sentinels[0]);
    startServer(0);
    timings['old primary rejoins as a replica'] = await until(
      'the old primary replicates the new one',
      () => role(servers[0].port) === 'slave' && cli(servers[0].port, 'GET', 'after-failover') === 'yes',
    );
    expect(fs.readFileSync(servers[0].log, 'utf8')).toContain(`Sentinel reports the primary at 127.0.0.1:${promoted}`);
  });

  test('a primary cut off from every replica refuses writes (min-replicas-to-write 1)', async () => {
    const promoted = primaryPort(sentinels[0]);
    for (const s of servers.filter((s) => s.port !== promoted)) await stop(s, 'SIGKILL');
    timings['a lone primary refuses writes'] = await until(
      'the primary counts no replica within min-replicas-max-lag',
      () => cli(promoted, 'SET', 'alone', '1').includes('NOREPLICAS'),
      30_000,
    );
  });
});
