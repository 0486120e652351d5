/**
 * The shell scripts of the etcd backup and its restore drill (guide 3.4), generated from one source
 * so the CronJobs and the tests run the same text. Both are POSIX `sh`; every path and endpoint comes
 * from an environment variable whose default is the value the construct was given, so a test (or an
 * operator replaying a run by hand) only sets variables.
 *
 * The image must provide `sh`, `etcdctl` (and `etcdutl` where the etcd version has it), `etcd` for the
 * drill, `rclone` when snapshots leave the node, and the usual utilities (`date`, `find`, `touch`, `mv`,
 * `rm`, `ls`, `sort`, `tail`, `grep`, `sed`, `sync`).
 */

/** Values baked into the backup script as the defaults of its environment variables. */
export interface BackupScriptDefaults {
  /** `BACKUP_ENDPOINT`: client URL of the local etcd member, e.g. `https://127.0.0.1:2379`. */
  readonly endpoint: string;
  /** `BACKUP_CACERT`: CA bundle that signed the etcd server certificate. */
  readonly caFile: string;
  /** `BACKUP_CERT`: client certificate etcd accepts. */
  readonly certFile: string;
  /** `BACKUP_KEY`: key of `certFile`. */
  readonly keyFile: string;
  /** `BACKUP_DIR`: directory the snapshots are written to, as the container sees it. */
  readonly backupDir: string;
  /** `BACKUP_RETENTION_DAYS`: snapshots older than this many days are deleted after a good backup. */
  readonly retentionDays: number;
  /** `BACKUP_REMOTE`: rclone remote path each snapshot is copied to, e.g. `offsite:etcd/prod`; empty for none. */
  readonly remote: string;
}

/** Values baked into the restore drill script as the defaults of its environment variables. */
export interface RestoreDrillScriptDefaults {
  /** `BACKUP_DIR`: directory holding the snapshots, as the container sees it. */
  readonly backupDir: string;
  /** `DRILL_DATA_DIR`: fresh directory the newest snapshot is restored into. */
  readonly dataDir: string;
  /** `DRILL_CLIENT_URL`: where the drill's throwaway etcd serves clients, e.g. `http://127.0.0.1:2379`. */
  readonly clientUrl: string;
  /** `DRILL_PEER_URL`: the throwaway member's peer URL, e.g. `http://127.0.0.1:2380`. */
  readonly peerUrl: string;
  /** `DRILL_EXPECT_KEY`: a key every good snapshot holds, e.g. `/registry/namespaces/kube-system`. */
  readonly expectKey: string;
  /** `BACKUP_REMOTE`: rclone remote path the drill restores from; empty to restore from `backupDir`. */
  readonly remote: string;
  /** `BACKUP_RETENTION_DAYS`: a remote node folder whose newest snapshot is older is skipped (the node left). */
  readonly retentionDays: number;
}

/** Characters a value may have to be written into a script unquoted. */
export const SCRIPT_SAFE_VALUE = /^[A-Za-z0-9_./:@%+=,[\]-]+$/;

/** The file names of snapshots: `snapshot-<UTC timestamp>.db`, which sort in time order. */
const SNAPSHOT_NAME = '^snapshot-[0-9]{8}T[0-9]{6}Z[.]db$';

