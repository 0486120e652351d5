import { objectRule } from '../define';
import { at, kindOf, records, text } from '../object';
import { Violation } from '../types';

/** Guide 8.1 and 11.2: claims name a StorageClass that exists. */
export const storageClassExists = objectRule({
  id: 'storage-class-exists',
  summary:
    'Every storageClassName of a PersistentVolumeClaim or StatefulSet volumeClaimTemplate is a StorageClass in the output.',
  why: 'Guide 8.1 and 11.2 ("PVC binding failures"): a claim on a missing class stays Pending forever, and so does every pod that mounts it.',
  fix: 'Declare the StorageClass in the platform stack, fix the name, or leave storageClassName unset to use the default class.',
  kinds: ['PersistentVolumeClaim', 'StatefulSet'],
  check(object, { index }) {
    const claims =
      kindOf(object) === 'StatefulSet'
        ? records(at(object, 'spec', 'volumeClaimTemplates')).map((c, i) => ({
            spec: c.spec,
            field: `spec.volumeClaimTemplates[${i}].spec.storageClassName`,
          }))
        : [{ spec: object.spec, field: 'spec.storageClassName' }];
    const out: Violation[] = [];
    for (const claim of claims) {
      const name = text(at(claim.spec, 'storageClassName'));
      if (name && !index.get('StorageClass', '', name))
        out.push({ message: `storageClassName "${name}" is not a StorageClass in the output`, field: claim.field });
    }
    return out;
  },
});
