/** A seeded pseudo-random source (mulberry32), so property tests draw the same cases on every run. */
export class SeededRandom {
  private state: number;

  public constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A number in [0, 1). */
  public next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** One element of `items`. */
  public pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** An integer in [0, max). */
  public below(max: number): number {
    return Math.floor(this.next() * max);
  }
}

/**
 * Strings a YAML writer can get wrong: YAML 1.1 and 1.2 booleans, nulls, numbers in every base,
 * sexagesimals, timestamps, indicators, `: ` and ` #`, leading and trailing spaces, line breaks,
 * control and non-BMP characters, and a key too long for an implicit key.
 */
export const TRICKY_STRINGS: readonly string[] = [
  '',
  ' ',
  'yes',
  'Yes',
  'YES',
  'no',
  'No',
  'on',
  'On',
  'ON',
  'off',
  'OFF',
  'y',
  'Y',
  'n',
  'N',
  'true',
  'True',
  'FALSE',
  'null',
  'Null',
  'NULL',
  '~',
  '1',
  '-1',
  '+1',
  '0',
  '00',
  '08',
  '010',
  '1e3',
  '1E3',
  '1.5e-3',
  '0x1F',
  '0o17',
  '0b101',
  '1_000',
  '.5',
  '1.',
  '-.inf',
  '.inf',
  '.NaN',
  'nan',
  'NaN',
  'Infinity',
  '12:30',
  '-1:20:30.5',
  '2024-01-01',
  '2001-12-14t21:59:43.10-05:00',
  '<<',
  'a: b',
  'a:b',
  'http://x:80/path',
  'a #b',
  'a#b',
  '#x',
  '- x',
  '-x',
  '?x',
  ':x',
  'x:',
  ' lead',
  'trail ',
  'tab\tinside',
  'a\nb',
  'a\nb\n',
  'a\n\n',
  '\n',
  '\n\n',
  ' \nindented first',
  'x\n y',
  'crlf\r\nline',
  'q"uote',
  "it's",
  'back\\slash',
  '\u0000',
  '\u0007bell',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\ufeffbom',
  'é',
  '日本語',
  '😀',
  '\ud800lone',
  '[a]',
  '{a}',
  'a,b',
  '*ref',
  '&anchor',
  '!tag',
  '%x',
  '@x',
  '`x',
  '|',
  '>',
  '=',
  "'",
  '"',
  'order-api',
  'registry.example.com/order-api:v4.2.1',
  '250m',
  '1Gi',
  'sha256:0123abcd',
  '0.0.0.0/0',
  '10.0.0.0/8',
  '*/5 * * * *',
  'x'.repeat(1100),
];

/** Numbers with every representation rule: integers, floats, exponents, negative zero, infinities, NaN. */
export const TRICKY_NUMBERS: readonly number[] = [
  0,
  1,
  -1,
  3.5,
  -0,
  1e21,
  5e-100,
  1.5e300,
  0.1,
  123456789,
  Number.MAX_SAFE_INTEGER,
  NaN,
  Infinity,
  -Infinity,
];

/** Options for {@link randomValue}. */
export interface RandomValueOptions {
  /**
   * Whether `undefined` may appear (dropped from mappings, null in sequences).
   * @default true
   */
  readonly undefinedValues?: boolean;
  /**
   * Deepest nesting of collections.
   * @default 4
   */
  readonly maxDepth?: number;
}

/** A random JSON-like value built from tricky strings and numbers, nested mappings and sequences. */
export function randomValue(random: SeededRandom, options: RandomValueOptions = {}, depth = 0): unknown {
  const maxDepth = options.maxDepth ?? 4;
  const r = random.next();
  if (depth >= maxDepth || r < 0.45) {
    const s = random.next();
    if (s < 0.6) {
      const text = random.pick(TRICKY_STRINGS);
      return random.next() < 0.3 ? text + random.pick(TRICKY_STRINGS) : text;
    }
    if (s < 0.75) return random.pick(TRICKY_NUMBERS);
    if (s < 0.85) return random.next() < 0.5;
    if (s < 0.9) return null;
    if (s < 0.93 && options.undefinedValues !== false) return undefined;
    return random.next() < 0.5 ? [] : {};
  }
  if (r < 0.7) return Array.from({ length: random.below(4) }, () => randomValue(random, options, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = random.below(5); i > 0; i--)
    object[random.pick(TRICKY_STRINGS)] = randomValue(random, options, depth + 1);
  return object;
}
