import { objectRule } from '../define';
import { at, text } from '../object';
import { minimumReplicas } from '../relations';
import { Violation } from '../types';

/** Resolves an int-or-percent against `replicas` the way the Deployment controller does. */
export function resolveIntOrPercent(value: unknown, replicas: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+)%$/.exec(String(value));
  if (!match) return NaN;
  const exact = (Number(match[1]) * replicas) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** Guide 6.1: the rollout can make progress and keeps capacity. */
export const rollingUpdateProgress = objectRule({
  id: 'rolling-update-progress',
  summary: 'RollingUpdate parameters let a rollout progress without taking every pod down.',
  why: 'Guide 6.1 and 14.3: with maxSurge and maxUnavailable both 0 a rollout never starts; with maxUnavailable at the replica count every pod may be replaced at once.',
  fix: 'Use maxSurge ≥ 1 and maxUnavailable below the replica count (the order-api uses maxSurge 2, maxUnavailable 1).',
  kinds: ['Deployment'],
  check(object, { index }) {
    if ((text(at(object, 'spec', 'strategy', 'type')) ?? 'RollingUpdate') !== 'RollingUpdate') return [];
    const replicas = minimumReplicas(index, object) ?? 1;
    const surge = resolveIntOrPercent(
      at(object, 'spec', 'strategy', 'rollingUpdate', 'maxSurge') ?? '25%',
      replicas,
      true,
    );
    const unavailable = resolveIntOrPercent(
      at(object, 'spec', 'strategy', 'rollingUpdate', 'maxUnavailable') ?? '25%',
      replicas,
      false,
    );
    const out: Violation[] = [];
    if (surge === 0 && unavailable === 0)
      out.push({
        message: `maxSurge and maxUnavailable both resolve to 0 for ${replicas} replicas, so the rollout cannot progress`,
        field: 'spec.strategy.rollingUpdate',
      });
    if (replicas > 1 && unavailable >= replicas)
      out.push({
        message: `maxUnavailable resolves to ${unavailable} for ${replicas} replicas, so every pod may be down at once`,
        field: 'spec.strategy.rollingUpdate.maxUnavailable',
      });
    return out;
  },
});
