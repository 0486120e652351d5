import { podRule } from '../define';
import { at, text } from '../object';
import { Violation } from '../types';
import { containerLabel, podSecurityContext, PSS_WHY, securedContainers } from './context';

/** Pod Security baseline: seccomp is not turned off. */
export const seccompBaseline = podRule({
  id: 'pss-seccomp-baseline',
  summary: 'No seccomp profile is Unconfined (Pod Security baseline).',
  why: `${PSS_WHY} baseline is rejected at admission; an Unconfined seccomp profile allows every system call.`,
  fix: 'Set seccompProfile.type to RuntimeDefault (or Localhost), or leave it unset.',
  checkPod(template) {
    const out: Violation[] = [];
    if (text(at(podSecurityContext(template), 'seccompProfile', 'type')) === 'Unconfined') {
      out.push({
        message: 'pod seccompProfile.type is "Unconfined"',
        field: `${template.specPath}.securityContext.seccompProfile.type`,
      });
    }
    for (const c of securedContainers(template)) {
      if (text(at(c.securityContext, 'seccompProfile', 'type')) === 'Unconfined') {
        out.push({
          message: `${containerLabel(c)} seccompProfile.type is "Unconfined"`,
          field: `${c.path}.securityContext.seccompProfile.type`,
        });
      }
    }
    return out;
  },
});
