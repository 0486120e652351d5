import * as fs from 'fs';
import * as path from 'path';
import { checkManifestFiles, fromYaml } from '../../lib';
import { listFiles, ROOT } from '../support/manifests';
import { platformOutput } from './support/output';

const DIST = path.join(ROOT, 'dist');

// Each folder of the output goes to its own clusters, so each is checked on its own, as synth checks it:
// objects of one environment must not satisfy the cross-object rules of another.
const folders = new Map<string, { path: string; objects: object[] }[]>();
for (const f of listFiles(DIST).filter((f) => f.endsWith('.yaml'))) {
  const folder = f.split('/')[0];
  folders.set(folder, [
    ...(folders.get(folder) ?? []),
    { path: f, objects: fromYaml(fs.readFileSync(path.join(DIST, f), 'utf8')) },
  ]);
}

describe.each([...folders.keys()])('the committed output folder %s', (folder) => {
  const files = folders.get(folder)!;

  test('passes the production pack with no error, and every suppression gives its reason', () => {
    // As synth checks it: what reaches the folder's clusters first (its add-ons) may be referred to.
    const alsoPresent = platformOutput().deliveredBefore.get(folder);
    const report = checkManifestFiles(files, { pack: 'production', alsoPresent });
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

test('the sweep sees every folder synth writes', () => {
  expect([...folders.keys()].sort()).toEqual(['argocd', 'bootstrap', 'dev', 'production', 'staging']);
});
