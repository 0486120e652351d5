import { objectRule } from '../define';
import { annotationsOf, at, kindOf } from '../object';
import { Violation } from '../types';

/** Annotations with which Argo CD and Helm delete a hook Job themselves, so it needs no TTL. */
const HOOK_DELETE_POLICIES = ['argocd.argoproj.io/hook-delete-policy', 'helm.sh/hook-delete-policy'];

/** Guide 16.1 and 9.3: scheduled jobs cannot pile up or linger. */
export const cronJobPolicies = objectRule({
  id: 'cronjob-policies',
  summary:
    'CronJobs set startingDeadlineSeconds, a Forbid or Replace concurrencyPolicy and ttlSecondsAfterFinished; standalone Jobs set ttlSecondsAfterFinished.',
  why: 'Guide 16.1 ("prune old Jobs") and 11.2: without a deadline a CronJob that missed runs starts them all at once after an outage; with concurrency Allow slow runs overlap; without a TTL finished Jobs and their pods pile up. A Job that Argo CD or Helm deletes as a hook (hook-delete-policy) needs no TTL.',
  fix: 'Set spec.startingDeadlineSeconds, spec.concurrencyPolicy: Forbid (or Replace) and spec.jobTemplate.spec.ttlSecondsAfterFinished on a CronJob; spec.ttlSecondsAfterFinished on a Job.',
  kinds: ['CronJob', 'Job'],
  check(object) {
    if (kindOf(object) === 'Job') {
      const annotations = annotationsOf(object);
      if (HOOK_DELETE_POLICIES.some((a) => annotations[a] !== undefined)) return [];
      return at(object, 'spec', 'ttlSecondsAfterFinished') === undefined
        ? [{ message: 'sets no ttlSecondsAfterFinished', field: 'spec.ttlSecondsAfterFinished' }]
        : [];
    }
    const out: Violation[] = [];
    if (at(object, 'spec', 'startingDeadlineSeconds') === undefined)
      out.push({ message: 'sets no startingDeadlineSeconds', field: 'spec.startingDeadlineSeconds' });
    const policy = at(object, 'spec', 'concurrencyPolicy');
    if (policy !== 'Forbid' && policy !== 'Replace')
      out.push({
        message: `concurrencyPolicy is ${JSON.stringify(policy ?? 'Allow')}, so runs may overlap`,
        field: 'spec.concurrencyPolicy',
      });
    if (at(object, 'spec', 'jobTemplate', 'spec', 'ttlSecondsAfterFinished') === undefined)
      out.push({
        message: 'sets no jobTemplate.spec.ttlSecondsAfterFinished',
        field: 'spec.jobTemplate.spec.ttlSecondsAfterFinished',
      });
    return out;
  },
});
