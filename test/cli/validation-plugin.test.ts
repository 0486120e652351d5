import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as CliValidation from 'cdk8s-cli/lib/plugins/validation';
import { ReadinessValidation, ValidationContextLike } from '../../lib/cli/validation-plugin';
import { CONSTRUCT_METADATA_FILE, constructMetadataJson } from '../../lib';

// At run time the CLI's public entry point (its `exports` map); the types come from the file behind it.
const { ValidationContext } = require('cdk8s-cli/plugins') as typeof CliValidation;

/** A stand-in for the cdk8s CLI's validation context that records what the plugin reports. */
function fakeContext(manifests: string[]) {
  const violations: Parameters<ValidationContextLike['report']['addViolation']>[0][] = [];
  let status = '';
  const context: ValidationContextLike = {
    manifests,
    report: {
      addViolation: (v) => {
        violations.push(v);
      },
      submit: (s) => {
        status = s;
      },
    },
  };
  return { context, violations, status: () => status };
}

describe('the cdk8s CLI validation plugin', () => {
  const TOOLS =
    'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: toolbox, namespace: production }\n---\napiVersion: v1\nkind: Pod\nmetadata: { name: toolbox, namespace: production }\nspec: { containers: [ { name: shell, image: busybox } ] }\n';

  /** An output folder as a synth under the cdk8s CLI leaves it: one manifest and the recorded construct metadata. */
  function recordedOutput() {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-plugin-'));
    fs.mkdirSync(path.join(outdir, 'production'));
    const manifest = path.join(outdir, 'production', 'tools.yaml');
    fs.writeFileSync(manifest, TOOLS);
    const objects = [
      { kind: 'ConfigMap', metadata: { name: 'toolbox', namespace: 'production' } },
      { kind: 'Pod', metadata: { name: 'toolbox', namespace: 'production' } },
    ];
    const paths = ['production/tools/toolbox/Config', 'production/tools/toolbox/Pod'];
    fs.writeFileSync(
      path.join(outdir, CONSTRUCT_METADATA_FILE),
      constructMetadataJson([{ path: 'production/tools.yaml', objects, paths }]),
    );
    return { outdir, manifest };
  }

  test('reports each finding under a resource name the synth recorded, then removes the record', async () => {
    const { outdir, manifest } = recordedOutput();
    const { context, violations, status } = fakeContext([manifest]);

    await new ReadinessValidation({ pack: 'baseline' }).validate(context);
    const recordLeft = fs.existsSync(path.join(outdir, CONSTRUCT_METADATA_FILE));

    fs.rmSync(outdir, { recursive: true, force: true });
    expect(recordLeft).toBe(false);
    expect(status()).toBe('failure');
    const tag = violations.find((v) => v.ruleName === 'image-tag-pinned [error]');
    expect(tag?.violatingResources).toEqual([
      {
        resourceName: 'Pod/production/toolbox in production/tools.yaml',
        manifestPath: manifest,
        locations: ['spec.containers[0].image: container "shell" image "busybox" has no tag, so it means latest'],
      },
    ]);
    expect(tag?.fix).toContain('Pin a version');
  });

  test("the cdk8s CLI's own report prints each violation's construct path", async () => {
    const { outdir, manifest } = recordedOutput();
    // What `cdk8s synth` does (cdk8s-cli ValidationPlugin.load): read `resources` of the recorded
    // metadata into { name: { path } }, then hand the plugin a context holding it.
    const recorded = JSON.parse(fs.readFileSync(path.join(outdir, CONSTRUCT_METADATA_FILE), 'utf8'));
    expect(recorded.version).toBe('1.0.0');
    const metadata = Object.fromEntries(
      Object.entries(recorded.resources as Record<string, { path: string }>).map(([name, m]) => [
        name,
        { path: m.path },
      ]),
    );
    const context = new ValidationContext([manifest], 'cdk8s-production', '0.1.0', metadata, false);

    await new ReadinessValidation({ pack: 'baseline' }).validate(context);
    fs.rmSync(outdir, { recursive: true, force: true });

    const violation = context.report.toJson().violations.find((v) => v.ruleName === 'image-tag-pinned [error]');
    expect(violation?.violatingConstructs.map((c) => c.constructPath)).toEqual(['production/tools/toolbox/Pod']);
    expect(context.report.toString()).not.toContain('Construct Path: N/A');
  });

  test('lists suppressed findings as reasoned exemptions, not as violations', async () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-plugin-'));
    const manifest = path.join(outdir, 'agent.yaml');
    fs.writeFileSync(
      manifest,
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: agent',
        '  namespace: agents',
        '  annotations:',
        `    cdk8s-production.io/suppress: '[{"rule":"image-tag-pinned","reason":"the node image pins this tag on every host"}]'`,
        'spec: { containers: [ { name: agent, image: busybox } ] }',
        '',
      ].join('\n'),
    );
    const logged: string[] = [];
    const { context, violations, status } = fakeContext([manifest]);
    await new ReadinessValidation({ pack: 'baseline' }).validate({
      ...context,
      logger: { log: (m) => logged.push(m) },
    });
    fs.rmSync(outdir, { recursive: true, force: true });

    // Warnings and infos about the same Pod remain violations; the suppressed rule is not among them.
    expect(violations.map((v) => v.ruleName).filter((n) => n.startsWith('image-tag-pinned'))).toEqual([]);
    expect(violations.every((v) => !/\[(error|suppressed)\]/.test(v.ruleName))).toBe(true);
    expect(logged.join('\n')).toContain(`is exempt from image-tag-pinned: the node image pins this tag on every host`);
    expect(status()).toBe('success');
  });
});
