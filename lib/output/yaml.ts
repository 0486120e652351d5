import * as jsyaml from 'js-yaml';
import { YamlWriter } from './yaml-writer';

/** A Kubernetes object as plain data. */
export type Manifest = Record<string, unknown>;

/**
 * Renders objects as a multi-document YAML stream, deterministically: keys keep the order
 * they arrive in (cdk8s sorts them), strings that YAML 1.1 would read as another type are quoted
 * (Kubernetes parses YAML 1.1), long lines are never folded and no anchors are emitted. The bytes are
 * those of js-yaml `dump` with `JS_YAML_DUMP_OPTIONS`, written in one pass by `YamlWriter`.
 */
export function toYaml(objects: readonly unknown[]): string {
  return new YamlWriter().stream(objects);
}

/** Parses a multi-document YAML stream, dropping empty documents. */
export function fromYaml(text: string): Manifest[] {
  return jsyaml.loadAll(text).filter((d): d is Manifest => d !== null && typeof d === 'object');
}
