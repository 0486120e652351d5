import type { KubeObject } from './types';

/** A plain object, or an empty one when `value` is anything else. */
export function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** An array of plain objects, or an empty array when `value` is not an array. */
export function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map(record) : [];
}

/** A string, or `undefined` when `value` is not one. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A map of strings (labels, annotations, matchLabels); non-string values are dropped. */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(record(value))) {
    if (typeof v === 'string') out[key] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[key] = String(v);
  }
  return out;
}

/** Reads a nested field: `at(obj, 'spec', 'template', 'spec')`. */
export function at(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The object's kind, or an empty string. */
export function kindOf(object: KubeObject): string {
  return text(object.kind) ?? '';
}

/** `metadata.name`, or an empty string. */
export function nameOf(object: KubeObject): string {
  return text(at(object, 'metadata', 'name')) ?? '';
}

/** `metadata.namespace`, or an empty string for cluster-scoped objects and objects that leave it to the apply. */
export function namespaceOf(object: KubeObject): string {
  return text(at(object, 'metadata', 'namespace')) ?? '';
}

/** `metadata.labels` as strings. */
export function labelsOf(object: KubeObject): Record<string, string> {
  return stringMap(at(object, 'metadata', 'labels'));
}

/** `metadata.annotations` as strings. */
export function annotationsOf(object: KubeObject): Record<string, string> {
  return stringMap(at(object, 'metadata', 'annotations'));
}

/** `Kind/name`, or `Kind/namespace/name` when the object has a namespace: how reports name an object. */
export function describe(object: KubeObject): string {
  const ns = namespaceOf(object);
  return ns ? `${kindOf(object)}/${ns}/${nameOf(object)}` : `${kindOf(object)}/${nameOf(object)}`;
}

/** Renders a value for a message: strings quoted, others as JSON. */
export function quote(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}
