import * as jsyaml from 'js-yaml';

/**
 * How one scalar is written, following js-yaml 4 `dump` with `lineWidth: -1`, `quotingType: '"'`
 * and compatibility mode on, so the output is byte-identical to it. Strings are plain when YAML
 * would read them back as the same string, double-quoted when YAML 1.1 or 1.2 would read them as
 * another type (`yes`, `on`, `1e3`, `0x1F`, `null`, `~`, `12:30`, an empty string) or when they hold
 * indicator characters, and literal blocks (`|`) when they span lines.
 */

/** YAML 1.1 booleans that YAML 1.2 reads as strings; Kubernetes (YAML 1.1) would read them as booleans. */
const YAML11_BOOLEANS = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'on',
  'On',
  'ON',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'off',
  'Off',
  'OFF',
]);

/** YAML 1.1 sexagesimal numbers such as `12:30`. */
const YAML11_BASE60 = /^[-+]?[0-9_]+(?::[0-9_]+)+(?:\.[0-9_]*)?$/;

/** Minimal view of a js-yaml type: only the check that a plain scalar resolves to it. */
interface ImplicitType {
  resolve(data: string): boolean;
}

/** The implicit types of js-yaml's default schema (null, bool, int, float, timestamp, merge). */
const IMPLICIT_TYPES: readonly ImplicitType[] = (() => {
  const types = (jsyaml as unknown as { types: Record<string, ImplicitType> }).types;
  return ['null', 'bool', 'int', 'float', 'timestamp', 'merge'].map((name) => types[name]);
})();

/** First characters with which a plain scalar can resolve to a non-string type; others never do. */
const AMBIGUOUS_START = /^[-+.0-9_~<nNtTfF]/;

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const SHARP = 0x23;
const COLON = 0x3a;
const BOM = 0xfeff;

/** Characters that may not start a plain scalar (YAML indicators and whitespace). */
const NOT_PLAIN_FIRST = new Set([...'-?:,[]{}#&*!|=>\'"%@`'].map((c) => c.charCodeAt(0)).concat([SPACE, TAB]));

const ESCAPES: Record<number, string> = {
  0x00: '\\0',
  0x07: '\\a',
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0b: '\\v',
  0x0c: '\\f',
  0x0d: '\\r',
  0x1b: '\\e',
  0x22: '\\"',
  0x5c: '\\\\',
  0x85: '\\N',
  0xa0: '\\_',
  0x2028: '\\L',
  0x2029: '\\P',
};

function isPrintable(c: number): boolean {
  return (
    (0x20 <= c && c <= 0x7e) ||
    (0xa1 <= c && c <= 0xd7ff && c !== 0x2028 && c !== 0x2029) ||
    (0xe000 <= c && c <= 0xfffd && c !== BOM) ||
    (0x10000 <= c && c <= 0x10ffff)
  );
}

function isWhitespace(c: number): boolean {
  return c === SPACE || c === TAB;
}

function isNsCharOrWhitespace(c: number): boolean {
  return isPrintable(c) && c !== BOM && c !== CARRIAGE_RETURN && c !== LINE_FEED;
}

/** Whether `c` may appear in a plain scalar in block context after `prev` (`: ` and ` #` may not). */
function isPlainSafe(c: number, prev: number): boolean {
  const nsOrWhite = isNsCharOrWhitespace(c);
  const nsChar = nsOrWhite && !isWhitespace(c);
  return (
    (nsOrWhite && c !== SHARP && !(prev === COLON && !nsChar)) ||
    (isNsCharOrWhitespace(prev) && !isWhitespace(prev) && c === SHARP) ||
    (prev === COLON && nsChar)
  );
}

/** Like `String.prototype.codePointAt`, but a lone surrogate stays a lone surrogate. */
function codePointAt(s: string, i: number): number {
  const first = s.charCodeAt(i);
  if (first >= 0xd800 && first <= 0xdbff && i + 1 < s.length) {
    const second = s.charCodeAt(i + 1);
    if (second >= 0xdc00 && second <= 0xdfff) return (first - 0xd800) * 0x400 + second - 0xdc00 + 0x10000;
  }
  return first;
}

