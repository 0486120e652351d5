import { assertCronSchedule } from '../../lib/core/schedule';

describe('assertCronSchedule', () => {
  test.each([
    '0 2 * * *',
    '0 4 1 */3 *',
    '30 */12 * * 1-5',
    '0 0 1 JAN,jul SUN',
    '5,35 0-6/2 ? * 7',
    '@daily',
    '@hourly',
  ])('accepts %s', (schedule) => {
    expect(assertCronSchedule('jobs/backup', 'schedule', schedule)).toBe(schedule);
  });

  test.each([
    ['', 'has 0 fields'],
    ['0 2 * *', 'has 4 fields'],
    ['0 0 2 * * *', 'has 6 fields'],
    ['0 24 * * *', 'hour "24" is outside 0-23'],
    ['0 0 0 * *', 'day of month "0" is outside 1-31'],
    ['0 0 * 13 *', 'month "13" is outside 1-12'],
    ['0 0 * * 8', 'day of week "8" is outside 0-7'],
    ['0 0 * FOO *', 'month "FOO" is outside 1-12'],
    ['*/0 * * * *', 'minute step "/0" must be at least 1'],
    ['0 2 * * * TZ', 'has 6 fields'],
    ['0 2;reboot * * *', 'hour "2;reboot" is not a value, range, list or step'],
  ])('refuses %j: %s', (schedule, problem) => {
    expect(() => assertCronSchedule('jobs/backup', 'schedule', schedule)).toThrow(
      `[jobs/backup] schedule ${JSON.stringify(schedule)} is not a cron schedule (${problem}); use five fields ` +
        `"minute hour day-of-month month day-of-week" such as "0 2 * * *", or a macro such as "@daily"`,
    );
  });
});
