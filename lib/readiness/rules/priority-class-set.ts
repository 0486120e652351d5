import { podRule } from '../define';

/** Guide 14.4 and 11.2: pods declare how important they are. */
export const priorityClassSet = podRule({
  id: 'priority-class-set',
  summary: 'Pods set a priorityClassName.',
  why: 'Guide 14.4 and 11.2: without a priority class, a critical service and a batch job are equal when the cluster is full, and the scheduler may leave the critical one Pending.',
  fix: 'Set spec.priorityClassName to a class of the platform catalogue (e.g. online-critical, online-standard, batch).',
  checkPod(template) {
    return template.spec.priorityClassName === undefined
      ? [{ message: 'pods set no priorityClassName', field: `${template.specPath}.priorityClassName` }]
      : [];
  },
});
