import * as fs from 'fs';
import * as path from 'path';
import { checkManifests, fromYaml, PolicyVersionName } from '../../lib';
import { ROOT } from '../support/manifests';

/** The Pod Security Admission fixtures next to the repository (see its README.md), when this machine has them. */
const FIXTURES = path.resolve(ROOT, '..', 'shared', 'conformance', 'pod-security');

interface Fixture {
  readonly path: string;
  readonly level: 'baseline' | 'restricted';
  readonly version: PolicyVersionName;
  readonly expect: 'pass' | 'fail';
  readonly check: string;
}

const present = fs.existsSync(path.join(FIXTURES, 'index.json'));
if (!present) process.stderr.write(`SKIPPED: Pod Security conformance fixtures not found at ${FIXTURES}\n`);
const fixtures: Fixture[] = present
  ? JSON.parse(fs.readFileSync(path.join(FIXTURES, 'index.json'), 'utf8')).fixtures
  : [];

/** Wraps a fixture pod into a Deployment template, as the upstream harness does for controllers. */
function asDeployment(pod: Record<string, any>): Record<string, any> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: pod.metadata.name },
    spec: { template: { metadata: { annotations: pod.metadata.annotations }, spec: pod.spec } },
  };
}

(present ? describe : describe.skip)('Pod Security conformance fixtures', () => {
  test('cover v1.28 and the newest version for both levels', () => {
    const groups = new Set(fixtures.map((f) => `${f.level}/${f.version}/${f.expect}`));
    expect([...groups].sort()).toEqual(
      expect.arrayContaining([
        'baseline/v1.28/fail',
        'baseline/v1.28/pass',
        'restricted/v1.28/fail',
        'restricted/v1.28/pass',
        'restricted/v1.37/pass',
      ]),
    );
    const counts: Record<string, number> = {};
    for (const f of fixtures)
      counts[`${f.level}/${f.version}/${f.expect}`] = (counts[`${f.level}/${f.version}/${f.expect}`] ?? 0) + 1;
    process.stdout.write(`Pod Security fixtures checked: ${JSON.stringify(counts)}\n`);
  });

  test.each(fixtures.map((f) => [f.path, f] as const))('%s', (_path, fixture) => {
    const [pod] = fromYaml(fs.readFileSync(path.join(FIXTURES, fixture.path), 'utf8'));
    for (const object of [pod, asDeployment(pod)]) {
      const report = checkManifests([object], { pack: `pod-security-${fixture.level}`, pssVersion: fixture.version });
      const errors = report.findings.filter((f) => f.level === 'error');
      if (fixture.expect === 'pass') expect(errors).toEqual([]);
      else expect(errors.length).toBeGreaterThan(0);
    }
  });
});
