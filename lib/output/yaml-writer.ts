import * as jsyaml from 'js-yaml';
import { numberScalar, ScalarWriter } from './yaml-scalar';

/**
 * The js-yaml `dump` options the writer reproduces, declared here so that the shipped declarations
 * need no js-yaml types (those are a development dependency).
 */
export interface YamlDumpOptions {
  /** Never write anchors and aliases. */
  readonly noRefs: boolean;
  /** The line width at which strings are folded; -1 never folds. */
  readonly lineWidth: number;
  /** The quote used for strings that need quoting. */
  readonly quotingType: '"' | "'";
  /** false keeps YAML 1.1 compatibility (quotes `yes`, `on`, octal-looking strings). */
  readonly noCompatMode: boolean;
}

/**
 * The js-yaml options whose output the writer reproduces byte for byte: no anchors, lines never
 * folded, double quotes, and YAML 1.1 compatibility (Kubernetes parses YAML 1.1).
 */
export const JS_YAML_DUMP_OPTIONS: YamlDumpOptions = Object.freeze({
  noRefs: true,
  lineWidth: -1,
  quotingType: '"',
  noCompatMode: false,
});

/** Raised for a value outside plain JSON-like data; the document is then written by js-yaml. */
class OutsideJsonSubset extends Error {}

/** js-yaml writes keys longer than this as explicit `? key` pairs; the writer leaves those to it. */
const MAX_IMPLICIT_KEY = 1024;

const INDENTS: string[] = [];

/** A line break followed by the indentation of `level` (two spaces per level). */
function newline(level: number): string {
  return (INDENTS[level] ??= '\n' + '  '.repeat(level));
}

function isPlainObject(value: object): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === '[object Object]';
}

/**
 * A YAML writer for JSON-compatible data (plain objects, arrays, strings, finite and special
 * numbers, booleans, null): one pass over the data, keys in insertion order, output identical to
 * `jsyaml.dump(value, JS_YAML_DUMP_OPTIONS)`. Anything else (dates, buffers, class instances
 * with a custom tag) makes that document go through js-yaml itself, so the bytes never differ.
 */
export class YamlWriter {
  private readonly scalars = new ScalarWriter();

  /** One document, ending with a line break; an undefined document is the empty string, as in js-yaml. */
  public document(value: unknown): string {
    try {
      const text = this.node(value, 0, true);
      return text === undefined ? '' : text + '\n';
    } catch (e) {
      if (e instanceof OutsideJsonSubset) return jsyaml.dump(value, JS_YAML_DUMP_OPTIONS);
      throw e;
    }
  }

  /** Documents separated by `---` lines. */
  public stream(values: readonly unknown[]): string {
    let out = '';
    for (let i = 0; i < values.length; i++) {
      if (i > 0) out += '---\n';
      out += this.document(values[i]);
    }
    return out;
  }

  /**
   * `value` at nesting `level`; undefined when js-yaml would leave the entry out. A compact
   * collection starts on the current line (a sequence item or the document root).
   */
  private node(value: unknown, level: number, compact: boolean): string | undefined {
    switch (typeof value) {
      case 'string':
        return this.scalars.string(value, level, false);
      case 'number':
        return numberScalar(value);
      case 'boolean':
        return value ? 'true' : 'false';
      case 'undefined':
        return undefined;
      case 'object':
        if (value === null) return 'null';
        if (Array.isArray(value)) return value.length === 0 ? '[]' : this.sequence(value, level, compact);
        if (isPlainObject(value)) return this.mapping(value, level, compact);
        throw new OutsideJsonSubset();
      default:
        throw new OutsideJsonSubset();
    }
  }

  private sequence(items: readonly unknown[], level: number, compact: boolean): string {
    let out = '';
    for (let i = 0; i < items.length; i++) {
      const item = this.node(items[i], level + 1, true) ?? 'null';
      if (!compact || i > 0) out += newline(level);
      out += item.charCodeAt(0) === 0x0a ? '-' : '- ';
      out += item;
    }
    return out;
  }

  private mapping(object: Record<string, unknown>, level: number, compact: boolean): string {
    let out = '';
    for (const key of Object.keys(object)) {
      const value = this.node(object[key], level + 1, false);
      if (value === undefined) continue;
      const keyText = this.scalars.string(key, level + 1, true);
      if (keyText.length > MAX_IMPLICIT_KEY) throw new OutsideJsonSubset();
      if (!compact || out !== '') out += newline(level);
      out += keyText;
      out += value.charCodeAt(0) === 0x0a ? ':' : ': ';
      out += value;
    }
    return out === '' ? '{}' : out;
  }
}