/** Shared helpers: logging, failing loudly, and the tool that reads snapshot files. */
function helpers(tag: string): string {
  return `log() { echo "${tag}: $*"; }
die() { echo "${tag}: ERROR: $*" >&2; exit 1; }
# etcd 3.5 moved offline snapshot commands to etcdutl and 3.6 removed them from etcdctl.
snapshot_tool() { if command -v etcdutl >/dev/null 2>&1; then echo etcdutl; else echo etcdctl; fi; }
require_count() {
  case "$2" in ''|*[!0-9]*) die "$1 \\"$2\\" is not a whole number" ;; esac
  [ "$2" -ge 1 ] || die "$1 is $2; it must be at least 1"
}
# Whether snapshot name $1 is older than BACKUP_RETENTION_DAYS counted back from $2 (seconds since the
# epoch): names sort in time order, so it sorts before the name a snapshot taken at that cutoff has.
older_than_retention() {
  cutoff_name="snapshot-$(date -u -d "@$(($2 - BACKUP_RETENTION_DAYS * 86400))" +%Y%m%dT%H%M%SZ).db"
  [ "$1" != "$cutoff_name" ] && [ "$(printf '%s\\n%s\\n' "$1" "$cutoff_name" | sort | head -n 1)" = "$1" ]
}
# Fails naming the snapshots of list $1 (one path per line, prefixed with $3) whose name is more than an
# hour after $2: a clock that ran ahead wrote them. The retention would never delete them, and they would
# pass for the newest snapshot, so the drill would restore them instead of the real newest one.
refuse_future_names() {
  ahead_name="snapshot-$(date -u -d "@$(($2 + 3600))" +%Y%m%dT%H%M%SZ).db"
  ahead=$(printf '%s\\n' "$1" | while read -r entry; do
    n=\${entry##*/}
    if [ -n "$n" ] && [ "$n" != "$ahead_name" ] && [ "$(printf '%s\\n%s\\n' "$n" "$ahead_name" | sort | tail -n 1)" = "$n" ]; then
      printf '%s ' "$3$entry"
    fi
  done)
  [ -z "$ahead" ] || die "snapshots named more than an hour after this run's time ($(date -u -d "@$2" +%Y%m%dT%H%M%SZ)): \${ahead% }. A clock ran ahead when they were written: the retention never deletes them and the drill would take them for the newest. Check the node's time synchronisation, then delete them"
}`;
}

/**
 * The backup: `etcdctl snapshot save` to a hidden temporary name, `snapshot status` on it and a scratch
 * restore (which checks the snapshot's integrity hash), then an atomic rename to
 * `snapshot-<UTC timestamp>.db` and an fsync of the file and the directory, so a file with the final name
 * was always verified and survives a crash; a failure leaves no partial file. With `BACKUP_REMOTE` the
 * snapshot is then copied off the node with rclone (which compares sizes and checksums), and remote
 * snapshots whose name is older than the retention are deleted. Only after that are local snapshots older
 * than the retention deleted, judged by modification time against a cutoff of exactly
 * `now - days * 86400` seconds, so midnight, month and year ends do not matter. `BACKUP_NOW` (seconds
 * since the epoch) replays a run at another time.
 */
