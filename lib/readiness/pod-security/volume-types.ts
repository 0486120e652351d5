import { podRule } from '../define';
import { records, text } from '../object';
import { PSS_WHY } from './context';

/** The volume sources restricted allows. */
export const RESTRICTED_VOLUME_SOURCES: ReadonlySet<string> = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);

/** Pod Security restricted: only the core, non-host volume types. */
export const volumeTypes = podRule({
  id: 'pss-volume-types',
  summary:
    'Pods use only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret volumes (Pod Security restricted).',
  why: `${PSS_WHY} restricted is rejected at admission; other volume types mount node or network storage directly, outside the cluster's access control.`,
  fix: 'Replace the volume by a PersistentVolumeClaim (the storage class decides the backend) or one of the allowed types.',
  checkPod(template) {
    return records(template.spec.volumes).flatMap((v, i) => {
      const bad = Object.keys(v).filter((k) => k !== 'name' && !RESTRICTED_VOLUME_SOURCES.has(k));
      return bad.length === 0
        ? []
        : [
            {
              message: `volume "${text(v.name) ?? i}" uses ${bad.join(', ')}`,
              field: `${template.specPath}.volumes[${i}]`,
            },
          ];
    });
  },
});
