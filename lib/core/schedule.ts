import { IConstruct } from 'constructs';
import { fail, show } from './errors';

const MACROS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** The five fields of a cron schedule: name, lowest and highest value, and accepted names. */
const FIELDS: readonly { name: string; min: number; max: number; names?: readonly string[] }[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  // Kubernetes parses schedules with robfig/cron v3 (ParseStandard): day of week is 0-6, 7 is refused.
  { name: 'day of week', min: 0, max: 6, names: DAYS },
];

/** robfig/cron's `@every <duration>` descriptor, the duration in Go's syntax (`1h30m`, `90s`). */
const EVERY = /^@every ([0-9]+(\.[0-9]+)?(ns|us|µs|μs|ms|s|m|h))+$/;

/** Why `field` is not a valid cron field, or undefined when it is. */
function fieldProblem(field: string, spec: (typeof FIELDS)[number]): string | undefined {
  for (const part of field.split(',')) {
    const match = /^(\*|\?|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/([0-9]+))?$/.exec(part);
    if (!match) return `${spec.name} "${part}" is not a value, range, list or step`;
    if (match[2] !== undefined && Number(match[2]) < 1) return `${spec.name} step "/${match[2]}" must be at least 1`;
    if (match[1] === '*' || match[1] === '?') continue;
    const bounds: number[] = [];
    for (const value of match[1].split('-')) {
      const index = spec.names?.indexOf(value.toUpperCase()) ?? -1;
      const n = /^[0-9]+$/.test(value) ? Number(value) : index >= 0 ? index + (spec.names === MONTHS ? 1 : 0) : NaN;
      if (!(n >= spec.min && n <= spec.max)) return `${spec.name} "${value}" is outside ${spec.min}-${spec.max}`;
      bounds.push(n);
    }
    if (bounds.length === 2 && bounds[0] > bounds[1]) {
      return `${spec.name} range "${match[1]}" begins after it ends`;
    }
  }
  return undefined;
}

/**
 * Refuses a CronJob schedule that Kubernetes would reject: five fields (minute, hour, day of month,
 * month, day of week) with values in range, or a macro such as `@daily`. Time zones belong in the
 * CronJob's `timeZone`, never in the schedule.
 */
export function assertCronSchedule(scope: IConstruct | string, prop: string, schedule: string): string {
  const trimmed = schedule.trim();
  // robfig/cron reads a descriptor as written: no space around it.
  if (MACROS.includes(schedule) || EVERY.test(schedule)) return schedule;
  const fields = trimmed.split(/\s+/);
  const problem =
    fields.length !== 5 || trimmed === ''
      ? `has ${trimmed === '' ? 0 : fields.length} fields`
      : fields.map((f, i) => fieldProblem(f, FIELDS[i])).find((p) => p !== undefined);
  if (problem) {
    fail(
      scope,
      `${prop} ${show(schedule)} is not a cron schedule (${problem}); use five fields ` +
        `"minute hour day-of-month month day-of-week" such as "0 2 * * *", or a macro such as "@daily"`,
    );
  }
  if (!canFire(fields)) {
    fail(
      scope,
      `${prop} ${show(schedule)} never fires: none of its months has the days of month it names; ` +
        `pick days every chosen month has, such as "0 0 28 2 *", or name the last day with a day-of-week field`,
    );
  }
  return schedule;
}

/** Days in each month, February in a leap year (a schedule for the 29th fires in leap years). */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The values a valid field selects. */
function fieldValues(field: string, spec: (typeof FIELDS)[number]): Set<number> {
  const value = (v: string) => {
    const index = spec.names?.indexOf(v.toUpperCase()) ?? -1;
    return /^[0-9]+$/.test(v) ? Number(v) : index + (spec.names === MONTHS ? 1 : 0);
  };
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const [range, step] = part.split('/');
    const [low, high] =
      range === '*' || range === '?'
        ? [spec.min, spec.max]
        : range.includes('-')
          ? range.split('-').map(value)
          : [value(range), step === undefined ? value(range) : spec.max];
    for (let v = low; v <= high; v += Number(step ?? 1)) values.add(v);
  }
  return values;
}

/**
 * Whether a valid five-field schedule ever fires. Kubernetes' cron (robfig/cron) matches a day when the
 * day of month and the day of week both match, or either does when neither field is `*` or `?`: only a
 * schedule whose day of week is `*` can name days that never come (`0 0 31 2 *`).
 */
function canFire(fields: readonly string[]): boolean {
  if (!['*', '?'].includes(fields[4])) return true;
  const days = fieldValues(fields[2], FIELDS[2]);
  const months = fieldValues(fields[3], FIELDS[3]);
  return [...months].some((m) => [...days].some((d) => d <= MONTH_DAYS[m - 1]));
}

/**
 * Refuses a time zone name that is not in the IANA database, or differs from its name there only in
 * case (the CronJob controller looks names up case-sensitively).
 */
export function assertTimeZone(scope: IConstruct | string, prop: string, timeZone: string): string {
  let resolved: string | undefined;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    resolved = undefined;
  }
  if (resolved === undefined || (resolved !== timeZone && resolved.toLowerCase() === timeZone.toLowerCase())) {
    const hint = resolved ? `; did you mean "${resolved}"?` : '; use an IANA name such as "Etc/UTC" or "Europe/Berlin"';
    fail(scope, `${prop} ${show(timeZone)} is not a time zone of the IANA database${hint}`);
  }
  return timeZone;
}
