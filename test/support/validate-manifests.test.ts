import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { validateManifests } from './manifests';

test('the validator rejects a broken Deployment and an unknown field type in a ServiceMonitor', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-production-invalid-'));
  fs.writeFileSync(
    path.join(dir, 'bad.yaml'),
    [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: bad }',
      'spec: { replicas: "three", selector: { matchLabels: { a: b } }, template: { spec: { containers: [] } } }',
      '---',
      'apiVersion: monitoring.coreos.com/v1',
      'kind: ServiceMonitor',
      'metadata: { name: bad }',
      'spec: { selector: {}, endpoints: [ { port: 8080 } ] }',
    ].join('\n'),
  );
  const report = validateManifests(dir);
  fs.rmSync(dir, { recursive: true, force: true });
  expect(report.errors.map((e) => e.object)).toEqual(
    expect.arrayContaining([expect.stringContaining('Deployment/bad'), expect.stringContaining('ServiceMonitor/bad')]),
  );
});
