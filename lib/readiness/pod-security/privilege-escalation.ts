import { podRule } from '../define';
import { containerLabel, isWindowsPod, PSS_WHY, securedContainers } from './context';

/** Pod Security restricted: every container forbids privilege escalation explicitly. */
export const privilegeEscalation = podRule({
  id: 'pss-privilege-escalation',
  summary: 'Every container sets allowPrivilegeEscalation: false (Pod Security restricted).',
  why: `${PSS_WHY} restricted is rejected at admission; without it a setuid binary can gain more privileges than the container started with.`,
  fix: 'Set securityContext.allowPrivilegeEscalation: false on every container, init container and ephemeral container.',
  checkPod(template) {
    if (isWindowsPod(template)) return [];
    return securedContainers(template)
      .filter((c) => c.securityContext.allowPrivilegeEscalation !== false)
      .map((c) => ({
        message: `${containerLabel(c)} does not set allowPrivilegeEscalation: false`,
        field: `${c.path}.securityContext.allowPrivilegeEscalation`,
      }));
  },
});
