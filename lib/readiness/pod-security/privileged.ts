import { podRule } from '../define';
import { containerLabel, PSS_WHY, securedContainers } from './context';

/** Pod Security baseline: no privileged containers. */
export const privileged = podRule({
  id: 'pss-privileged',
  summary: 'Containers are not privileged (Pod Security baseline).',
  why: `${PSS_WHY} baseline is rejected at admission; a privileged container has every capability and all host devices.`,
  fix: 'Remove securityContext.privileged or set it to false.',
  checkPod(template) {
    return securedContainers(template)
      .filter((c) => c.securityContext.privileged === true)
      .map((c) => ({ message: `${containerLabel(c)} is privileged`, field: `${c.path}.securityContext.privileged` }));
  },
});
