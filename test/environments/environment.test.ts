import { Environment, EnvironmentProps, Environments, LogLevel, PolicyMode, ZoneSpread } from '../../lib';

const base: EnvironmentProps = {
  name: 'production',
  namespace: 'production',
  clusters: [{ name: 'prod-eu-1', server: 'https://prod-eu-1.example.com' }],
  images: { 'order-api': 'registry.example.com/order-api:v4.2.1' },
  capacity: {
    'order-api': {
      minReplicas: 8,
      maxReplicas: 50,
      cpuUtilization: 65,
      resources: { cpu: { request: '1', limit: '2' }, memory: { request: '2Gi', limit: '3Gi' } },
    },
  },
  nodePool: 'online-general',
  zoneSpread: ZoneSpread.STRICT,
  policyMode: PolicyMode.ENFORCE,
  peak: { enabled: false, minReplicas: 20, maxReplicas: 80 },
};

describe('Environment', () => {
  test('keeps the normal capacity while the peak profile is off', () => {
    expect(new Environment(base).capacityOf('order-api')).toMatchObject({
      minReplicas: 8,
      maxReplicas: 50,
      disruptionBudgetPercent: 10,
    });
  });

  test('raises the floor to 20 and the ceiling when the peak profile is on, keeping the budget a share', () => {
    const peak = new Environment({ ...base, peak: { ...base.peak!, enabled: true } });
    expect(peak.capacityOf('order-api')).toMatchObject({
      minReplicas: 20,
      maxReplicas: 80,
      disruptionBudgetPercent: 10,
    });
  });

  test('keeps a budget share given for the service', () => {
    const env = new Environment({
      ...base,
      capacity: { a: { ...base.capacity['order-api'], disruptionBudgetPercent: 20 } },
    });
    expect(env.capacityOf('a').disruptionBudgetPercent).toBe(20);
  });

  test('refuses an image without a tag', () => {
    expect(() => new Environment({ ...base, images: { 'order-api': 'registry.example.com/order-api' } })).toThrow(
      '[environments/production] images.order-api "registry.example.com/order-api" has no tag, so it means "latest"; pin a version such as registry.example.com/order-api:v1.2.3 or a digest',
    );
  });

  test('refuses the latest tag', () => {
    expect(
      () => new Environment({ ...base, images: { 'order-api': 'registry.example.com/order-api:latest' } }),
    ).toThrow(
      '[environments/production] images.order-api "registry.example.com/order-api:latest" uses the mutable tag "latest"',
    );
  });

  test('refuses a peak profile below the normal minimum', () => {
    expect(() => new Environment({ ...base, peak: { enabled: false, minReplicas: 4, maxReplicas: 80 } })).toThrow(
      '[environments/production] peak.minReplicas (4) is below the normal minimum of order-api (8); a peak profile must add capacity: use at least 8',
    );
  });

  test('names the missing service when asked for an image it does not pin', () => {
    expect(() => new Environment(base).imageOf('payment')).toThrow(
      `[environments/production] images has no entry for "payment"; add images['payment'] = 'registry/payment:vX.Y.Z'`,
    );
  });
});

describe('Environment data beyond capacity', () => {
  const quota = { cpu: { request: '2', limit: '4' }, memory: { request: '4Gi', limit: '8Gi' } };
  const env = new Environment({
    ...base,
    logLevel: LogLevel.WARN,
    storage: { redis: '50Gi' },
    quotas: { infra: quota },
  });

  test('holds the log level, INFO unless given', () => {
    expect(env.logLevel).toBe('WARN');
    expect(new Environment(base).logLevel).toBe('INFO');
  });

  test('holds the volume size of each stateful service and refuses an unknown one', () => {
    expect(env.storageOf('redis')).toBe('50Gi');
    expect(() => env.storageOf('postgres')).toThrow(
      `[environments/production] storage has no entry for "postgres"; add storage['postgres'] = '10Gi'`,
    );
  });

  test('refuses a volume size that is no quantity', () => {
    expect(() => new Environment({ ...base, storage: { redis: '50 GB' } })).toThrow(
      '[environments/production] storage.redis "50 GB" is not a Kubernetes quantity; use e.g. "10Gi"',
    );
  });

  test('holds the quota of each tenant and refuses an unknown one', () => {
    expect(env.quotaOf('infra')).toBe(quota);
    expect(() => env.quotaOf('batch')).toThrow(
      `[environments/production] quotas has no entry for "batch"; add quotas['batch'] with cpu and memory totals`,
    );
  });
});

