import { podRule } from '../define';
import { Violation } from '../types';
import { containerLabel, podSecurityContext, PSS_WHY, securedContainers, usesUserNamespace } from './context';

/** Pod Security restricted: no container runs as UID 0. */
export const runAsUser = podRule({
  id: 'pss-run-as-user',
  summary: 'runAsUser is never 0 (Pod Security restricted).',
  why: `${PSS_WHY} restricted is rejected at admission; UID 0 is root whatever runAsNonRoot says elsewhere.`,
  fix: 'Set runAsUser to a non-zero UID (10000 or above keeps clear of host users) or leave it to the image.',
  checkPod(template, _object, { pssVersion }) {
    if (pssVersion.minor >= 35 && usesUserNamespace(template)) return [];
    const out: Violation[] = [];
    if (podSecurityContext(template).runAsUser === 0)
      out.push({ message: 'pod sets runAsUser: 0', field: `${template.specPath}.securityContext.runAsUser` });
    for (const c of securedContainers(template)) {
      if (c.securityContext.runAsUser === 0)
        out.push({ message: `${containerLabel(c)} sets runAsUser: 0`, field: `${c.path}.securityContext.runAsUser` });
    }
    return out;
  },
});
