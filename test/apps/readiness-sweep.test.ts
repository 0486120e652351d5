import * as fs from 'fs';
import * as path from 'path';
import { checkManifestFiles, fromYaml } from '../../lib';
import { listFiles, ROOT } from '../support/manifests';

const DIST = path.join(ROOT, 'dist');

describe('the committed output', () => {
  const files = listFiles(DIST)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ path: f, objects: fromYaml(fs.readFileSync(path.join(DIST, f), 'utf8')) }));

  test('passes the production pack with no error, and every suppression gives its reason', () => {
    const report = checkManifestFiles(files, { pack: 'production' });
    expect(
      report.findings
        .filter((f) => f.level === 'error')
        .map((f) => `${f.file} ${f.kind}/${f.name} ${f.ruleId}: ${f.message}`),
    ).toEqual([]);
    for (const s of report.suppressed) expect(s.reason.length).toBeGreaterThanOrEqual(10);
    expect(report.summary.objects).toBeGreaterThan(0);
  });

  test('passes Pod Security restricted at v1.28, the version its namespaces enforce, and at latest', () => {
    for (const pssVersion of ['v1.28', 'latest'] as const) {
      expect(checkManifestFiles(files, { pack: 'pod-security-restricted', pssVersion }).findings).toEqual([]);
    }
  });
});
