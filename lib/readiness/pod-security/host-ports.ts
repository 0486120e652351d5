import { podRule } from '../define';
import { records } from '../object';
import { containerLabel, PSS_WHY, securedContainers } from './context';

/** Pod Security baseline: no host ports. */
export const hostPorts = podRule({
  id: 'pss-host-ports',
  summary: 'Containers bind no host port (Pod Security baseline).',
  why: `${PSS_WHY} baseline is rejected at admission; host ports bypass NetworkPolicy and limit scheduling to one pod per node.`,
  fix: 'Remove ports[].hostPort (or set it to 0) and expose the pod through a Service.',
  checkPod(template) {
    return securedContainers(template).flatMap((c) =>
      records(c.container.ports).flatMap((p, i) =>
        p.hostPort === undefined || p.hostPort === 0
          ? []
          : [
              {
                message: `${containerLabel(c)} binds host port ${p.hostPort}`,
                field: `${c.path}.ports[${i}].hostPort`,
              },
            ],
      ),
    );
  },
});
