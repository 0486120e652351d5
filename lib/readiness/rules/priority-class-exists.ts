import { podRule } from '../define';
import { text } from '../object';

/** Priority classes every cluster has. */
const BUILT_IN = new Set(['system-cluster-critical', 'system-node-critical']);

/** Guide 14.4 and 11.2: pods name a priority class the platform declares. */
export const priorityClassExists = podRule({
  id: 'priority-class-exists',
  summary: 'When the output declares PriorityClasses, every priorityClassName is one of them (or a system class).',
  why: 'Guide 14.4 and 11.2: admission rejects pods whose priority class does not exist, so the workload never gets a single pod; the platform stack is the catalogue of classes.',
  fix: 'Use a class of the platform catalogue (PriorityTier), or add the PriorityClass to the platform stack.',
  checkPod(template, _object, { index }) {
    const name = text(template.spec.priorityClassName);
    if (!name || BUILT_IN.has(name) || !index.declares('PriorityClass') || index.get('PriorityClass', '', name))
      return [];
    return [
      {
        message: `priorityClassName "${name}" is not a PriorityClass of the platform stack`,
        field: `${template.specPath}.priorityClassName`,
      },
    ];
  },
});
