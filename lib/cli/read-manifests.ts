import * as fs from 'fs';
import * as path from 'path';
import * as jsyaml from 'js-yaml';
import type { ManifestSource } from '../readiness/located';

/** An input that cannot be read or parsed: the CLI prints it and exits with code 2. */
export class InputError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Expands `kind: List` documents (as `kubectl get -o yaml` writes them) into their items. */
function expandLists(documents: unknown[]): object[] {
  return documents.flatMap((d) => {
    if (d === null || typeof d !== 'object') return [];
    const doc = d as Record<string, unknown>;
    return doc.kind === 'List' && Array.isArray(doc.items) ? expandLists(doc.items) : [doc];
  });
}

/** Parses one file's text (multi-document YAML, or JSON) and names the file and line of a syntax error. */
export function parseManifestText(text: string, file: string): ManifestSource {
  try {
    return { path: file, objects: expandLists(jsyaml.loadAll(text)) };
  } catch (e) {
    const err = e as jsyaml.YAMLException;
    const where = err.mark ? `${file}:${err.mark.line + 1}:${err.mark.column + 1}` : file;
    throw new InputError(`${where}: cannot parse YAML: ${err.reason ?? err.message}`);
  }
}

/** Every .yaml, .yml and .json file below `dir`, sorted, relative paths joined to `dir`. */
function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (MANIFEST_EXTENSIONS.includes(path.extname(entry.name))) out.push(full);
  }
  return out;
}

/**
 * Reads the inputs of the command line: files, folders (recursive, .yaml/.yml/.json) and `-` for
 * multi-document YAML on stdin. Throws an {@link InputError} naming the file (and line) that fails.
 */
export function readManifests(inputs: readonly string[], readStdin: () => string): ManifestSource[] {
  const sources: ManifestSource[] = [];
  for (const input of inputs) {
    if (input === '-') {
      sources.push(parseManifestText(readStdin(), '<stdin>'));
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      throw new InputError(`${input}: no such file or folder`);
    }
    const files = stat.isDirectory() ? walk(input) : [input];
    if (stat.isDirectory() && files.length === 0)
      throw new InputError(`${input}: folder holds no .yaml, .yml or .json file`);
    for (const file of files) {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (e) {
        throw new InputError(`${file}: cannot read: ${(e as Error).message}`);
      }
      sources.push(parseManifestText(text, file));
    }
  }
  return sources;
}
