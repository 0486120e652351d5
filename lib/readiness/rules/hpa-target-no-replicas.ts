import { objectRule } from '../define';
import { nameOf } from '../object';
import { autoscalerOf } from '../relations';

/** Guide 9.2 and 13.2: the HPA owns the replica count of its target. */
export const hpaTargetNoReplicas = objectRule({
  id: 'hpa-target-no-replicas',
  summary: 'A workload scaled by an HPA does not set spec.replicas.',
  why: 'Guide 9.2 and 13.2: with spec.replicas in Git, every Argo CD sync resets the count the HPA chose, so a scaled-out service drops back to the fixed number in the middle of a peak.',
  fix: 'Remove spec.replicas; the HPA minReplicas sets the floor.',
  kinds: ['Deployment', 'StatefulSet', 'ReplicaSet'],
  check(object, { index }) {
    const hpa = autoscalerOf(index, object);
    const spec = object.spec as Record<string, unknown> | undefined;
    return hpa && spec?.replicas !== undefined
      ? [
          {
            message: `sets replicas ${JSON.stringify(spec.replicas)} although HorizontalPodAutoscaler/${nameOf(hpa)} scales it`,
            field: 'spec.replicas',
          },
        ]
      : [];
  },
});
