/** Where the Redis servers and Sentinels of a {@link ReplicatedRedis} find each other. */
export interface RedisTopology {
  /** The name Sentinel monitors the primary under, and clients ask for (`SENTINEL get-master-addr-by-name`). */
  readonly primaryName: string;
  /** The DNS suffix of each pod behind the headless Service: `<pod>.<serviceDomain>`. */
  readonly serviceDomain: string;
  /** The pod names, in ordinal order; the first is the primary on the very first start. */
  readonly pods: readonly string[];
  /** The Redis port. */
  readonly port: number;
  /** The Sentinel port. */
  readonly sentinelPort: number;
  /** Sentinels that must agree that the primary is down before a failover. */
  readonly quorum: number;
  /** Milliseconds without a valid reply after which a Sentinel considers an instance down. */
  readonly downAfterMilliseconds: number;
  /** The file holding the password of both Redis and Sentinel. */
  readonly passwordFile: string;
  /** Where Redis keeps its append-only file and snapshots. */
  readonly dataDir: string;
}

/**
 * Shell that sets `me` (this pod's address), `pass`, `primary_host` and `primary_port`: the primary as
 * any reachable Sentinel reports it, or the first pod when no Sentinel knows one yet (the very first
 * start). Asking Sentinel first is what keeps a restarted old primary from coming back as a second one.
 * Endpoints, paths and the port come from environment variables when set, so the same script runs
 * outside a pod (the tests map them to loopback).
 */
function discoverPrimary(t: RedisTopology): string {
  const sentinels = t.pods.map((p) => `${p}.${t.serviceDomain}:${t.sentinelPort}`).join(' ');
  return [
    'set -eu',
    `pass="$(cat "\${REDIS_PASSWORD_FILE:-${t.passwordFile}}")"`,
    '# the password as a double-quoted configuration string: backslashes and quotes escaped',
    'quoted="\\"$(printf \'%s\' "$pass" | sed \'s/[\\\\"]/\\\\&/g\')\\""',
    `me="\${REDIS_ANNOUNCE_HOST:-$(hostname).${t.serviceDomain}}"`,
    `seed="\${REDIS_SEED:-${t.pods[0]}.${t.serviceDomain}:${t.port}}"`,
    'primary_host=""',
    'primary_port=""',
    `for s in \${REDIS_SENTINELS:-${sentinels}}; do`,
    `  answer="$(REDISCLI_AUTH="$pass" timeout 5 redis-cli -h "\${s%:*}" -p "\${s##*:}" --raw SENTINEL get-master-addr-by-name ${t.primaryName} 2>/dev/null)" || continue`,
    '  primary_host="$(printf \'%s\\n\' "$answer" | sed -n 1p)"',
    '  primary_port="$(printf \'%s\\n\' "$answer" | sed -n 2p)"',
    '  if [ -n "$primary_host" ] && [ -n "$primary_port" ]; then break; fi',
    '  primary_host=""',
    'done',
    'if [ -z "$primary_host" ]; then',
    '  primary_host="${seed%:*}"',
    '  primary_port="${seed##*:}"',
    '  echo "no Sentinel knows a primary yet: starting from ${seed}"',
    'else',
    '  echo "Sentinel reports the primary at ${primary_host}:${primary_port}"',
    'fi',
  ].join('\n');
}

/**
 * The script of each Redis container: find the current primary through Sentinel, then run as that
 * primary or as its replica. `min-replicas-to-write 1` makes a primary cut off from every replica
 * refuse writes, so a partitioned old primary cannot take writes that the failover would discard.
 */
export function redisServerScript(t: RedisTopology): string {
  return [
    discoverPrimary(t),
    `port="\${REDIS_PORT:-${t.port}}"`,
    'conf="${REDIS_CONFIG:-/tmp/redis.conf}"',
    '{',
    '  echo "port ${port}"',
    '  echo "bind * -::*"',
    `  echo "dir \${REDIS_DATA_DIR:-${t.dataDir}}"`,
    '  echo "appendonly yes"',
    '  echo "appendfsync everysec"',
    '  echo "requirepass ${quoted}"',
    '  echo "masterauth ${quoted}"',
    '  echo "replica-announce-ip ${me}"',
    '  echo "replica-announce-port ${port}"',
    '  echo "min-replicas-to-write 1"',
    '  echo "min-replicas-max-lag 10"',
    '  # Replicas arrive one at a time (ordered pod start, Sentinel parallel-syncs 1): start each full',
    '  # sync at once instead of waiting 5 s for more replicas that cannot come.',
    '  echo "repl-diskless-sync-delay 0"',
    '  if [ "$primary_host" != "$me" ] || [ "$primary_port" != "$port" ]; then',
    '    echo "replicaof ${primary_host} ${primary_port}"',
    '  fi',
    '} > "$conf"',
    'exec redis-server "$conf"',
  ].join('\n');
}

/**
 * The script of each Sentinel container: monitor the current primary (found as the Redis container
 * finds it) with the quorum, announcing this pod's DNS name so Sentinels and clients reach each other
 * by stable names. Sentinel rewrites its configuration file, so it lives on the writable `/tmp`.
 */
export function redisSentinelScript(t: RedisTopology): string {
  const name = t.primaryName;
  return [
    discoverPrimary(t),
    `port="\${SENTINEL_PORT:-${t.sentinelPort}}"`,
    'conf="${SENTINEL_CONFIG:-/tmp/sentinel.conf}"',
    '{',
    '  echo "port ${port}"',
    '  echo "bind * -::*"',
    '  echo "dir ${TMPDIR:-/tmp}"',
    '  echo "requirepass ${quoted}"',
    '  echo "sentinel sentinel-pass ${quoted}"',
    '  echo "sentinel resolve-hostnames yes"',
    '  echo "sentinel announce-hostnames yes"',
    '  echo "sentinel announce-ip ${me}"',
    '  echo "sentinel announce-port ${port}"',
    `  echo "sentinel monitor ${name} \${primary_host} \${primary_port} ${t.quorum}"`,
    `  echo "sentinel auth-pass ${name} \${quoted}"`,
    `  echo "sentinel down-after-milliseconds ${name} ${t.downAfterMilliseconds}"`,
    `  echo "sentinel failover-timeout ${name} 60000"`,
    `  echo "sentinel parallel-syncs ${name} 1"`,
    '} > "$conf"',
    'exec redis-server "$conf" --sentinel',
  ].join('\n');
}
