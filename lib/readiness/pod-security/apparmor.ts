import { podRule } from '../define';
import { at, stringMap, text } from '../object';
import { Violation } from '../types';
import { containerLabel, podSecurityContext, PSS_WHY, securedContainers } from './context';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const ALLOWED_TYPES = new Set(['RuntimeDefault', 'Localhost']);

/** Pod Security baseline: AppArmor is not turned off. */
export const appArmor = podRule({
  id: 'pss-apparmor',
  summary: 'AppArmor is not set to unconfined, by annotation or by field (Pod Security baseline).',
  why: `${PSS_WHY} baseline is rejected at admission; an unconfined container loses the runtime's default AppArmor profile.`,
  fix: 'Leave AppArmor unset, or use RuntimeDefault / Localhost (annotation values runtime/default or localhost/<profile>).',
  checkPod(template) {
    const out: Violation[] = [];
    for (const [key, value] of Object.entries(stringMap(template.metadata.annotations))) {
      if (key.startsWith(ANNOTATION_PREFIX) && value !== 'runtime/default' && !value.startsWith('localhost/')) {
        out.push({
          message: `annotation ${key} is "${value}"`,
          field: `${template.specPath.replace(/spec$/, 'metadata')}.annotations`,
        });
      }
    }
    const podType = text(at(podSecurityContext(template), 'appArmorProfile', 'type'));
    if (podType !== undefined && !ALLOWED_TYPES.has(podType)) {
      out.push({
        message: `pod appArmorProfile.type is "${podType}"`,
        field: `${template.specPath}.securityContext.appArmorProfile.type`,
      });
    }
    for (const c of securedContainers(template)) {
      const type = text(at(c.securityContext, 'appArmorProfile', 'type'));
      if (type !== undefined && !ALLOWED_TYPES.has(type)) {
        out.push({
          message: `${containerLabel(c)} appArmorProfile.type is "${type}"`,
          field: `${c.path}.securityContext.appArmorProfile.type`,
        });
      }
    }
    return out;
  },
});
