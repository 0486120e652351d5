import { objectRule } from '../define';
import { nameOf } from '../object';
import { autoscalerOf, minimumReplicas } from '../relations';

/** Guide 16.3 and 14.10: a serving workload survives the loss of one pod. */
export const moreThanOneReplica = objectRule({
  id: 'replicas-above-one',
  summary: 'Deployments and StatefulSets run at least two pods: replicas, or the HPA minReplicas, above 1.',
  why: 'Guide 16.3 ("Replica count ≠ HA") and 14.10: with one pod every node drain, eviction, crash or rollout of a Recreate strategy is an outage, and a PodDisruptionBudget cannot protect it without blocking drains.',
  fix: 'Set spec.replicas (or the HPA spec.minReplicas) to 2 or more; for a deliberate single pod (a canary, a singleton leader) suppress the rule with the reason.',
  kinds: ['Deployment', 'StatefulSet'],
  check(object, { index }) {
    const replicas = minimumReplicas(index, object);
    if (replicas === undefined || replicas > 1) return [];
    const hpa = autoscalerOf(index, object);
    return hpa
      ? [
          {
            message: `HorizontalPodAutoscaler/${nameOf(hpa)} may scale it down to ${replicas} pod, so losing it is an outage`,
          },
        ]
      : [{ message: `runs ${replicas} replica(s), so losing one pod is an outage`, field: 'spec.replicas' }];
  },
});
