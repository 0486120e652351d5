import { Chart, Testing } from 'cdk8s';
import { FLUENT_BIT_MAIN_FILE, fluentBitConfig, FluentBitOptions } from '../../lib';

const options: FluentBitOptions = {
  logStore: { host: 'loki-gateway.monitoring.svc', port: 3100, labels: { cluster: 'production' } },
  positionDbDir: '/var/lib/fluent-bit',
};

/** The sections of a classic Fluent Bit file: `[NAME]` headers, then indented `Key Value` lines. */
function sections(text: string): { name: string; keys: Record<string, string> }[] {
  const result: { name: string; keys: Record<string, string> }[] = [];
  for (const line of text.split('\n')) {
    const header = /^\[([A-Z]+)\]$/.exec(line);
    if (header) result.push({ name: header[1], keys: {} });
    else if (line.trim()) {
      const m = /^ {4}(\S+)\s+(.+)$/.exec(line);
      if (!m) throw new Error(`not a "Key Value" line: ${line}`);
      result[result.length - 1].keys[m[1]] = m[2];
    }
  }
  return result;
}

const chart = new Chart(Testing.app(), 'test');
const files = fluentBitConfig(chart, options);
const parsed = sections(files[FLUENT_BIT_MAIN_FILE]);
const section = (name: string) => parsed.find((s) => s.name === name)!.keys;

test('has one service, tail input, kubernetes filter and loki output section, in pipeline order', () => {
  expect(Object.keys(files)).toEqual(['fluent-bit.conf']);
  expect(parsed.map((s) => `${s.name}:${s.keys.Name ?? ''}`)).toEqual([
    'SERVICE:',
    'INPUT:tail',
    'FILTER:kubernetes',
    'OUTPUT:loki',
  ]);
});

test('serves the HTTP server and health check on the probed port', () => {
  expect(section('SERVICE')).toMatchObject({
    HTTP_Server: 'On',
    HTTP_Listen: '0.0.0.0',
    HTTP_Port: '2020',
    Health_Check: 'On',
  });
  expect(sections(fluentBitConfig(chart, { ...options, httpPort: 2021 })[FLUENT_BIT_MAIN_FILE])[0].keys.HTTP_Port).toBe(
    '2021',
  );
});

test('tails the container logs with the CRI parser and keeps positions in the host-path database', () => {
  expect(section('INPUT')).toMatchObject({
    Path: '/var/log/containers/*.log',
    'multiline.parser': 'cri',
    Tag: 'kube.*',
    DB: '/var/lib/fluent-bit/flb_kube.db',
  });
});

test('enriches records with Kubernetes metadata using the service account token', () => {
  expect(section('FILTER')).toMatchObject({
    Match: 'kube.*',
    Kube_URL: 'https://kubernetes.default.svc:443',
    Kube_Token_File: '/var/run/secrets/kubernetes.io/serviceaccount/token',
    Kube_Tag_Prefix: 'kube.var.log.containers.',
    Merge_Log: 'On',
  });
});

test('sends to the log store with its labels, one stream per namespace and container', () => {
  expect(section('OUTPUT')).toMatchObject({
    Host: 'loki-gateway.monitoring.svc',
    Port: '3100',
    Labels: 'job=fluent-bit, cluster=production',
    Label_Keys: "$kubernetes['namespace_name'],$kubernetes['container_name']",
    Line_Format: 'json',
  });
});

test('refuses a log store given as a URL and a relative database folder', () => {
  expect(() => fluentBitConfig(chart, { ...options, logStore: { host: 'http://loki:3100' } })).toThrow(
    '[test] logStore.host "http://loki:3100" must be a host name without scheme or path, e.g. "loki-gateway.monitoring.svc"',
  );
  expect(() => fluentBitConfig(chart, { ...options, positionDbDir: 'var/lib/fluent-bit' })).toThrow(
    '[test] positionDbDir "var/lib/fluent-bit" must be an absolute path, e.g. "/var/lib/fluent-bit"',
  );
});
