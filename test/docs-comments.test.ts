import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { ROOT } from './support/manifests';

const program = ts.createProgram([path.join(ROOT, 'lib/index.ts')], {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  strict: true,
  skipLibCheck: true,
  noResolve: false,
});
const checker = program.getTypeChecker();
const index = program.getSourceFile(path.join(ROOT, 'lib/index.ts'))!;
const exported = checker
  .getExportsOfModule(checker.getSymbolAtLocation(index)!)
  .map((s) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s))
  .sort((a, b) => a.getName().localeCompare(b.getName()));

const fromLibrary = (s: ts.Symbol) =>
  (s.declarations ?? []).some((d) => d.getSourceFile().fileName.startsWith(path.join(ROOT, 'lib')));

test('the public API exports something', () => {
  expect(exported.length).toBeGreaterThan(20);
});

test('every public export has a doc comment', () => {
  const undocumented = exported
    .filter(fromLibrary)
    .filter((s) => ts.displayPartsToString(s.getDocumentationComment(checker)).trim() === '')
    .map((s) => s.getName());
  expect(undocumented).toEqual([]);
});

test('every optional property of an exported interface documents its default', () => {
  const missing: string[] = [];
  for (const symbol of exported.filter(fromLibrary)) {
    if (!(symbol.flags & ts.SymbolFlags.Interface)) continue;
    for (const member of checker.getDeclaredTypeOfSymbol(symbol).getProperties()) {
      if (!(member.flags & ts.SymbolFlags.Optional) || !fromLibrary(member)) continue;
      if (!member.getJsDocTags(checker).some((t) => t.name === 'default'))
        missing.push(`${symbol.getName()}.${member.getName()}`);
    }
  }
  expect(missing).toEqual([]);
});

/** The backticked names in the first cell of each row of the table whose header starts with `header`. */
function tableProps(page: string, header: string, column = 0): string[] {
  const lines = fs.readFileSync(path.join(ROOT, 'docs/constructs', page), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${header} |`));
  if (start < 0) throw new Error(`docs/constructs/${page} has no table headed "${header}"`);
  const rows: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const cell = line.split('|')[1 + column];
    // `storage.size` documents the prop `storage`; "(ScheduledJob)" says which construct has it.
    for (const m of cell.matchAll(/`([A-Za-z]+)[^`]*`/g)) rows.push(m[1]);
  }
  return [...new Set(rows)];
}

/** Every property of the named interfaces or type aliases, inherited ones included. */
function interfaceProps(...names: string[]): string[] {
  const props = new Set<string>();
  for (const name of names) {
    const symbol = exported.find((s) => s.getName() === name);
    if (!symbol) throw new Error(`${name} is not exported from lib/index.ts`);
    for (const p of checker.getDeclaredTypeOfSymbol(symbol).getProperties()) props.add(p.getName());
  }
  return [...props].sort();
}

describe('the props tables of docs/constructs list every prop, and only props', () => {
  const tables: [page: string, header: string, interfaces: string[], column: number][] = [
    ['production-service.md', 'Prop', ['ProductionServiceProps'], 0],
    ['stateful-service.md', 'Prop', ['StatefulServiceProps'], 0],
    ['replicated-redis.md', 'Prop', ['ReplicatedRedisProps'], 0],
    ['node-agent.md', 'Prop', ['NodeAgentProps'], 0],
    ['batch.md', 'Prop', ['BatchJobProps', 'ScheduledJobProps'], 0],
    ['etcd-backup.md', 'Prop', ['EtcdBackupProps'], 0],
    ['tenant.md', 'Prop', ['TenantProps'], 0],
    ['policy-pack.md', 'Prop', ['PolicyPackProps'], 0],
    ['secrets.md', '`SecretFiles` field', ['SecretFiles'], 0],
    ['secrets.md', '`LiteralSecret` prop', ['LiteralSecretProps'], 0],
    ['cluster-basics.md', 'Construct', ['RetainedStorageClassProps', 'PriorityClassesProps'], 1],
    ['readiness.md', 'Option', ['CheckOptions'], 0],
  ];
  test.each(tables)('%s, table "%s": %j (column %i)', (page, header, interfaces, column) => {
    const listed = tableProps(page, header, column).sort();
    expect({ missing: interfaceProps(...interfaces).filter((p) => !listed.includes(p)) }).toEqual({ missing: [] });
    expect({ notProps: listed.filter((p) => !interfaceProps(...interfaces).includes(p)) }).toEqual({ notProps: [] });
  });
});
