import { IConstruct } from 'constructs';
import { fail, show } from '../core/errors';
import { assertPort } from '../core/ports';

/** Where the collected logs go: a Loki endpoint inside the cluster. */
export interface LogStore {
  /** Host name of the store, e.g. `loki-gateway.monitoring.svc`. */
  readonly host: string;
  /**
   * The store's push port.
   * @default 3100
   */
  readonly port?: number;
  /**
   * Stream labels every record carries, e.g. `{ cluster: 'prod-eu-1' }`.
   * @default - `job=fluent-bit` only
   */
  readonly labels?: Record<string, string>;
}

/** What the Fluent Bit configuration of a log collector needs. */
export interface FluentBitOptions {
  /** The log store the records are sent to. */
  readonly logStore: LogStore;
  /**
   * Port of Fluent Bit's HTTP server, which serves the health check the probes call.
   * @default 2020
   */
  readonly httpPort?: number;
  /** Folder of the position database (a host path, so a restarted pod resumes where it left off). */
  readonly positionDbDir: string;
  /**
   * Memory the tail input may buffer before it pauses reading.
   * @default '50MB'
   */
  readonly memBufLimit?: string;
}

/** The file names of the configuration: `fluent-bit.conf` is the one Fluent Bit is started with. */
export const FLUENT_BIT_MAIN_FILE = 'fluent-bit.conf';

/**
 * Fluent Bit's classic configuration for a node log collector, as `{ file: content }`:
 * - `[SERVICE]`: the HTTP server on `httpPort` with `Health_Check On`, so `/api/v1/health` turns
 *   unhealthy after repeated output errors and the probes see it;
 * - `[INPUT] tail` of `/var/log/containers/*.log` with the built-in `cri` multiline parser (containerd
 *   and CRI-O write that format), tagged `kube.*`, positions in `<positionDbDir>/flb_kube.db`;
 * - `[FILTER] kubernetes`: pod metadata from the API server with the service account's token, and the
 *   application's JSON log merged into the record;
 * - `[OUTPUT] loki` to the log store, one stream per namespace and container (`Label_Keys`).
 */
export function fluentBitConfig(scope: IConstruct, options: FluentBitOptions): Record<string, string> {
  const httpPort = assertPort(scope, 'httpPort', options.httpPort ?? 2020);
  const storePort = assertPort(scope, 'logStore.port', options.logStore.port ?? 3100);
  if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(options.logStore.host ?? '')) {
    fail(
      scope,
      `logStore.host ${show(options.logStore.host)} must be a host name without scheme or path, ` +
        `e.g. "loki-gateway.monitoring.svc"`,
    );
  }
  if (!options.positionDbDir.startsWith('/')) {
    fail(scope, `positionDbDir ${show(options.positionDbDir)} must be an absolute path, e.g. "/var/lib/fluent-bit"`);
  }
  const labels = Object.entries({ job: 'fluent-bit', ...options.logStore.labels })
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  const section = (name: string, entries: [string, string | number][]): string =>
    [`[${name}]`, ...entries.map(([k, v]) => `    ${k.padEnd(22)} ${v}`)].join('\n');
  const main = [
    section('SERVICE', [
      ['Flush', 1],
      ['Log_Level', 'info'],
      ['Daemon', 'off'],
      ['HTTP_Server', 'On'],
      ['HTTP_Listen', '0.0.0.0'],
      ['HTTP_Port', httpPort],
      ['Health_Check', 'On'],
      ['HC_Errors_Count', 5],
      ['HC_Retry_Failure_Count', 5],
      ['HC_Period', 60],
    ]),
    section('INPUT', [
      ['Name', 'tail'],
      ['Tag', 'kube.*'],
      ['Path', '/var/log/containers/*.log'],
      ['multiline.parser', 'cri'],
      ['DB', `${options.positionDbDir.replace(/\/+$/, '')}/flb_kube.db`],
      ['DB.locking', 'true'],
      ['Mem_Buf_Limit', options.memBufLimit ?? '50MB'],
      ['Skip_Long_Lines', 'On'],
      ['Refresh_Interval', 10],
    ]),
    section('FILTER', [
      ['Name', 'kubernetes'],
      ['Match', 'kube.*'],
      ['Kube_URL', 'https://kubernetes.default.svc:443'],
      ['Kube_CA_File', '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt'],
      ['Kube_Token_File', '/var/run/secrets/kubernetes.io/serviceaccount/token'],
      ['Kube_Tag_Prefix', 'kube.var.log.containers.'],
      ['Merge_Log', 'On'],
      ['Keep_Log', 'Off'],
      ['K8S-Logging.Parser', 'On'],
      ['K8S-Logging.Exclude', 'On'],
    ]),
    section('OUTPUT', [
      ['Name', 'loki'],
      ['Match', 'kube.*'],
      ['Host', options.logStore.host],
      ['Port', storePort],
      ['Labels', labels],
      ['Label_Keys', "$kubernetes['namespace_name'],$kubernetes['container_name']"],
      ['Line_Format', 'json'],
      ['Retry_Limit', 'False'],
    ]),
  ].join('\n\n');
  return { [FLUENT_BIT_MAIN_FILE]: `${main}\n` };
}
