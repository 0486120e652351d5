import { podRule } from '../define';
import { at } from '../object';
import { containerLabel } from '../pod-security/context';
import { containersOf } from '../workload';

/** Guide 12.2: containers cannot write to their own image. */
export const readOnlyRootFilesystem = podRule({
  id: 'read-only-root-filesystem',
  summary: 'Every container and init container sets securityContext.readOnlyRootFilesystem: true.',
  why: 'Guide 12.2: a writable root filesystem lets an attacker who gets code execution drop tools or alter binaries in the running container, and lets the application write state that a restart silently loses; the constructs of this library set it on every container.',
  fix: 'Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the process must write (e.g. /tmp).',
  checkPod(template) {
    return containersOf(template, ['containers', 'initContainers'])
      .filter((c) => at(c.container, 'securityContext', 'readOnlyRootFilesystem') !== true)
      .map((c) => ({
        message: `${containerLabel(c)} does not set readOnlyRootFilesystem: true`,
        field: `${c.path}.securityContext.readOnlyRootFilesystem`,
      }));
  },
});
