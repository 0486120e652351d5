import * as fs from 'fs';
import * as path from 'path';
import * as jsyaml from 'js-yaml';
import type { ManifestSource } from '../readiness/located';

/** A path on the command line that does not exist: the CLI prints it and exits with code 2. */
export class InputError extends Error {
  /**
   * @param message the whole message, naming the input
   * @param reason what is wrong, without the input's name (for a report that names it already)
   */
  public constructor(
    message: string,
    public readonly reason: string = message,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** A file, folder or document that was not checked: named in the report, never counted as passing. */
export interface UncheckedInput {
  /** The file or folder (`<stdin>` for standard input). */
  readonly file: string;
  /** Why it was not checked, e.g. `document 2 is not a Kubernetes object (it has no apiVersion and kind)`. */
  readonly reason: string;
}

/** What the command line names: the objects to check, file by file, and what could not be checked. */
export interface ReadInputs {
  /** The files whose objects are checked. */
  readonly sources: ManifestSource[];
  /** Files, folders and documents that were not checked, with the reason. */
  readonly unchecked: UncheckedInput[];
}

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Whether a document is a Kubernetes object: a mapping with a non-empty string apiVersion and kind. */
function isKubeObject(doc: unknown): doc is Record<string, unknown> {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return false;
  const { apiVersion, kind } = doc as Record<string, unknown>;
  return typeof apiVersion === 'string' && apiVersion !== '' && typeof kind === 'string' && kind !== '';
}

/** A line of a YAML stream that starts a document: `---`, alone or followed by a space. */
const DOCUMENT_START = /^---(\s|$)/;

/**
 * The line (1-based) where each document of a YAML stream starts, in the order and number js-yaml's
 * `loadAll` returns them: its first line of content, or its `---` line when it has none. A document
 * before the first `---` counts only when it has content (or when the stream has no `---` at all).
 * Returns undefined when the count disagrees with `documents`, so a stream this reading gets wrong
 * yields no lines rather than wrong ones.
 */
function documentLines(text: string, documents: number): number[] | undefined {
  const starts: number[] = [];
  let current: { marker: number; content?: number } = { marker: 1 };
  let leading = true;
  const close = (): void => {
    if (!leading || current.content !== undefined) starts.push(current.content ?? current.marker);
  };
  text.split(/\r?\n/).forEach((line, i) => {
    if (DOCUMENT_START.test(line)) {
      close();
      leading = false;
      current = { marker: i + 1, ...(/^---\s+[^\s#]/.test(line) && { content: i + 1 }) };
    } else if (current.content === undefined && /^\s*[^\s#%]/.test(line) && line.trim() !== '...') {
      current = { ...current, content: i + 1 };
    }
  });
  if (leading && current.content === undefined) starts.push(1);
  else close();
  return starts.length === documents ? starts : undefined;
}

/**
 * Parses one file's text (multi-document YAML, or JSON) into its Kubernetes objects, expanding `kind:
 * List` documents as `kubectl get -o yaml` writes them, and names every other non-empty document as not
 * checked. Throws an {@link InputError} naming the file, line and column of a syntax error.
 */
export function readManifestText(text: string, file: string): { source: ManifestSource; unchecked: UncheckedInput[] } {
  let documents: unknown[];
  try {
    documents = jsyaml.loadAll(text);
  } catch (e) {
    const err = e as jsyaml.YAMLException;
    const problem = `cannot parse YAML: ${err.reason ?? err.message}`;
    if (!err.mark) throw new InputError(`${file}: ${problem}`, problem);
    const [line, column] = [err.mark.line + 1, err.mark.column + 1];
    throw new InputError(`${file}:${line}:${column}: ${problem}`, `line ${line}, column ${column}: ${problem}`);
  }
  const objects: object[] = [];
  const lines: (number | undefined)[] = [];
  const unchecked: UncheckedInput[] = [];
  const starts = documentLines(text, documents.length);
  // The items of a `kind: List` get no line: the document's first line is the List's, not theirs.
  const visit = (doc: unknown, where: string, line: number | undefined): void => {
    if (doc === null || doc === undefined) return;
    if (isKubeObject(doc) && doc.kind === 'List' && Array.isArray(doc.items))
      doc.items.forEach((item, i) => visit(item, `${where} item ${i + 1}`, undefined));
    else if (isKubeObject(doc)) {
      objects.push(doc);
      lines.push(line);
    } else unchecked.push({ file, reason: `${where} is not a Kubernetes object (it has no apiVersion and kind)` });
  };
  documents.forEach((doc, i) => visit(doc, `document ${i + 1}`, starts?.[i]));
  return { source: { path: file, objects, lines }, unchecked };
}

/** Parses one file's text into its Kubernetes objects; see {@link readManifestText}. */
export function parseManifestText(text: string, file: string): ManifestSource {
  return readManifestText(text, file).source;
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

/** Reads and parses one file; a file that cannot be read or parsed is named as not checked. */
function readFile(file: string, read: () => string): ReadInputs {
  try {
    const { source, unchecked } = readManifestText(read(), file);
    return { sources: [source], unchecked };
  } catch (e) {
    const reason = e instanceof InputError ? e.reason : `cannot read: ${(e as Error).message}`;
    return { sources: [], unchecked: [{ file, reason }] };
  }
}

/**
 * Reads the inputs of the command line: files, folders (recursive, .yaml/.yml/.json) and `-` for
 * multi-document YAML on stdin. A file that cannot be read or parsed, a document that is not a
 * Kubernetes object, and a path that yields no object at all (an empty file or folder) are returned as
 * not checked, so the other files are still checked. Throws an {@link InputError} for a path that does not exist.
 */
export function readManifests(inputs: readonly string[], readStdin: () => string): ReadInputs {
  const sources: ManifestSource[] = [];
  const unchecked: UncheckedInput[] = [];
  for (const input of inputs) {
    let files: string[];
    if (input === '-') files = ['<stdin>'];
    else {
      let stat: fs.Stats;
      try {
        stat = fs.statSync(input);
      } catch {
        throw new InputError(`${input}: no such file or folder`);
      }
      files = stat.isDirectory() ? walk(input) : [input];
      if (stat.isDirectory() && files.length === 0) {
        unchecked.push({ file: input, reason: 'folder holds no .yaml, .yml or .json file' });
        continue;
      }
    }
    const before = unchecked.length;
    let objects = 0;
    for (const file of files) {
      const read = readFile(file, () => (file === '<stdin>' ? readStdin() : fs.readFileSync(file, 'utf8')));
      const found = read.sources.reduce((n, s) => n + s.objects.length, 0);
      sources.push(...read.sources);
      unchecked.push(...read.unchecked);
      // A file of a folder that holds nothing (empty, or only comments) is named too: it checked nothing.
      if (files.length > 1 && found === 0 && read.unchecked.length === 0) {
        unchecked.push({ file, reason: 'holds no Kubernetes object' });
      }
      objects += found;
    }
    if (objects === 0 && unchecked.length === before)
      unchecked.push({ file: input === '-' ? '<stdin>' : input, reason: 'holds no Kubernetes object' });
  }
  return { sources, unchecked };
}
