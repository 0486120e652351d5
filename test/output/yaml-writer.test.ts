import * as jsyaml from 'js-yaml';
import { toYaml } from '../../lib';
import { JS_YAML_DUMP_OPTIONS, YamlWriter } from '../../lib/output/yaml-writer';
import { randomValue, SeededRandom, TRICKY_NUMBERS, TRICKY_STRINGS } from '../support/random-data';

/** What the writer replaces: js-yaml, one dump per document. */
function reference(objects: readonly unknown[]): string {
  return objects.map((o) => jsyaml.dump(o, JS_YAML_DUMP_OPTIONS)).join('---\n');
}

describe('byte identity with js-yaml', () => {
  test.each(TRICKY_STRINGS.map((s) => [JSON.stringify(s).slice(0, 60), s]))(
    'writes the string %s as js-yaml does, as a value and as a key',
    (_, s) => {
      const documents = [{ value: s }, { [s]: 'value' }, [s, [s]], s, { nested: { list: [s, { key: s }] } }];
      expect(toYaml(documents)).toBe(reference(documents));
    },
  );

  test.each(TRICKY_NUMBERS.map((n) => [String(Object.is(n, -0) ? '-0' : n), n]))(
    'writes the number %s as js-yaml does',
    (_, n) => {
      expect(toYaml([{ n, list: [n] }])).toBe(reference([{ n, list: [n] }]));
    },
  );

  test('matches js-yaml on 3,000 random documents (seed 20240610)', () => {
    const random = new SeededRandom(20240610);
    const documents = Array.from({ length: 3000 }, () => randomValue(random));
    const mismatches = documents.filter((d) => toYaml([d]) !== reference([d]));
    expect(mismatches).toEqual([]);
  });

  test('leaves values outside plain data (a Date) to js-yaml and still writes the same bytes', () => {
    const documents = [{ when: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), name: 'job' }];
    expect(toYaml(documents)).toBe(reference(documents));
  });

  test('fails like js-yaml on a value YAML cannot hold', () => {
    expect(() => toYaml([{ run: () => 1 }])).toThrow('unacceptable kind of an object to dump [object Function]');
  });
});

describe('formatting', () => {
  test('keeps keys in insertion order, one document per object, separated by ---', () => {
    expect(
      toYaml([
        { kind: 'A', apiVersion: 'v1', metadata: { name: 'a' } },
        { b: 1, a: 2 },
      ]),
    ).toBe(['kind: A', 'apiVersion: v1', 'metadata:', '  name: a', '---', 'b: 1', 'a: 2', ''].join('\n'));
  });

  test('writes empty lists and maps in flow style, and drops undefined entries', () => {
    expect(
      toYaml([{ list: [], map: {}, nested: { gone: undefined }, items: [[], {}, undefined], gone: undefined }]),
    ).toBe(['list: []', 'map: {}', 'nested: {}', 'items:', '  - []', '  - {}', '  - null', ''].join('\n'));
  });

  test('indents sequences under their key and starts mappings and sequences on the item line', () => {
    expect(toYaml([{ rules: [{ apiGroups: [''], verbs: ['get', 'list'] }, [1, [2, 3]]] }])).toBe(
      [
        'rules:',
        '  - apiGroups:',
        '      - ""',
        '    verbs:',
        '      - get',
        '      - list',
        '  - - 1',
        '    - - 2',
        '      - 3',
        '',
      ].join('\n'),
    );
  });

  test('quotes strings that YAML 1.1 or 1.2 would read as booleans, nulls or numbers', () => {
    const ambiguous = [
      'yes',
      'on',
      'N',
      'true',
      'null',
      '~',
      '',
      '1',
      '1e3',
      '0x1F',
      '0o17',
      '12:30',
      '2024-01-01',
      '.inf',
    ];
    expect(toYaml([ambiguous])).toBe(ambiguous.map((s) => `- "${s}"`).join('\n') + '\n');
  });

  test('writes numbers as numbers and numbers-as-strings quoted', () => {
    expect(toYaml([{ port: 8080, portName: '8080', ratio: 0.5, ratioText: '0.5', big: 1e21, tiny: 5e-100 }])).toBe(
      ['port: 8080', 'portName: "8080"', 'ratio: 0.5', 'ratioText: "0.5"', 'big: 1e+21', 'tiny: 5.e-100', ''].join(
        '\n',
      ),
    );
  });

  test('quotes strings with ": ", " #", indicators or edge spaces and leaves other punctuation plain', () => {
    expect(
      toYaml([
        {
          a: 'a: b',
          b: 'a #b',
          c: '- x',
          d: '*ref',
          e: ' lead',
          f: 'trail ',
          g: 'a:b',
          h: 'a#b',
          i: 'http://x:80/p?q=1',
        },
      ]),
    ).toBe(
      [
        'a: "a: b"',
        'b: "a #b"',
        'c: "- x"',
        'd: "*ref"',
        'e: " lead"',
        'f: "trail "',
        'g: a:b',
        'h: a#b',
        'i: http://x:80/p?q=1',
        '',
      ].join('\n'),
    );
  });

  test('escapes quotes, backslashes and control characters inside double quotes', () => {
    expect(toYaml([{ q: '"x"', tab: '\tx', bell: 'a\u0007', crlf: 'a\r\nb', nbsp: '\u00a0' }])).toBe(
      ['q: "\\"x\\""', 'tab: "\\tx"', 'bell: "a\\a"', 'crlf: "a\\r\\nb"', 'nbsp: "\\_"', ''].join('\n'),
    );
  });

  test('writes multi-line strings as literal blocks with the right chomping and indentation', () => {
    expect(
      toYaml([{ data: { strip: 'a\nb', clip: 'a\nb\n', keep: 'a\n\n', indented: ' x\ny' }, list: ['l1\nl2'] }]),
    ).toBe(
      [
        'data:',
        '  strip: |-',
        '    a',
        '    b',
        '  clip: |',
        '    a',
        '    b',
        '  keep: |+',
        '    a',
        '',
        '  indented: |2-',
        '     x',
        '    y',
        'list:',
        '  - |-',
        '    l1',
        '    l2',
        '',
      ].join('\n'),
    );
  });

  test('quotes a key that holds a line break instead of writing a block', () => {
    expect(toYaml([{ 'a\nb': 'a\nb' }])).toBe('"a\\nb": |-\n  a\n  b\n');
  });
});

describe('round trip', () => {
  // Documents are mappings, as manifests are: js-yaml (and so the writer, byte for byte) gives a
  // root-level block scalar whose first line starts with a space an indentation indicator that
  // reads back one space short.
  test('random documents read back equal to what was written (seed 7)', () => {
    const random = new SeededRandom(7);
    for (let i = 0; i < 2000; i++) {
      const document = { value: randomValue(random, { undefinedValues: false }) };
      expect(jsyaml.load(new YamlWriter().document(document))).toEqual(document);
    }
  });
});