describe('Environments', () => {
  const staging = new Environment({ ...base, name: 'staging', namespace: 'staging' });

  test('refuses an unknown environment name and lists the known ones', () => {
    expect(() => new Environments([new Environment(base), staging]).get('prod')).toThrow(
      '[environments] unknown environment "prod"; use one of: production, staging',
    );
  });

  test('refuses two environments writing the same namespace on one cluster', () => {
    const clash = new Environment({ ...base, name: 'staging' });
    expect(() => new Environments([new Environment(base), clash])).toThrow(
      '[environments/staging] namespace "production" on cluster prod-eu-1 (https://prod-eu-1.example.com) is already written by environment "production"; give one of them another namespace or cluster',
    );
  });

  test('accepts the same namespace on different clusters', () => {
    const other = new Environment({
      ...base,
      name: 'staging',
      clusters: [{ name: 's', server: 'https://s.example.com' }],
    });
    expect(new Environments([new Environment(base), other]).all).toHaveLength(2);
  });
});

describe('Environment access and delivery', () => {
  test('refuses standing edit or admin where noStandingWriteAccess is set', () => {
    expect(
      () => new Environment({ ...base, noStandingWriteAccess: true, access: { view: ['sre'], edit: ['team-shop'] } }),
    ).toThrow(
      '[environments/production] access.edit ["team-shop"] is a standing write binding, refused by noStandingWriteAccess; ' +
        'give read through access.view and incident access through access.breakGlass',
    );
    expect(() => new Environment({ ...base, noStandingWriteAccess: true, access: { admin: ['ops'] } })).toThrow(
      '[environments/production] access.admin ["ops"] is a standing write binding',
    );
  });

  test('accepts read and break-glass access without standing write', () => {
    const env = new Environment({
      ...base,
      noStandingWriteAccess: true,
      access: { view: ['sre'], breakGlass: ['prod-break-glass'] },
    });
    expect(env.access).toEqual({ view: ['sre'], breakGlass: ['prod-break-glass'] });
    expect(new Environment(base).access).toEqual({});
  });

  test('refuses a sync window whose schedule or duration Argo CD cannot read', () => {
    const window = { kind: 'allow' as const, schedule: '0 8 * * 1-4', duration: '8h' };
    expect(
      () =>
        new Environment({ ...base, delivery: { deployers: ['sre'], syncWindows: [{ ...window, schedule: '8:00' }] } }),
    ).toThrow(
      '[environments/production] delivery.syncWindows[0].schedule "8:00" is not a cron schedule (has 1 fields); use five fields "minute hour day-of-month month day-of-week" such as "0 2 * * *", or a macro such as "@daily"',
    );
    expect(
      () =>
        new Environment({ ...base, delivery: { deployers: ['sre'], syncWindows: [{ ...window, duration: '1d' }] } }),
    ).toThrow(
      '[environments/production] delivery.syncWindows[0].duration "1d" is not a duration Argo CD reads; use hours or minutes such as "8h"',
    );
    expect(
      () =>
        new Environment({
          ...base,
          delivery: { deployers: ['sre'], syncWindows: [{ ...window, timeZone: 'Europe/Atlantis' }] },
        }),
    ).toThrow('[environments/production] delivery.syncWindows[0].timeZone "Europe/Atlantis"');
  });
});

describe('target revisions', () => {
  test('a revision no branch, tag or commit can have is refused', () => {
    expect(() => new Environment({ ...base, targetRevision: 'release..1' })).toThrow(
      '[environments/production] targetRevision "release..1" is not a Git branch, tag or commit; use e.g. "main" or "release-2026.12"',
    );
  });
});
