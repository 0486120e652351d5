/** The value after `name` in `argv`, or `fallback` when the option is absent. */
export function optionValue(argv: readonly string[], name: string, fallback: string): string {
  const i = argv.indexOf(name);
  if (i === -1) return fallback;
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}

/** Whether the flag `name` is present in `argv`. */
export function hasFlag(argv: readonly string[], name: string): boolean {
  return argv.includes(name);
}