/** Whether YAML would read `s`, written plain, as something other than this string. */
function resolvesToOtherType(s: string): boolean {
  return AMBIGUOUS_START.test(s) && IMPLICIT_TYPES.some((t) => t.resolve(s));
}

type Style = 'plain' | 'double' | 'literal';

function chooseStyle(s: string, isKey: boolean): Style {
  let plain = !NOT_PLAIN_FIRST.has(codePointAt(s, 0)) && isPrintable(codePointAt(s, 0)) && s.charCodeAt(0) !== BOM;
  const last = codePointAt(s, s.length - 1);
  plain = plain && !isWhitespace(last) && last !== COLON;
  let hasLineBreak = false;
  let prev = -1;
  for (let i = 0; i < s.length;) {
    const c = codePointAt(s, i);
    if (c === LINE_FEED && !isKey) hasLineBreak = true;
    else if (!isPrintable(c)) return 'double';
    plain = plain && isPlainSafe(c, prev);
    prev = c;
    i += c >= 0x10000 ? 2 : 1;
  }
  if (hasLineBreak) return 'literal';
  return plain && !resolvesToOtherType(s) ? 'plain' : 'double';
}

function escapeDoubleQuoted(s: string): string {
  let out = '';
  for (let i = 0; i < s.length;) {
    const c = codePointAt(s, i);
    const escape = ESCAPES[c];
    if (!escape && isPrintable(c)) out += c >= 0x10000 ? s[i] + s[i + 1] : s[i];
    else out += escape ?? hexEscape(c);
    i += c >= 0x10000 ? 2 : 1;
  }
  return out;
}

function hexEscape(c: number): string {
  const hex = c.toString(16).toUpperCase();
  const [handle, width] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
  return `\\${handle}${'0'.repeat(width - hex.length)}${hex}`;
}

/** `s` as a literal block scalar whose lines are indented by `indent` spaces. */
function literalBlock(s: string, indent: number): string {
  const indentIndicator = /^\n* /.test(s) ? '2' : '';
  const clip = s[s.length - 1] === '\n';
  const keep = clip && (s[s.length - 2] === '\n' || s === '\n');
  const chomp = keep ? '+' : clip ? '' : '-';
  const pad = ' '.repeat(indent);
  const lines = s.split('\n');
  if (clip) lines.pop();
  const body = lines.map((line) => (line.length > 0 ? pad + line : line)).join('\n');
  return `|${indentIndicator}${chomp}\n${body}`;
}

/**
 * Writes strings as YAML scalars and remembers the single-line ones: in manifests the same labels,
 * names and values come back thousands of times.
 */
export class ScalarWriter {
  private readonly singleLine = new Map<string, string>();

  /**
   * The string as a scalar; `level` is its nesting depth, which only a multi-line value's block
   * indentation depends on. A key is never written as a block.
   */
  public string(s: string, level: number, isKey: boolean): string {
    const known = this.singleLine.get(s);
    if (known !== undefined) return known;
    if (s.length === 0) return '""';
    if (YAML11_BOOLEANS.has(s) || YAML11_BASE60.test(s)) return this.remember(s, `"${s}"`);
    const style = chooseStyle(s, isKey);
    if (style === 'literal') return literalBlock(s, 2 * Math.max(1, level));
    return this.remember(s, style === 'plain' ? s : `"${escapeDoubleQuoted(s)}"`);
  }

  private remember(s: string, text: string): string {
    // A key holding a line break is quoted while the same value would be a block: keep only what both share.
    if (s.indexOf('\n') === -1) this.singleLine.set(s, text);
    return text;
  }
}

/** A number as js-yaml writes it: integers in decimal, `.inf`, `.nan`, `-0.0`, `1.e-7`. */
export function numberScalar(n: number): string {
  if (n % 1 === 0 && !Object.is(n, -0)) return n.toString(10);
  if (Number.isNaN(n)) return '.nan';
  if (n === Number.POSITIVE_INFINITY) return '.inf';
  if (n === Number.NEGATIVE_INFINITY) return '-.inf';
  if (Object.is(n, -0)) return '-0.0';
  const text = n.toString(10);
  return /^[-+]?[0-9]+e/.test(text) ? text.replace('e', '.e') : text;
}
