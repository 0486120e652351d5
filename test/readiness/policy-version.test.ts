import { LATEST_PSS_MINOR, parsePolicyVersion } from '../../lib/readiness/policy-version';

describe('parsePolicyVersion', () => {
  test('applies the newest known rules to a newer version, as Pod Security Admission does', () => {
    expect(parsePolicyVersion('v1.99')).toEqual({ name: 'v1.99', minor: LATEST_PSS_MINOR });
    expect(parsePolicyVersion('latest')).toEqual({ name: 'latest', minor: LATEST_PSS_MINOR });
    expect(parsePolicyVersion('v1.28')).toEqual({ name: 'v1.28', minor: 28 });
  });

  test('refuses a newer version when asked to, naming the range it knows', () => {
    expect(() => parsePolicyVersion('v1.99', { refuseNewer: true })).toThrow(
      `Pod Security policy version "v1.99" is newer than v1.${LATEST_PSS_MINOR}, the newest this checker knows`,
    );
    expect(parsePolicyVersion(`v1.${LATEST_PSS_MINOR}`, { refuseNewer: true }).minor).toBe(LATEST_PSS_MINOR);
  });
});
