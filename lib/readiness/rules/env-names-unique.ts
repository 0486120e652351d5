import { podRule } from '../define';
import { records, text } from '../object';
import { containerLabel } from '../pod-security/context';
import { containersOf } from '../workload';

/** Guide 11.3: one name, one value. */
export const envNamesUnique = podRule({
  id: 'env-names-unique',
  summary: 'No container declares the same environment variable name twice.',
  why: 'Guide 11.3: with a name listed twice the container gets the last value while reviewers read the first, and server-side apply (Argo CD ServerSideApply=true) can refuse the object with "duplicate entries for key", name being the merge key of the list.',
  fix: 'Keep one entry per name in env.',
  checkPod(template) {
    return containersOf(template).flatMap((c) => {
      const seen = new Set<string>();
      return records(c.container.env).flatMap((e, i) => {
        const name = text(e.name) ?? '';
        if (!seen.has(name)) {
          seen.add(name);
          return [];
        }
        return [
          {
            message: `${containerLabel(c)} declares env ${JSON.stringify(name)} more than once`,
            field: `${c.path}.env[${i}]`,
          },
        ];
      });
    });
  },
});