export function backupScript(d: BackupScriptDefaults): string {
  return `#!/bin/sh
# etcd backup (guide 3.4). Generated by cdk8s-production from lib/platform/etcd-backup-scripts.ts.
set -eu
: "\${BACKUP_ENDPOINT:=${d.endpoint}}"
: "\${BACKUP_CACERT:=${d.caFile}}"
: "\${BACKUP_CERT:=${d.certFile}}"
: "\${BACKUP_KEY:=${d.keyFile}}"
: "\${BACKUP_DIR:=${d.backupDir}}"
: "\${BACKUP_RETENTION_DAYS:=${d.retentionDays}}"
: "\${BACKUP_REMOTE=${d.remote}}"
# The node's name (the pod shares the host's network and name): each node copies to a folder of its own,
# so the clusters and nodes of an environment never overwrite each other's snapshots.
: "\${BACKUP_NODE:=$(hostname)}"
: "\${BACKUP_NOW:=$(date -u +%s)}"
: "\${BACKUP_PREFLIGHT_TIMEOUT:=10s}"
${helpers('etcd-backup')}

require_count BACKUP_RETENTION_DAYS "$BACKUP_RETENTION_DAYS"
for file in "$BACKUP_CACERT" "$BACKUP_CERT" "$BACKUP_KEY"; do
  [ -r "$file" ] || die "cannot read TLS file $file; check the etcd PKI mount and the certificate paths"
done
mkdir -p "$BACKUP_DIR" || die "cannot create backup directory $BACKUP_DIR"
[ -w "$BACKUP_DIR" ] || die "backup directory $BACKUP_DIR is not writable"

stamp=$(date -u -d "@$BACKUP_NOW" +%Y%m%dT%H%M%SZ) || die "cannot format BACKUP_NOW=$BACKUP_NOW as a UTC timestamp"
name="snapshot-$stamp.db"
final="$BACKUP_DIR/$name"
partial="$BACKUP_DIR/.$name.partial"
cutoff="$BACKUP_DIR/.retention-cutoff"
scratch="$BACKUP_DIR/.restore-check"
[ ! -e "$final" ] || die "$final already exists; refusing to overwrite a verified snapshot"
trap 'rm -rf "$partial" "$partial.part" "$cutoff" "$scratch"' EXIT
trap 'exit 143' INT TERM
# A run killed before its cleanup (deadline, node loss) may have left a hidden partial file or scratch restore.
find "$BACKUP_DIR" -maxdepth 1 -type f -name '.snapshot-*.partial*' -exec rm -f {} +
rm -rf "$scratch"

etcd_client() { etcdctl --endpoints="$BACKUP_ENDPOINT" --cacert="$BACKUP_CACERT" --cert="$BACKUP_CERT" --key="$BACKUP_KEY" "$@"; }
# Fail fast: a snapshot save against a dead endpoint would retry until its (long) command timeout.
# endpoint status asks this member only, so it works (like the snapshot) even when the cluster lost quorum.
etcd_client --dial-timeout="$BACKUP_PREFLIGHT_TIMEOUT" --command-timeout="$BACKUP_PREFLIGHT_TIMEOUT" endpoint status \\
  || die "etcd at $BACKUP_ENDPOINT is unreachable or refuses the client certificate (see etcdctl's output above); no snapshot was written"
log "saving a snapshot of $BACKUP_ENDPOINT to $final"
etcd_client --dial-timeout=10s --command-timeout=10m snapshot save "$partial" \\
  || die "etcdctl snapshot save from $BACKUP_ENDPOINT failed (see its output above); no snapshot was written"
$(snapshot_tool) snapshot status "$partial" --write-out=table \\
  || die "snapshot status rejected the new snapshot; it was discarded"
# Only a restore checks the integrity hash the snapshot carries; restore into a scratch directory.
$(snapshot_tool) snapshot restore "$partial" --data-dir "$scratch" >/dev/null 2>&1 \\
  || die "a scratch restore of the new snapshot failed its integrity check; it was discarded"
rm -rf "$scratch"
mv "$partial" "$final" || die "cannot rename the verified snapshot to $final"
sync "$final" "$BACKUP_DIR" 2>/dev/null || sync
log "verified (status and a scratch restore) and saved $final"

if [ -n "$BACKUP_REMOTE" ]; then
  case "$BACKUP_NODE" in ''|*[!A-Za-z0-9.-]*) die "BACKUP_NODE \\"$BACKUP_NODE\\" is not a node name" ;; esac
  remote_dir="$BACKUP_REMOTE/$BACKUP_NODE"
  log "copying $name to $remote_dir"
  rclone copyto "$final" "$remote_dir/$name" \\
    || die "copying $name to $remote_dir failed (see rclone's output above); the local snapshot is kept"
  remote_list=$(rclone lsf "$remote_dir" --files-only) \\
    || die "listing $remote_dir failed (see rclone's output above); remote retention was not applied"
  for f in $(printf '%s\\n' "$remote_list" | grep -E '${SNAPSHOT_NAME}' || true); do
    if older_than_retention "$f" "$BACKUP_NOW"; then
      rclone deletefile "$remote_dir/$f" || die "deleting $remote_dir/$f failed (see rclone's output above)"
      log "deleted $remote_dir/$f (older than the retention)"
    fi
  done
  log "copied $name to $remote_dir"
fi

touch -d "@$((BACKUP_NOW - BACKUP_RETENTION_DAYS * 86400))" "$cutoff" || die "cannot create the retention cutoff file"
find "$BACKUP_DIR" -maxdepth 1 -type f -name 'snapshot-*.db' ! -name "$name" ! -newer "$cutoff" \\
  -exec sh -c 'for f in "$@"; do rm -f "$f" && echo "etcd-backup: deleted $f (older than the retention)"; done' sh {} +
log "kept: $(cd "$BACKUP_DIR" && ls -1 snapshot-*.db | tr '\\n' ' ')"
refuse_future_names "$(ls -1 "$BACKUP_DIR" | grep -E '${SNAPSHOT_NAME}' || true)" "$BACKUP_NOW" "$BACKUP_DIR/"
if [ -n "$BACKUP_REMOTE" ]; then
  refuse_future_names "$(printf '%s\\n' "$remote_list" | grep -E '${SNAPSHOT_NAME}' || true)" "$BACKUP_NOW" "$remote_dir/"
fi
`;
}

