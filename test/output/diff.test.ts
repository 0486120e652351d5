import { diffOutputs, hasDifferences, renderDiff } from '../../lib';
import { diffValues } from '../../lib/output/diff';

describe('diffValues', () => {
  test('addresses list items with a name by that name', () => {
    const before = {
      spec: {
        containers: [
          { name: 'app', image: 'a:v1' },
          { name: 'side', image: 's:v1' },
        ],
      },
    };
    const after = {
      spec: {
        containers: [
          { name: 'side', image: 's:v1' },
          { name: 'app', image: 'a:v2' },
        ],
      },
    };
    expect(diffValues(before, after)).toEqual([{ path: 'spec.containers[app].image', before: 'a:v1', after: 'a:v2' }]);
  });

  test('reports added and removed fields', () => {
    expect(diffValues({ a: 1 }, { b: 2 })).toEqual([
      { path: 'a', before: 1, after: undefined },
      { path: 'b', before: undefined, after: 2 },
    ]);
  });
});

test('renderDiff and hasDifferences agree on an unchanged output', () => {
  const files = new Map([['production/a.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n']]);
  const diffs = diffOutputs(files, files);
  expect(hasDifferences(diffs)).toBe(false);
  expect(renderDiff(diffs)).toBe('production: no changes\n');
});
