import { assertCronSchedule } from '../../lib/core/schedule';

describe('assertCronSchedule', () => {
  test.each([
    '0 2 * * *',
    '0 4 1 */3 *',
    '30 */12 * * 1-5',
    '0 0 1 JAN,jul SUN',
    '5,35 0-6/2 ? * 6',
    '0 3 * * MON-FRI',
    '@daily',
    '@hourly',
    // robfig/cron's descriptor, which Kubernetes' ParseStandard accepts
    '@every 1h30m',
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
    // robfig/cron v3 (Kubernetes' parser) bounds day of week to 0-6: 7 is no Sunday there
    ['0 0 * * 7', 'day of week "7" is outside 0-6'],
    ['0 5-3 * * *', 'hour range "5-3" begins after it ends'],
    ['0 3 * * MON-SUN', 'day of week range "MON-SUN" begins after it ends'],
    ['@every 1 hour', 'has 3 fields'],
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
