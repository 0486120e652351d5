import { Preemption, PriorityClasses, PriorityTier } from '../../lib';
import { findObject, synthClusterChart } from '../support/manifests';

describe('PriorityClasses', () => {
  const objects = synthClusterChart((chart) => new PriorityClasses(chart, 'priority-classes'));

  test('synthesizes the catalogue', () => {
    expect(objects).toMatchSnapshot();
    expect(objects.map((o: any) => `${o.metadata.name}=${o.value}`)).toEqual([
      'online-critical=100000',
      'online-standard=10000',
      'batch=1000',
    ]);
  });

  test('lets the batch tier wait but never preempt', () => {
    expect(findObject(objects, 'PriorityClass', 'batch').preemptionPolicy).toBe('Never');
    expect(findObject(objects, 'PriorityClass', 'online-critical').preemptionPolicy).toBe('PreemptLowerPriority');
  });

  test('declares no global default and no namespace', () => {
    for (const o of objects as any[]) {
      expect(o.globalDefault).toBe(false);
      expect(o.metadata.namespace).toBeUndefined();
    }
  });

  test('accepts a custom tier, including a negative value', () => {
    const custom = new PriorityTier('best-effort', -10, Preemption.NEVER, 'Work that yields to everything.');
    const out = synthClusterChart(
      (chart) => new PriorityClasses(chart, 'p', { tiers: [...PriorityTier.CATALOGUE, custom] }),
    );
    expect(findObject(out, 'PriorityClass', 'best-effort').value).toBe(-10);
  });

  test('refuses a value outside the user range', () => {
    const tooHigh = new PriorityTier('too-high', 2000000000, Preemption.PREEMPT_LOWER_PRIORITY, 'x');
    expect(() => synthClusterChart((chart) => new PriorityClasses(chart, 'p', { tiers: [tooHigh] }))).toThrow(
      '[production/test/p] tiers[0] "too-high" has value 2000000000, outside the range of user-defined priority classes ' +
        '(-2147483648 to 1000000000; higher values are reserved for system classes); use an integer of at most 1000000000, e.g. 100000',
    );
  });

  test('refuses a built-in tier', () => {
    expect(() =>
      synthClusterChart((chart) => new PriorityClasses(chart, 'p', { tiers: [PriorityTier.SYSTEM_NODE_CRITICAL] })),
    ).toThrow(
      '[production/test/p] tiers[0] "system-node-critical" is a built-in class that Kubernetes creates itself; remove it from tiers',
    );
  });
});
