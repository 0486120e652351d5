import { objectRule } from '../define';
import { at } from '../object';

/** Guide 9.2 and 14.6: an autoscaler scales. */
export const hpaRange = objectRule({
  id: 'hpa-max-above-min',
  summary: "An HPA's maxReplicas is greater than its minReplicas.",
  why: 'Guide 9.2 and 14.6: an HPA whose maximum equals its minimum never scales, so under load the service saturates while the autoscaler looks healthy; it usually means one of the two was copied from the other.',
  fix: 'Raise spec.maxReplicas above spec.minReplicas, or remove the HPA and set spec.replicas on the workload.',
  kinds: ['HorizontalPodAutoscaler'],
  check(object) {
    const min = at(object, 'spec', 'minReplicas');
    const max = at(object, 'spec', 'maxReplicas');
    const floor = typeof min === 'number' ? min : 1;
    return typeof max === 'number' && max <= floor
      ? [
          {
            message: `maxReplicas ${max} is not above minReplicas ${floor}, so it never scales`,
            field: 'spec.maxReplicas',
          },
        ]
      : [];
  },
});
