import { podRule } from '../define';
import { Violation } from '../types';
import { containerLabel, podSecurityContext, PSS_WHY, securedContainers, usesUserNamespace } from './context';

/** Pod Security restricted: containers must run as a non-root user. */
export const runAsNonRoot = podRule({
  id: 'pss-run-as-non-root',
  summary:
    'runAsNonRoot is true for the pod or every container, and no container sets it false (Pod Security restricted).',
  why: `${PSS_WHY} restricted is rejected at admission; guide 12.2 asks for non-root so a container escape does not start as root on the node.`,
  fix: 'Set spec.securityContext.runAsNonRoot: true (and build the image with a numeric non-root USER).',
  checkPod(template, _object, { pssVersion }) {
    if (pssVersion.minor >= 35 && usesUserNamespace(template)) return [];
    const podValue = podSecurityContext(template).runAsNonRoot;
    const out: Violation[] = [];
    for (const c of securedContainers(template)) {
      const value = c.securityContext.runAsNonRoot;
      if (value === false)
        out.push({
          message: `${containerLabel(c)} sets runAsNonRoot: false`,
          field: `${c.path}.securityContext.runAsNonRoot`,
        });
      else if (value !== true && podValue !== true)
        out.push({
          message: `${containerLabel(c)} may run as root: runAsNonRoot is set neither on it nor on the pod`,
          field: `${c.path}.securityContext.runAsNonRoot`,
        });
    }
    if (podValue === false)
      out.push({ message: 'pod sets runAsNonRoot: false', field: `${template.specPath}.securityContext.runAsNonRoot` });
    return out;
  },
});
