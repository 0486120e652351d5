import { selectorMatches } from '../../lib/core/label-selector';

const labels = { app: 'api', tier: 'backend' };

test.each([
  [{}, true],
  [{ matchLabels: { app: 'api' } }, true],
  [{ matchLabels: { app: 'api', tier: 'frontend' } }, false],
  [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['backend', 'db'] }] }, true],
  [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['backend'] }] }, false],
  [{ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] }, true],
  [{ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, true],
  [{ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, false],
  [{ matchLabels: { app: 'api' }, matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, false],
  [{ matchExpressions: [{ key: 'app', operator: 'Gt', values: ['1'] }] }, false],
])('selector %j matches {app: api, tier: backend}: %s', (selector, expected) => {
  expect(selectorMatches(selector, labels)).toBe(expected);
});
