import { validateManifests } from '../support/manifests';

test('every object in dist/ is valid against the Kubernetes schema or its CRD schema', () => {
  const report = validateManifests('dist');
  expect(report.errors).toEqual([]);
  expect(report.unvalidated).toEqual([]);
  expect(report.checked).toBeGreaterThan(0);
  // Reported so the figure can be read from the test log.
  process.stdout.write(
    `validated ${report.checked} objects (${report.byModel} by model, ${report.byCrd} by CRD schema)\n`,
  );
});
