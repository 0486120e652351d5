import { podsOf, replicaSetsOf } from '../../lib/observability/promql';

/** Whether Prometheus's fully anchored regex matcher `=~"..."` accepts `value`. */
function matches(matcher: string, value: string): boolean {
  const pattern = /^=~"(.*)"$/.exec(matcher)![1];
  return new RegExp(`^(?:${pattern})$`).test(value);
}

describe('pod and ReplicaSet name matchers', () => {
  const tracks = ['order-api', 'order-api-canary'];

  const matchers = { pod: podsOf(tracks), ReplicaSet: replicaSetsOf(tracks) };

  test.each([
    ['pod', 'order-api-7d9f8b6c5-x2x9z', true],
    ['pod', 'order-api-canary-5c6d7f8b9-q8w7r', true],
    // one-digit and ten-digit hashes: a 32-bit number's decimal digits, encoded
    ['pod', 'order-api-b-x2x9z', true],
    ['pod', 'order-api-7d9f8b6c5b-x2x9z', true],
    // a Job's pod, a CronJob's Job's pod, another Deployment sharing the prefix, a StatefulSet pod
    ['pod', 'order-api-migrate-x7k2p', false],
    ['pod', 'order-api-28712345-x7k2p', false],
    ['pod', 'order-api-worker-5c6d7f8b9-q8w7r', false],
    ['pod', 'order-api-0', false],
    // a suffix that is not five generated characters
    ['pod', 'order-api-7d9f8b6c5-x2x9', false],
    ['pod', 'order-api-7d9f8b6c5-abcde', false],
    ['ReplicaSet', 'order-api-7d9f8b6c5', true],
    ['ReplicaSet', 'order-api-canary-5c6d7f8b9', true],
    ['ReplicaSet', 'order-api-migrate', false],
    ['ReplicaSet', 'order-api-worker-5c6d7f8b9', false],
  ] as const)('%s %s belongs to the tracks: %s', (kind, name, expected) => {
    expect(matches(matchers[kind], name)).toBe(expected);
  });
});
