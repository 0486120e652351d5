import { objectRule } from '../define';
import { at, namespaceOf, nameOf, text } from '../object';
import { disruptionBudgetsOf } from '../relations';
import { resolveMinAvailable } from './pdb-budget';

/** Guide 14.6 and 14.7: the HPA floor stays above the PDB floor. */
export const hpaMinAbovePdb = objectRule({
  id: 'hpa-min-above-pdb',
  summary: "An HPA's minReplicas is greater than the minAvailable of every PDB covering its target.",
  why: 'Guide 14.6, 14.7 and 14.10: when the HPA scales down to minReplicas and the PDB demands as many pods available, no pod may be evicted and drains block; a percentage minAvailable rounds up (90% of 3 pods is 3) (the order-api runs minReplicas 8 against minAvailable 6).',
  fix: 'Raise spec.minReplicas above the PDB minAvailable, or lower minAvailable (e.g. minReplicas - 2).',
  kinds: ['HorizontalPodAutoscaler'],
  check(object, { index }) {
    const target = index.get(
      text(at(object, 'spec', 'scaleTargetRef', 'kind')) ?? '',
      namespaceOf(object),
      text(at(object, 'spec', 'scaleTargetRef', 'name')) ?? '',
    );
    if (!target) return [];
    const min = at(object, 'spec', 'minReplicas');
    const minReplicas = typeof min === 'number' ? min : 1;
    return disruptionBudgetsOf(index, target).flatMap((pdb) => {
      const minAvailable = at(pdb, 'spec', 'minAvailable');
      const demanded = resolveMinAvailable(minAvailable, minReplicas);
      const shown =
        typeof minAvailable === 'number'
          ? `${minAvailable}`
          : `${JSON.stringify(minAvailable)} (${demanded} of ${minReplicas} pods, rounded up)`;
      return demanded !== undefined && demanded >= minReplicas
        ? [
            {
              message: `minReplicas ${minReplicas} is not above minAvailable ${shown} of PodDisruptionBudget/${nameOf(pdb)}`,
              field: 'spec.minReplicas',
            },
          ]
        : [];
    });
  },
});
