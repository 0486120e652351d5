import { podRule } from '../define';
import { at, text } from '../object';
import { Violation } from '../types';
import { containerLabel, PSS_WHY, securedContainers } from './context';

const HANDLERS: readonly (readonly string[])[] = [
  ['livenessProbe'],
  ['readinessProbe'],
  ['startupProbe'],
  ['lifecycle', 'postStart'],
  ['lifecycle', 'preStop'],
];

/** Pod Security baseline (v1.34+): probes and lifecycle hooks reach only the pod itself. */
export const hostProbes = podRule({
  id: 'pss-host-probes',
  summary: 'Probes and lifecycle hooks set no host (Pod Security baseline, v1.34+).',
  why: `${PSS_WHY} baseline is rejected at admission from policy v1.34; a probe host lets the kubelet be used to reach other addresses from the node.`,
  fix: 'Remove httpGet.host and tcpSocket.host from probes and lifecycle hooks; they then target the pod IP.',
  checkPod(template, _object, { pssVersion }) {
    if (pssVersion.minor < 34) return [];
    const out: Violation[] = [];
    for (const c of securedContainers(template)) {
      for (const handler of HANDLERS) {
        for (const action of ['httpGet', 'tcpSocket']) {
          const host = text(at(c.container, ...handler, action, 'host'));
          if (host)
            out.push({
              message: `${containerLabel(c)} ${handler.join('.')} ${action}.host is "${host}"`,
              field: `${c.path}.${handler.join('.')}.${action}.host`,
            });
        }
      }
    }
    return out;
  },
});
