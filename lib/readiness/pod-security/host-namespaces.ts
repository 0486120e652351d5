import { podRule } from '../define';
import { PSS_WHY } from './context';

/** Pod Security baseline: no sharing of the node's network, PID or IPC namespaces. */
export const hostNamespaces = podRule({
  id: 'pss-host-namespaces',
  summary: 'Pods do not share the host network, PID or IPC namespace (Pod Security baseline).',
  why: `${PSS_WHY} baseline is rejected at admission; host namespaces let a pod see and reach every process and port of the node.`,
  fix: 'Remove hostNetwork, hostPID and hostIPC, or set them to false.',
  checkPod(template) {
    return (['hostNetwork', 'hostPID', 'hostIPC'] as const)
      .filter((field) => template.spec[field] === true)
      .map((field) => ({ message: `${field} is true`, field: `${template.specPath}.${field}` }));
  },
});
