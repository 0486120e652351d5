import { podRule } from '../define';
import { containerLabel, PSS_WHY, securedContainers } from './context';
import { at } from '../object';

/** The capabilities the baseline profile allows a container to add. */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/** Pod Security baseline: capabilities beyond the default set are not added. */
export const capabilitiesBaseline = podRule({
  id: 'pss-capabilities-baseline',
  summary: 'Containers add no capability beyond the default set (Pod Security baseline).',
  why: `${PSS_WHY} baseline is rejected at admission; capabilities such as NET_RAW or SYS_ADMIN widen what a compromised container can do to the node.`,
  fix: `Add only capabilities from ${[...BASELINE_CAPABILITIES].join(', ')} (names without the CAP_ prefix, upper case).`,
  checkPod(template) {
    return securedContainers(template).flatMap((c) => {
      const added = at(c.securityContext, 'capabilities', 'add');
      const bad = Array.isArray(added) ? added.filter((cap) => !BASELINE_CAPABILITIES.has(String(cap))) : [];
      return bad.length === 0
        ? []
        : [
            {
              message: `${containerLabel(c)} adds ${bad.map(String).join(', ')}`,
              field: `${c.path}.securityContext.capabilities.add`,
            },
          ];
    });
  },
});
