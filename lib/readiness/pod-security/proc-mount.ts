import { podRule } from '../define';
import { text } from '../object';
import { PodTemplate } from '../workload';
import { containerLabel, PSS_WHY, securedContainers, usesUserNamespace } from './context';
import { Violation } from '../types';

/** Containers whose procMount is set to anything but Default. */
export function unmaskedProcMounts(template: PodTemplate): Violation[] {
  return securedContainers(template).flatMap((c) => {
    const procMount = text(c.securityContext.procMount);
    return procMount === undefined || procMount === 'Default'
      ? []
      : [
          {
            message: `${containerLabel(c)} sets procMount "${procMount}"`,
            field: `${c.path}.securityContext.procMount`,
          },
        ];
  });
}

/** Pod Security baseline: /proc stays masked (from v1.35, pods in a user namespace may unmask it). */
export const procMount = podRule({
  id: 'pss-proc-mount',
  summary: 'Containers keep the default masked /proc (Pod Security baseline).',
  why: `${PSS_WHY} baseline is rejected at admission; an unmasked /proc exposes kernel interfaces of the node.`,
  fix: 'Remove securityContext.procMount or set it to Default.',
  checkPod(template, _object, { pssVersion }) {
    if (pssVersion.minor >= 35 && usesUserNamespace(template)) return [];
    return unmaskedProcMounts(template);
  },
});
