import { readManifestText } from '../../lib/cli/read-manifests';

const object = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

describe('readManifestText: the line each object starts on', () => {
  test.each([
    ['one document without a marker', object('a'), [1]],
    [
      'documents after markers, a leading comment, blank lines and a comment before content',
      `# header\n---\n${object('a')}---\n\n# b\n${object('b')}`,
      [3, 10],
    ],
    ['an empty document between two', `${object('a')}---\n# nothing here\n---\n${object('b')}`, [1, 8]],
    ['a directive and a document end marker', `%YAML 1.2\n---\n${object('a')}...\n---\n${object('b')}`, [3, 9]],
    ['a document that starts on its marker line', `--- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n`, [1]],
    ['JSON', JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } }, null, 2), [1]],
  ])('%s', (_, text, lines) => {
    const { source } = readManifestText(text, 'f.yaml');
    expect(source.objects).toHaveLength(lines.length);
    expect(source.lines).toEqual(lines);
  });

  test('the items of a kind: List get no line of their own', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n`;
    expect(readManifestText(`${object('first')}---\n${list}`, 'f.yaml').source.lines).toEqual([1, undefined]);
  });
});
