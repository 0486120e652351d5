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
