import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Log } from 'sarif';
import { run } from '../../lib/cli/main';
import { ROOT } from '../support/manifests';

/** Microsoft's SARIF Multitool (the SARIF SDK's validator): the path of its binary for this platform. */
function multitool(): string | undefined {
  try {
    return require('@microsoft/sarif-multitool') as string;
  } catch {
    process.stderr.write(
      `SKIPPED: @microsoft/sarif-multitool has no binary for ${process.platform}; the SARIF schema check needs it\n`,
    );
    return undefined;
  }
}

/** Validates `log` with the Multitool; resolves with the problems it reports, by rule id and level. */
function validate(
  binary: string,
  dir: string,
  name: string,
  log: unknown,
): { id: string; level: string; text: string }[] {
  const input = path.join(dir, `${name}.sarif`);
  const output = path.join(dir, `${name}.validation.sarif`);
  fs.writeFileSync(input, JSON.stringify(log, null, 2));
  const result = spawnSync(binary, ['validate', input, '--output', output, '--log', 'ForceOverwrite', '--quiet'], {
    encoding: 'utf8',
  });
  expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  const report = JSON.parse(fs.readFileSync(output, 'utf8')) as Log;
  return (report.runs[0].results ?? []).map((r) => ({
    id: r.ruleId!,
    level: r.level ?? 'warning',
    text: r.message.text ?? JSON.stringify(r.message.arguments),
  }));
}

/** The SARIF log of `check` over `paths`. */
function sarifOf(paths: string[]): Log {
  let stdout = '';
  run(['check', '--format', 'sarif', ...paths], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: () => undefined,
    readStdin: () => '',
  });
  return JSON.parse(stdout) as Log;
}

const binary = multitool();
const describeWithMultitool = binary ? describe : describe.skip;
jest.setTimeout(120_000);

describeWithMultitool('the SARIF log against the SARIF 2.1.0 schema (Microsoft SARIF Multitool 5.7.0 validate)', () => {
  let dir = '';
  let log: Log;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-sarif-'));
    // Findings, exemptions (suppressed results) and an input that cannot be checked (a notification).
    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'kind: [unclosed\n');
    log = sarifOf([path.join(ROOT, 'dist', 'production'), path.join(dir, 'broken.yaml')]);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('covers results, suppressions and notifications', () => {
    const [runLog] = log.runs;
    expect(runLog.results!.some((r) => r.suppressions?.length)).toBe(true);
    expect(runLog.results!.some((r) => !r.suppressions?.length)).toBe(true);
    expect(runLog.invocations![0].toolExecutionNotifications!.length).toBeGreaterThan(0);
  });

  test('has no error: every property is one the schema defines, with a value it allows', () => {
    const problems = validate(binary!, dir, 'production', log);
    // Not even advice: every result read from YAML names the line its object starts on (SARIF2017).
    expect(problems).toEqual([]);
  });

  test('the validator reports a log the schema refuses, so the check above can fail', () => {
    const broken = JSON.parse(JSON.stringify(log)) as any;
    broken.runs[0].results[0].level = 'fatal';
    delete broken.runs[0].tool.driver.name;
    const problems = validate(binary!, dir, 'broken', broken);
    expect(
      problems
        .filter((p) => p.level === 'error')
        .map((p) => p.id)
        .sort(),
    ).toEqual(['JSON1002', 'JSON1019']);
  });
});
