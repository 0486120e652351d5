import { podRule } from '../define';
import { PSS_WHY } from './context';
import { unmaskedProcMounts } from './proc-mount';

/** Pod Security restricted (v1.35+): /proc stays masked even in a user namespace. */
export const procMountRestricted = podRule({
  id: 'pss-proc-mount-restricted',
  summary: 'Containers keep the default masked /proc even with hostUsers: false (Pod Security restricted, v1.35+).',
  why: `${PSS_WHY} restricted is rejected at admission; from policy v1.35 restricted keeps /proc masked whatever the user namespace.`,
  fix: 'Remove securityContext.procMount or set it to Default.',
  checkPod(template, _object, { pssVersion }) {
    return pssVersion.minor >= 35 ? unmaskedProcMounts(template) : [];
  },
});
