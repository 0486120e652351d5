import { ApiObject, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { collectManifests } from '../../lib';

function configMap(scope: Construct, id: string): ApiObject {
  return new ApiObject(scope, id, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: id } });
}

describe('collectManifests', () => {
  test('writes one file per chart in construct order, with a nested chart in its own file', () => {
    const app = new App();
    const stage = new Construct(app, 'prod');
    const outer = new Chart(stage, 'outer', { disableResourceNameHashes: true });
    configMap(outer, 'a');
    const inner = new Chart(outer, 'inner', { disableResourceNameHashes: true });
    configMap(inner, 'b');
    configMap(outer, 'c');
    const other = new Chart(stage, 'other', { disableResourceNameHashes: true });
    configMap(other, 'd');
    new Chart(stage, 'empty');

    const files = collectManifests(app).map((f) => ({
      path: f.path,
      names: f.objects.map((o) => (o.metadata as { name: string }).name),
    }));
    expect(files).toEqual([
      { path: 'prod/outer.yaml', names: ['a', 'c'] },
      { path: 'prod/outer/inner.yaml', names: ['b'] },
      { path: 'prod/other.yaml', names: ['d'] },
    ]);
  });

  test('reports every validation error of the tree at once', () => {
    const app = new App();
    const chart = new Chart(app, 'c');
    chart.node.addValidation({ validate: () => ['first problem'] });
    new Construct(chart, 'x').node.addValidation({ validate: () => ['second problem'] });
    expect(() => collectManifests(app)).toThrow('Validation failed:\n  [c] first problem\n  [c/x] second problem');
  });
});
