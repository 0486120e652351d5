import { podRule } from '../define';
import { at, text } from '../object';
import { Violation } from '../types';
import { containerLabel, isWindowsPod, podSecurityContext, PSS_WHY, securedContainers } from './context';

const ALLOWED = new Set(['RuntimeDefault', 'Localhost']);

/** Pod Security restricted: a seccomp profile is set explicitly for every container. */
export const seccompRestricted = podRule({
  id: 'pss-seccomp-restricted',
  summary:
    'seccompProfile.type is RuntimeDefault or Localhost on the pod or on every container (Pod Security restricted).',
  why: `${PSS_WHY} restricted is rejected at admission; guide 12.2 asks for seccomp RuntimeDefault, which blocks system calls containers never need.`,
  fix: 'Set spec.securityContext.seccompProfile.type: RuntimeDefault.',
  checkPod(template) {
    if (isWindowsPod(template)) return [];
    const podType = text(at(podSecurityContext(template), 'seccompProfile', 'type'));
    const out: Violation[] = [];
    if (podType !== undefined && !ALLOWED.has(podType)) {
      out.push({
        message: `pod seccompProfile.type is "${podType}"`,
        field: `${template.specPath}.securityContext.seccompProfile.type`,
      });
    }
    for (const c of securedContainers(template)) {
      const type = text(at(c.securityContext, 'seccompProfile', 'type'));
      if (type !== undefined && !ALLOWED.has(type)) {
        out.push({
          message: `${containerLabel(c)} seccompProfile.type is "${type}"`,
          field: `${c.path}.securityContext.seccompProfile.type`,
        });
      } else if (type === undefined && !ALLOWED.has(podType ?? '')) {
        out.push({
          message: `${containerLabel(c)} has no seccomp profile, and the pod sets none`,
          field: `${c.path}.securityContext.seccompProfile`,
        });
      }
    }
    return out;
  },
});