/**
 * The restore drill. Without `BACKUP_REMOTE` it takes the newest `snapshot-*.db` of `BACKUP_DIR` (names
 * sort in time order); with it, the newest snapshot of every node folder of the remote, downloaded with
 * rclone, so every cluster and node of the environment is drilled (a folder whose newest snapshot is
 * older than the retention belongs to a node that left, and is skipped with a message). Each snapshot
 * is checked with `snapshot status`, restored into a fresh data directory and served by a throwaway etcd
 * member, which must report healthy and hold `DRILL_EXPECT_KEY`. Any failure exits non-zero with a
 * message saying which step failed; the throwaway member is always stopped.
 */
export function restoreDrillScript(d: RestoreDrillScriptDefaults): string {
  return `#!/bin/sh
# etcd restore drill (guide 3.4). Generated by cdk8s-production from lib/platform/etcd-backup-scripts.ts.
set -eu
: "\${BACKUP_DIR:=${d.backupDir}}"
: "\${DRILL_DATA_DIR:=${d.dataDir}}"
: "\${DRILL_CLIENT_URL:=${d.clientUrl}}"
: "\${DRILL_PEER_URL:=${d.peerUrl}}"
: "\${DRILL_EXPECT_KEY:=${d.expectKey}}"
: "\${BACKUP_REMOTE=${d.remote}}"
: "\${BACKUP_RETENTION_DAYS:=${d.retentionDays}}"
: "\${DRILL_NOW:=$(date -u +%s)}"
${helpers('etcd-restore-drill')}

[ ! -e "$DRILL_DATA_DIR" ] || die "$DRILL_DATA_DIR already exists; the drill restores into a fresh directory"
require_count BACKUP_RETENTION_DAYS "$BACKUP_RETENTION_DAYS"
tool=$(snapshot_tool)
etcd_pid=""
trap 'if [ -n "$etcd_pid" ]; then kill "$etcd_pid" 2>/dev/null || true; wait "$etcd_pid" 2>/dev/null || true; fi' EXIT
trap 'exit 143' INT TERM

# Restores snapshot $1 into the fresh directory $2, serves it with a throwaway member, reads it, stops it.
drill_one() {
  snapshot="$1"
  data="$2"
  log "checking $snapshot"
  $tool snapshot status "$snapshot" --write-out=table || die "snapshot status rejected $snapshot"
  log "restoring $snapshot into $data"
  $tool snapshot restore "$snapshot" --data-dir "$data" --name drill \\
    --initial-cluster "drill=$DRILL_PEER_URL" --initial-advertise-peer-urls "$DRILL_PEER_URL" \\
    || die "snapshot restore of $snapshot failed"
  [ -s "$data/member/snap/db" ] || die "restore of $snapshot produced no member/snap/db"
  etcd_log="$data.etcd.log"
  etcd --name drill --data-dir "$data" \\
    --listen-client-urls "$DRILL_CLIENT_URL" --advertise-client-urls "$DRILL_CLIENT_URL" \\
    --listen-peer-urls "$DRILL_PEER_URL" --initial-advertise-peer-urls "$DRILL_PEER_URL" \\
    --initial-cluster "drill=$DRILL_PEER_URL" >"$etcd_log" 2>&1 &
  etcd_pid=$!
  tries=0
  until etcdctl --endpoints="$DRILL_CLIENT_URL" --dial-timeout=2s endpoint health >/dev/null 2>&1; do
    if ! kill -0 "$etcd_pid" 2>/dev/null; then
      tail -n 20 "$etcd_log" >&2
      die "the restored member exited before serving (log above)"
    fi
    tries=$((tries + 1))
    [ "$tries" -lt 120 ] || die "the restored member did not become healthy within 120 attempts"
    sleep 1
  done
  found=$(etcdctl --endpoints="$DRILL_CLIENT_URL" get "$DRILL_EXPECT_KEY" --keys-only) \\
    || die "reading $DRILL_EXPECT_KEY from the restored member failed"
  [ -n "$found" ] || die "the restored member has no key $DRILL_EXPECT_KEY; $snapshot is not a usable backup"
  keys=$(etcdctl --endpoints="$DRILL_CLIENT_URL" get "" --prefix --limit=1 --keys-only --write-out=fields | sed -n 's/^"Count" : //p')
  log "restore drill passed: $snapshot restored, served and holds $DRILL_EXPECT_KEY ($keys keys)"
  kill "$etcd_pid" 2>/dev/null || true
  wait "$etcd_pid" 2>/dev/null || true
  etcd_pid=""
}

if [ -z "$BACKUP_REMOTE" ]; then
  local_snapshots=$(ls -1 "$BACKUP_DIR" 2>/dev/null | grep -E '${SNAPSHOT_NAME}' | sort || true)
  refuse_future_names "$local_snapshots" "$DRILL_NOW" "$BACKUP_DIR/"
  newest=$(printf '%s\\n' "$local_snapshots" | tail -n 1)
  [ -n "$newest" ] || die "no snapshot-*.db in $BACKUP_DIR; the backup job has not produced a snapshot"
  drill_one "$BACKUP_DIR/$newest" "$DRILL_DATA_DIR"
  exit 0
fi

listing=$(rclone lsf "$BACKUP_REMOTE" --files-only -R) \\
  || die "listing $BACKUP_REMOTE failed (see rclone's output above)"
snapshots=$(printf '%s\\n' "$listing" | grep -E '^[A-Za-z0-9.-]+/snapshot-[0-9]{8}T[0-9]{6}Z[.]db$' | sort || true)
folders=$(printf '%s\\n' "$snapshots" | sed -n 's|/.*||p' | sort -u)
refuse_future_names "$snapshots" "$DRILL_NOW" "$BACKUP_REMOTE/"
drilled=0
for folder in $folders; do
  newest=$(printf '%s\\n' "$snapshots" | while read -r entry; do
    case "$entry" in "$folder"/*) echo "$entry" ;; esac
  done | tail -n 1)
  name=$(basename "$newest")
  # A folder whose newest snapshot is older than the retention belongs to a node that left.
  if older_than_retention "$name" "$DRILL_NOW"; then
    log "skipping $BACKUP_REMOTE/$folder: its newest snapshot $name is older than the retention (a node that left)"
    continue
  fi
  mkdir -p "$DRILL_DATA_DIR" "$DRILL_DATA_DIR.download"
  log "downloading $BACKUP_REMOTE/$newest"
  rclone copyto "$BACKUP_REMOTE/$newest" "$DRILL_DATA_DIR.download/$folder-$name" \\
    || die "downloading $BACKUP_REMOTE/$newest failed (see rclone's output above)"
  drill_one "$DRILL_DATA_DIR.download/$folder-$name" "$DRILL_DATA_DIR/$folder"
  rm -rf "$DRILL_DATA_DIR/$folder" "$DRILL_DATA_DIR.download/$folder-$name"
  drilled=$((drilled + 1))
done
[ "$drilled" -ge 1 ] || die "no snapshot-*.db within the retention in $BACKUP_REMOTE; the backup job has not produced a snapshot"
log "restore drill passed for $drilled node folder(s) of $BACKUP_REMOTE"
`;
}
