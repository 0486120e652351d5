import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Log } from 'sarif';
import { run } from '../../lib/cli/main';
import { PACKS } from '../../lib/readiness/packs';
import { ROOT } from '../support/manifests';

const BAD_POD =
  'apiVersion: v1\nkind: Pod\nmetadata: { name: web, namespace: shop }\nspec: { containers: [ { name: c, image: nginx } ] }\n';

function sarif(args: string[], stdin = ''): { code: number; log: Log } {
  let stdout = '';
  const code = run(['check', '--format', 'sarif', ...args], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: () => undefined,
    readStdin: () => stdin,
  });
  return { code, log: JSON.parse(stdout) as Log };
}

describe('cdk8s-production check --format sarif', () => {
  test('describes the pack as the driver rules and each finding as a result at its file and object', () => {
    const { code, log } = sarif(['--pack', 'baseline', '-'], BAD_POD);
    expect(code).toBe(1);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const [runLog] = log.runs;
    const rules = runLog.tool.driver.rules!;
    expect(runLog.tool.driver.name).toBe('cdk8s-production');
    expect(rules.map((r) => r.id)).toEqual(Object.keys(PACKS.baseline.levels));
    const pinned = runLog.results!.find((r) => r.ruleId === 'image-tag-pinned')!;
    expect(rules[pinned.ruleIndex!].id).toBe('image-tag-pinned');
    expect(rules[pinned.ruleIndex!].defaultConfiguration).toEqual({ level: 'error' });
    expect(pinned).toMatchObject({
      level: 'error',
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: '%3Cstdin%3E' }, region: { startLine: 1 } },
          logicalLocations: [{ fullyQualifiedName: 'Pod/shop/web', kind: 'object' }],
        },
      ],
      partialFingerprints: { 'objectRule/v1': 'image-tag-pinned|Pod/shop/web|spec.containers[0].image' },
    });
    expect(pinned.message.text).toMatch(/^container "c" image "nginx".* \(at spec\.containers\[0\]\.image\)\. Fix: /);
    expect(runLog.invocations).toEqual([{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  test('places each result on the line its object’s document starts, in a stream of several documents', () => {
    const stream = `# two objects\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings, namespace: shop }\n---\n\n# the pod\n${BAD_POD}`;
    const { log } = sarif(['--pack', 'baseline', '-'], stream);
    const lines = new Set(log.runs[0].results!.map((r) => r.locations![0].physicalLocation!.region?.startLine));
    expect(lines).toEqual(new Set([9]));
  });

  test('lists the reasoned exemptions of dist/ as suppressed results with their reasons, and no other result', () => {
    const { code, log } = sarif([path.join(ROOT, 'dist')]);
    expect(code).toBe(0);
    const results = log.runs[0].results!;
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.suppressions).toEqual([{ kind: 'inSource', justification: expect.stringMatching(/.{10,}/) }]);
    }
  });

  test('reports an input it could not check as a failed invocation', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-sarif-'));
    const { code, log } = sarif([empty]);
    fs.rmSync(empty, { recursive: true, force: true });
    expect(code).toBe(2);
    expect(log.runs[0].invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'not checked: folder holds no .yaml, .yml or .json file' },
            locations: [{ physicalLocation: { artifactLocation: { uri: pathToFileURL(empty).href } } }],
          },
        ],
      },
    ]);
  });
});
