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
  return renderWith(new YamlWriter(), manifests, texts);
}

/** Renders with `yaml`, so one writer's string cache serves every file it renders. */
function renderWith(
  yaml: YamlWriter,
  manifests: readonly ManifestFile[],
  texts: readonly TextFile[],
): Map<string, string> {
  const files = new Map<string, string>();
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
  const writer = new OutputWriter(outdir);
  writer.write(manifests, texts);
  writer.finish();
}

/**
 * Writes an output in batches (one environment at a time, say), so a caller can let each batch's
 * objects go before building the next: memory stays bounded by the largest batch. {@link OutputWriter.finish}
 * then removes every file no batch wrote. The result is the same as one {@link writeOutput} call.
 */
export class OutputWriter {
  private readonly written = new Set<string>();
  private readonly folders = new Set<string>();
  private readonly yaml = new YamlWriter(); // one writer, so its string cache serves every batch

  /** @param outdir the output folder, created when missing */
  public constructor(private readonly outdir: string) {}

  /** Writes one batch; a path written by an earlier batch is refused. */
  public write(manifests: readonly ManifestFile[], texts: readonly TextFile[] = []): void {
    for (const [relative, content] of renderWith(this.yaml, manifests, texts)) {
      if (this.written.has(relative)) throw new Error(`${relative} is written twice; give each batch its own files`);
      this.written.add(relative);
      const target = path.join(this.outdir, ...relative.split('/'));
      const folder = path.dirname(target);
      if (!this.folders.has(folder)) {
        fs.mkdirSync(folder, { recursive: true });
        this.folders.add(folder);
      }
      if (!hasContent(target, content)) fs.writeFileSync(target, content);
    }
  }

  /** Removes the files below the output folder that no batch wrote, then folders left empty. */
  public finish(): void {
    for (const file of listFiles(this.outdir)) {
      if (!this.written.has(file)) fs.rmSync(path.join(this.outdir, ...file.split('/')), { force: true });
    }
    removeEmptyFolders(this.outdir);
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
