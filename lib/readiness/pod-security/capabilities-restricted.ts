import { podRule } from '../define';
import { at } from '../object';
import { Violation } from '../types';
import { containerLabel, isWindowsPod, PSS_WHY, securedContainers } from './context';

/** Pod Security restricted: drop ALL capabilities, add back NET_BIND_SERVICE at most. */
export const capabilitiesRestricted = podRule({
  id: 'pss-capabilities-restricted',
  summary: 'Containers drop ALL capabilities and add back only NET_BIND_SERVICE (Pod Security restricted).',
  why: `${PSS_WHY} restricted is rejected at admission; guide 12.2 asks to drop all capabilities so a compromised process holds none.`,
  fix: 'Set securityContext.capabilities.drop: ["ALL"] and add at most NET_BIND_SERVICE.',
  checkPod(template) {
    if (isWindowsPod(template)) return [];
    const out: Violation[] = [];
    for (const c of securedContainers(template)) {
      const drop = at(c.securityContext, 'capabilities', 'drop');
      if (!Array.isArray(drop) || !drop.includes('ALL')) {
        out.push({
          message: `${containerLabel(c)} does not drop ALL capabilities`,
          field: `${c.path}.securityContext.capabilities.drop`,
        });
      }
      const add = at(c.securityContext, 'capabilities', 'add');
      const extra = Array.isArray(add) ? add.filter((cap) => cap !== 'NET_BIND_SERVICE') : [];
      if (extra.length)
        out.push({
          message: `${containerLabel(c)} adds ${extra.map(String).join(', ')}`,
          field: `${c.path}.securityContext.capabilities.add`,
        });
    }
    return out;
  },
});
