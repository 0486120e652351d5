import { objectRule } from '../define';
import { at, namespaceOf, text } from '../object';

/** Guide 11.6: an HPA whose target does not exist scales nothing. */
export const hpaTargetExists = objectRule({
  id: 'hpa-target-exists',
  summary: "Every HorizontalPodAutoscaler's scaleTargetRef names a workload in the output.",
  why: 'Guide 11.6 and 9.2: an HPA pointing at a misspelt or deleted Deployment reports nothing useful and the real workload never scales under load.',
  fix: 'Set spec.scaleTargetRef kind and name to the workload in the same namespace.',
  kinds: ['HorizontalPodAutoscaler'],
  check(object, { index }) {
    const kind = text(at(object, 'spec', 'scaleTargetRef', 'kind')) ?? '';
    const name = text(at(object, 'spec', 'scaleTargetRef', 'name')) ?? '';
    return index.get(kind, namespaceOf(object), name)
      ? []
      : [{ message: `scaleTargetRef ${kind}/${name} is not in the output`, field: 'spec.scaleTargetRef' }];
  },
});
