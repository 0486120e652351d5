import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { listFiles, ROOT } from './support/manifests';

const LIB = path.join(ROOT, 'lib');

/** One import of one file of lib/: where it points, relative to the repository. */
interface Import {
  readonly file: string;
  readonly specifier: string;
  /** The imported file relative to the repository, without extension; undefined for packages. */
  readonly target?: string;
}

/** Every import and re-export of every file of lib/, as TypeScript's pre-processor reads them. */
function importsOfLib(): Import[] {
  return listFiles(LIB)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((relative) => {
      const file = `lib/${relative}`;
      const info = ts.preProcessFile(fs.readFileSync(path.join(ROOT, file), 'utf8'), true, true);
      return info.importedFiles.map(({ fileName: specifier }) => ({
        file,
        specifier,
        target: specifier.startsWith('.')
          ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
          : undefined,
      }));
    });
}

/** The folder of lib/ a path belongs to (`lib/readiness/rules/x` -> `readiness`), or undefined outside lib/. */
function folderOf(file: string): string | undefined {
  const parts = file.split('/');
  return parts[0] === 'lib' && parts.length > 2 ? parts[1] : undefined;
}

/** Folder -> folder edges, each with the imports that make it. */
function folderGraph(imports: readonly Import[]): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const i of imports) {
    const from = folderOf(i.file);
    const to = i.target && folderOf(i.target);
    if (!from || !to || from === to) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    const edges = graph.get(from)!;
    edges.set(to, [...(edges.get(to) ?? []), `${i.file} -> ${i.specifier}`]);
  }
  return graph;
}

/**
 * The cycles a depth-first walk of a directed graph meets, as the nodes on each with the first repeated
 * at the end. A graph with any cycle yields at least one; an acyclic graph yields none.
 */
function cyclesOf(graph: ReadonlyMap<string, ReadonlyMap<string, unknown>>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const stack: string[] = [];
  const visit = (node: string) => {
    stack.push(node);
    seen.add(node);
    for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
      const at = stack.indexOf(next);
      if (at >= 0) cycles.push([...stack.slice(at), next]);
      else if (!seen.has(next)) visit(next);
    }
    stack.pop();
  };
  for (const node of [...graph.keys()].sort()) if (!seen.has(node)) visit(node);
  return cycles;
}

/** The imports behind each edge of a cycle, for the failure message. */
function explain(cycle: string[], graph: Map<string, Map<string, string[]>>): string {
  const edges = cycle.slice(1).map((to, i) => `  ${cycle[i]} -> ${to}: ${graph.get(cycle[i])!.get(to)!.join(', ')}`);
  return `${cycle.join(' -> ')}\n${edges.join('\n')}`;
}

/** Packages that build constructs; code that must work on plain objects never loads them. */
const CONSTRUCT_PACKAGES = ['cdk8s', 'cdk8s-plus-28', 'constructs'];

describe('the layers of lib/', () => {
  const imports = importsOfLib();
  const graph = folderGraph(imports);

  test('the import reader sees the folders and their imports', () => {
    expect([...graph.keys()]).toEqual(expect.arrayContaining(['workloads', 'platform', 'readiness', 'cli']));
    expect(graph.get('cli')?.has('readiness')).toBe(true);
  });

  test('no folder depends on itself through other folders', () => {
    expect(cyclesOf(graph).map((c) => explain(c, graph))).toEqual([]);
  });

  test('lib/core imports no other folder of lib/', () => {
    expect([...(graph.get('core')?.entries() ?? [])].flatMap(([, why]) => why)).toEqual([]);
  });

  test('lib/readiness reaches nothing but itself, lib/core and no construct package', () => {
    const byFile = new Map<string, Import[]>();
    for (const i of imports) byFile.set(i.file, [...(byFile.get(i.file) ?? []), i]);
    const fileOf = (target: string) => [`${target}.ts`, `${target}/index.ts`].find((f) => byFile.has(f));
    // Everything the readiness files load, directly or through the files they import.
    const reached: Import[] = [];
    const queue = [...byFile.keys()].filter((f) => folderOf(f) === 'readiness');
    const visited = new Set(queue);
    while (queue.length > 0) {
      for (const i of byFile.get(queue.shift()!) ?? []) {
        reached.push(i);
        const next = i.target && fileOf(i.target);
        if (next && !visited.has(next)) {
          visited.add(next);
          queue.push(next);
        }
      }
    }
    const wrong = reached.filter((i) =>
      i.target
        ? !['readiness', 'core'].includes(folderOf(i.target) ?? '')
        : CONSTRUCT_PACKAGES.some((p) => i.specifier === p || i.specifier.startsWith(`${p}/`)),
    );
    expect(wrong.map((i) => `${i.file} -> ${i.specifier}`)).toEqual([]);
  });

  test('lib/ never imports the example platform in apps/', () => {
    expect(imports.filter((i) => i.target?.startsWith('apps/')).map((i) => `${i.file} -> ${i.specifier}`)).toEqual([]);
  });
});

describe('the cycle check', () => {
  const graph = (edges: Record<string, string[]>) =>
    new Map(Object.entries(edges).map(([from, to]) => [from, new Map(to.map((t) => [t, []]))]));

  test('finds a cycle of two folders and one through three', () => {
    expect(cyclesOf(graph({ workloads: ['secrets', 'core'], secrets: ['workloads'] }))).toEqual([
      ['secrets', 'workloads', 'secrets'],
    ]);
    expect(cyclesOf(graph({ a: ['b'], b: ['c'], c: ['a'] }))).toEqual([['a', 'b', 'c', 'a']]);
  });

  test('accepts a graph whose paths only meet again downstream', () => {
    expect(
      cyclesOf(graph({ cli: ['readiness', 'core'], readiness: ['core'], workloads: ['core', 'secrets'] })),
    ).toEqual([]);
  });
});
