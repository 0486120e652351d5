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
  { name: 'day of week', min: 0, max: 7, names: DAYS },
];

/** Why `field` is not a valid cron field, or undefined when it is. */
function fieldProblem(field: string, spec: (typeof FIELDS)[number]): string | undefined {
  for (const part of field.split(',')) {
    const match = /^(\*|\?|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/([0-9]+))?$/.exec(part);
    if (!match) return `${spec.name} "${part}" is not a value, range, list or step`;
    if (match[2] !== undefined && Number(match[2]) < 1) return `${spec.name} step "/${match[2]}" must be at least 1`;
    if (match[1] === '*' || match[1] === '?') continue;
    for (const value of match[1].split('-')) {
      const index = spec.names?.indexOf(value.toUpperCase()) ?? -1;
      const n = /^[0-9]+$/.test(value) ? Number(value) : index >= 0 ? index + (spec.names === MONTHS ? 1 : 0) : NaN;
      if (!(n >= spec.min && n <= spec.max)) return `${spec.name} "${value}" is outside ${spec.min}-${spec.max}`;
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
  if (MACROS.includes(trimmed)) return schedule;
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
  return schedule;
}
