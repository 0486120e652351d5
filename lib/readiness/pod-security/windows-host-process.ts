import { podRule } from '../define';
import { at } from '../object';
import { Violation } from '../types';
import { containerLabel, podSecurityContext, PSS_WHY, securedContainers } from './context';

/** Pod Security baseline: no Windows HostProcess containers. */
export const windowsHostProcess = podRule({
  id: 'pss-windows-host-process',
  summary: 'No Windows HostProcess containers (Pod Security baseline).',
  why: `${PSS_WHY} baseline is rejected at admission; a HostProcess container runs directly on the Windows node with full access.`,
  fix: 'Remove windowsOptions.hostProcess or set it to false.',
  checkPod(template) {
    const out: Violation[] = [];
    if (at(podSecurityContext(template), 'windowsOptions', 'hostProcess') === true) {
      out.push({
        message: 'pod windowsOptions.hostProcess is true',
        field: `${template.specPath}.securityContext.windowsOptions.hostProcess`,
      });
    }
    for (const c of securedContainers(template)) {
      if (at(c.securityContext, 'windowsOptions', 'hostProcess') === true) {
        out.push({
          message: `${containerLabel(c)} windowsOptions.hostProcess is true`,
          field: `${c.path}.securityContext.windowsOptions.hostProcess`,
        });
      }
    }
    return out;
  },
});
