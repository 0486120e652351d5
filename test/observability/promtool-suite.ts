import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'js-yaml';
import { listFiles } from '../support/manifests';
import { alertCases, AlertCases, FiringScenario } from './alert-cases';

/** A PrometheusRule found in a synthesized file. */
export interface FoundRule {
  /** e.g. `production/order-api.yaml` */
  readonly file: string;
  readonly name: string;
  readonly namespace: string;
  readonly labels: Record<string, string>;
  readonly spec: { groups: { name: string; rules: RuleEntry[] }[] };
}

/** One rule of a PrometheusRule spec, as synthesized. */
export interface RuleEntry {
  readonly alert?: string;
  readonly record?: string;
  readonly expr: string;
  readonly for?: string;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
}

/** Every PrometheusRule below `dir`, in file order. */
export function prometheusRules(dir: string): FoundRule[] {
  return listFiles(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((file) =>
      yaml
        .loadAll(fs.readFileSync(path.join(dir, file), 'utf8'))
        .filter((d: any) => d?.kind === 'PrometheusRule')
        .map((d: any) => ({
          file,
          name: d.metadata.name,
          namespace: d.metadata.namespace,
          labels: d.metadata.labels ?? {},
          spec: d.spec,
        })),
    );
}

/** The alerting rules of `rule`. */
export function alertsOf(rule: FoundRule): RuleEntry[] {
  return rule.spec.groups.flatMap((g) => g.rules.filter((r) => r.alert));
}

/** Minutes in a Prometheus duration made of `m`, `h` and `d` parts, e.g. `1h30m` -> 90. */
export function minutes(duration: string): number {
  const unit: Record<string, number> = { m: 1, h: 60, d: 1440 };
  let total = 0;
  for (const [, n, u] of duration.matchAll(/([0-9]+)([a-z]+)/g)) {
    if (!(u in unit)) throw new Error(`unsupported duration unit in ${duration}`);
    total += Number(n) * unit[u];
  }
  return total;
}

/** Renders `{{ $labels.x }}` templates the way Prometheus would for an alert with `labels`. */
export function renderAnnotations(
  annotations: Record<string, string>,
  labels: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(annotations).map(([key, text]) => {
      const rendered = text.replace(/\{\{\s*\$labels\.([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g, (_, label: string) => {
        if (!(label in labels))
          throw new Error(`annotation ${key} uses label ${label}, which the alert does not carry`);
        return labels[label];
      });
      if (rendered.includes('{{'))
        throw new Error(`annotation ${key} uses a template the suite cannot render: ${text}`);
      return [key, rendered];
    }),
  );
}

/** The promtool rule-test files for one PrometheusRule, and how many checks they hold per alert. */
export interface PromtoolTestFiles {
  readonly rulesFile: string;
  /** Scenarios of up to three hours, evaluated every minute, and longer ones, evaluated every 5 minutes. */
  readonly testFiles: string[];
  /** Alert name -> number of alert_rule_test checks. */
  readonly checks: Record<string, number>;
  /** Alerts of the rule that have no scenarios. */
  readonly missing: string[];
}

/** Scenarios running longer than this are evaluated every 5 minutes instead of every minute, to keep the suite fast. */
export const LONG_SCENARIO_MINUTES = 180;

interface TestGroup {
  name: string;
  interval: string;
  input_series: { series: string; values: string }[];
  alert_rule_test: { eval_time: string; alertname: string; exp_alerts: object[] }[];
}

const seriesList = (series: Record<string, string>) =>
  Object.entries(series).map(([s, values]) => ({ series: s, values }));

function groupsFor(alert: RuleEntry, cases: AlertCases, file: string): TestGroup[] {
  const name = alert.alert!;
  return [
    firingGroup(alert, cases.fires, `${file} ${name} fires after ${alert.for}`),
    ...(cases.alsoFires ?? []).map((f) => firingGroup(alert, f, `${file} ${name} fires after ${alert.for}: ${f.name}`)),
    ...cases.silent.map((c) => ({
      name: `${file} ${name} stays silent: ${c.name}`,
      interval: '1m',
      input_series: seriesList(c.series),
      alert_rule_test: [{ eval_time: `${c.at}m`, alertname: name, exp_alerts: [] }],
    })),
  ];
}

/** Silent one minute before the hold time has passed since onset, firing with its labels and annotations at it. */
function firingGroup(alert: RuleEntry, fires: FiringScenario, groupName: string): TestGroup {
  const name = alert.alert!;
  const labels = { ...fires.labels, ...alert.labels };
  const expected = [{ exp_labels: labels, exp_annotations: renderAnnotations(alert.annotations ?? {}, labels) }];
  const hold = minutes(alert.for ?? '0m');
  const { silentAt, firingAt } = fires.checks ?? { silentAt: fires.onset! + hold - 1, firingAt: fires.onset! + hold };
  return {
    name: groupName,
    interval: '1m',
    input_series: seriesList(fires.series),
    alert_rule_test: [
      { eval_time: `${silentAt}m`, alertname: name, exp_alerts: [] },
      { eval_time: `${firingAt}m`, alertname: name, exp_alerts: expected },
    ],
  };
}

/** Groups fed the same series become one, so promtool replays each scenario once. */
function mergeSameSeries(groups: TestGroup[]): TestGroup[] {
  const bySeries = new Map<string, TestGroup>();
  for (const g of groups) {
    const key = JSON.stringify(g.input_series);
    const seen = bySeries.get(key);
    if (seen) {
      seen.name = `${seen.name}; ${g.name}`;
      seen.alert_rule_test.push(...g.alert_rule_test);
    } else {
      bySeries.set(key, { ...g, alert_rule_test: [...g.alert_rule_test] });
    }
  }
  return [...bySeries.values()];
}

const lastMinute = (g: TestGroup) => Math.max(...g.alert_rule_test.map((t) => minutes(t.eval_time)));

/** Writes the rules file (the `spec` of `rule`) and its test files into `dir`. */
export function writePromtoolFiles(dir: string, rule: FoundRule): PromtoolTestFiles {
  const base = `${rule.file.replace(/\.yaml$/, '').replace(/\//g, '-')}-${rule.name}`;
  const rulesFile = path.join(dir, `${base}.rules.yaml`);
  fs.writeFileSync(rulesFile, yaml.dump(rule.spec, { lineWidth: -1 }));
  const cases = alertCases({ namespace: rule.namespace, service: rule.labels['app.kubernetes.io/name'] ?? '' });
  const checks: Record<string, number> = {};
  const missing: string[] = [];
  const groups = alertsOf(rule).flatMap((alert) => {
    const c = cases[alert.alert!];
    if (!c) {
      missing.push(alert.alert!);
      return [];
    }
    checks[alert.alert!] = 2 * (1 + (c.alsoFires?.length ?? 0)) + c.silent.length;
    return groupsFor(alert, c, rule.file);
  });
  const merged = mergeSameSeries(groups);
  const batches = [
    { suffix: 'test', evaluation_interval: '1m', tests: merged.filter((g) => lastMinute(g) <= LONG_SCENARIO_MINUTES) },
    {
      suffix: 'long.test',
      evaluation_interval: '5m',
      tests: merged.filter((g) => lastMinute(g) > LONG_SCENARIO_MINUTES),
    },
  ].filter((b) => b.tests.length > 0);
  const testFiles = batches.map((b) => {
    const file = path.join(dir, `${base}.${b.suffix}.yaml`);
    const content = {
      rule_files: [path.basename(rulesFile)],
      evaluation_interval: b.evaluation_interval,
      tests: b.tests,
    };
    fs.writeFileSync(file, yaml.dump(content, { lineWidth: -1 }));
    return file;
  });
  return { rulesFile, testFiles, checks, missing };
}
