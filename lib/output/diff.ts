import { isDeleteProtected } from '../core/delete-protection';
import { fromYaml, Manifest } from './yaml';

/** One changed field of an object. */
export interface FieldChange {
  /** Dotted path; list items with a `name` are addressed by it, e.g. `spec.template.spec.containers[app].image`. */
  readonly path: string;
  /** Value before, undefined when the field was added. */
  readonly before: unknown;
  /** Value after, undefined when the field was removed. */
  readonly after: unknown;
}

/** How one object differs. */
export interface ObjectChange {
  /** `Kind namespace/name` or `Kind name` for cluster-scoped objects. */
  readonly id: string;
  /** Field changes, empty for added or removed objects. */
  readonly fields: FieldChange[];
}

/** The differences in one folder of the output (an environment, or `argocd`). */
export interface FolderDiff {
  readonly folder: string;
  readonly added: string[];
  readonly removed: string[];
  readonly changed: ObjectChange[];
  /**
   * Removals a reviewer must confirm: an Application (deleting it deletes what it deployed) or an object
   * that carries `Prune=false` or `Delete=false` (Argo CD keeps it, out of sync, until a person acts).
   */
  readonly warnings: string[];
}

/** The warning for a removed object, or undefined when its removal is routine. */
function removalWarning(id: string, o: Manifest): string | undefined {
  if (o.kind === 'Application' && String(o.apiVersion ?? '').startsWith('argoproj.io/')) {
    const finalizers = (o.metadata as { finalizers?: unknown } | undefined)?.finalizers;
    const cascades = Array.isArray(finalizers) && finalizers.includes('resources-finalizer.argocd.argoproj.io');
    return (
      `${id} is removed: a root app that prunes deletes this Application` +
      (cascades
        ? ' and, through its resources finalizer, everything it deployed except objects marked Delete=false'
        : '; it has no resources finalizer, so what it deployed stays') +
      `, and one that does not prune leaves it out of sync until it is deleted by hand; ` +
      `a renamed cluster or environment looks like this`
    );
  }
  if (isDeleteProtected(o)) {
    return (
      `${id} is removed but protected from deletion (Prune=false, Delete=false): Argo CD keeps it and shows ` +
      `it out of sync; delete it by hand only if losing it (and its data) is intended`
    );
  }
  return undefined;
}

function objectId(o: Manifest): string {
  const meta = (o.metadata ?? {}) as { name?: string; namespace?: string };
  const group = String(o.apiVersion ?? '').includes('/') ? `.${String(o.apiVersion).split('/')[0]}` : '';
  return `${o.kind}${group} ${meta.namespace ? `${meta.namespace}/` : ''}${meta.name}`;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function byName(list: unknown[]): Map<string, unknown> | undefined {
  const map = new Map<string, unknown>();
  for (const item of list) {
    if (!isPlainObject(item) || typeof item.name !== 'string' || map.has(item.name)) return undefined;
    map.set(item.name, item);
  }
  return map;
}

/** The field-level differences between two values, with paths. */
export function diffValues(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => diffValues(before[k], after[k], path ? `${path}.${k}` : k));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const a = byName(before);
    const b = byName(after);
    if (a && b) {
      const names = [...new Set([...a.keys(), ...b.keys()])];
      return names.flatMap((n) => diffValues(a.get(n), b.get(n), `${path}[${n}]`));
    }
    // Unnamed items are compared by position; items past the shorter list are added or removed.
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => diffValues(before[i], after[i], `${path}[${i}]`)).flat();
  }
  return [{ path, before, after }];
}

/** Compares two sets of output files (relative path to content) folder by folder. */
export function diffOutputs(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): FolderDiff[] {
  const objects = (files: ReadonlyMap<string, string>) => {
    const byFolder = new Map<string, Map<string, Manifest>>();
    for (const [file, content] of files) {
      if (!/\.ya?ml$/.test(file)) continue;
      const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.';
      const map = byFolder.get(folder) ?? new Map<string, Manifest>();
      for (const o of fromYaml(content)) map.set(objectId(o), o);
      byFolder.set(folder, map);
    }
    return byFolder;
  };
  const a = objects(before);
  const b = objects(after);
  const folders = [...new Set([...a.keys(), ...b.keys()])].sort();
  return folders.map((folder) => {
    const x = a.get(folder) ?? new Map<string, Manifest>();
    const y = b.get(folder) ?? new Map<string, Manifest>();
    const ids = [...new Set([...x.keys(), ...y.keys()])].sort();
    const removed = ids.filter((id) => x.has(id) && !y.has(id));
    return {
      folder,
      added: ids.filter((id) => !x.has(id) && y.has(id)),
      removed,
      warnings: removed.flatMap((id) => removalWarning(id, x.get(id)!) ?? []),
      changed: ids
        .filter((id) => x.has(id) && y.has(id))
        .map((id) => ({ id, fields: diffValues(x.get(id), y.get(id)) }))
        .filter((c) => c.fields.length > 0),
    };
  });
}

function show(value: unknown): string {
  return value === undefined ? '(absent)' : JSON.stringify(value);
}

/** Whether any folder differs. */
export function hasDifferences(diffs: readonly FolderDiff[]): boolean {
  return diffs.some((d) => d.added.length + d.removed.length + d.changed.length > 0);
}

/** Renders the differences for a reviewer: per folder, objects added, removed and changed with old -> new values. */
export function renderDiff(diffs: readonly FolderDiff[]): string {
  const lines: string[] = [];
  for (const d of diffs) {
    const count = d.added.length + d.removed.length + d.changed.length;
    lines.push(
      `${d.folder}: ${count === 0 ? 'no changes' : `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`}`,
    );
    for (const w of d.warnings) lines.push(`  WARNING: ${w}`);
    for (const id of d.added) lines.push(`  + ${id}`);
    for (const id of d.removed) lines.push(`  - ${id}`);
    for (const c of d.changed) {
      lines.push(`  ~ ${c.id}`);
      for (const f of c.fields) lines.push(`      ${f.path}: ${show(f.before)} -> ${show(f.after)}`);
    }
  }
  return lines.join('\n') + '\n';
}
