import * as fs from 'fs';
import * as path from 'path';
import type { ManifestFile } from './collect';
import { YamlWriter } from './yaml-writer';

/** A file that is not a manifest, such as a generated summary. */
export interface TextFile {
  /** Relative path with forward slashes. */
  readonly path: string;
  /** The full content. */
  readonly content: string;
}

/**
 * The content of every output file, by relative path: manifests as YAML, text files as they are.
 * What {@link writeOutput} writes, byte for byte, so a diff can compare it without writing.
 */
export function renderOutput(manifests: readonly ManifestFile[], texts: readonly TextFile[] = []): Map<string, string> {
  const files = new Map<string, string>();
  const yaml = new YamlWriter(); // one writer, so its string cache serves every file
  for (const m of manifests) files.set(m.path, yaml.stream(m.objects));
  for (const t of texts) files.set(t.path, t.content);
  return files;
}

/**
 * Replaces `outdir` with exactly the given files: manifests as YAML, text files as they are.
 * Nothing else is left behind (no construct metadata, no stale files). Files whose content is
 * already there are not rewritten, so a synth that changes one service touches one file, and
 * stale files are removed one by one instead of deleting and recreating the whole folder.
 */
export function writeOutput(outdir: string, manifests: readonly ManifestFile[], texts: readonly TextFile[] = []): void {
  const files = renderOutput(manifests, texts);
  for (const file of listFiles(outdir)) {
    if (!files.has(file)) fs.rmSync(path.join(outdir, ...file.split('/')), { force: true });
  }
  removeEmptyFolders(outdir);
  const folders = new Set<string>();
  for (const [relative, content] of files) {
    const target = path.join(outdir, ...relative.split('/'));
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    if (!hasContent(target, content)) fs.writeFileSync(target, content);
  }
}

/** Relative paths, with forward slashes, of everything below `dir` that is not a folder. */
function listFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), relative) : [relative];
  });
}

function hasContent(file: string, content: string): boolean {
  try {
    const existing = fs.readFileSync(file);
    return existing.length === Buffer.byteLength(content) && existing.toString('utf8') === content;
  } catch {
    return false;
  }
}

/** Removes folders below `dir` left empty once stale files are gone. */
function removeEmptyFolders(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = path.join(dir, entry.name);
    removeEmptyFolders(folder);
    if (fs.readdirSync(folder).length === 0) fs.rmdirSync(folder);
  }
}
