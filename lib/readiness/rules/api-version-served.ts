import { objectRule } from '../define';
import { kindOf, text } from '../object';
import { removedIn } from '../removed-apis';

/**
 * Guide 13 (upgrades): an object in an API version the target Kubernetes no longer serves is refused
 * by the API server, so the whole sync fails on the cluster being upgraded.
 */
export const apiVersionServed = objectRule({
  id: 'api-version-served',
  summary: 'Every object uses an API version the target Kubernetes version still serves.',
  why: 'Guide 13: removed API versions (extensions/v1beta1 Ingress in 1.22, batch/v1beta1 CronJob and policy/v1beta1 PodDisruptionBudget in 1.25, autoscaling/v2beta2 in 1.26) are refused by the API server, and the sync of the whole application fails.',
  fix: 'Move the object to the replacement API version named in the finding (see the Kubernetes Deprecated API Migration Guide for field changes), or check with --kube-version the release you target.',
  kinds: ['*'],
  check(object, { kubeMinor }) {
    const apiVersion = text(object.apiVersion) ?? '';
    const removed = removedIn(apiVersion, kindOf(object), kubeMinor);
    if (!removed) return [];
    return [
      {
        message: `${apiVersion} ${kindOf(object)} is not served since Kubernetes v1.${removed.minor} (target v1.${kubeMinor}); use ${removed.replacement}`,
        field: 'apiVersion',
      },
    ];
  },
});
