import { podRule } from '../define';
import { records, text } from '../object';
import { PSS_WHY } from './context';

/** Pod Security baseline: no hostPath volumes. */
export const hostPathVolumes = podRule({
  id: 'pss-host-path-volumes',
  summary: 'Pods mount no hostPath volume (Pod Security baseline).',
  why: `${PSS_WHY} baseline is rejected at admission; a hostPath volume exposes the node's file system to the pod.`,
  fix: 'Use an emptyDir, a PersistentVolumeClaim or a CSI volume instead; node agents that need the host carry a suppression with the reason.',
  checkPod(template) {
    return records(template.spec.volumes).flatMap((v, i) =>
      v.hostPath === undefined
        ? []
        : [
            {
              message: `volume "${text(v.name) ?? i}" is a hostPath`,
              field: `${template.specPath}.volumes[${i}].hostPath`,
            },
          ],
    );
  },
});
