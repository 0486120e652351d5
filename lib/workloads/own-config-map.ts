import { createHash } from 'crypto';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { assertConfigKey, assertDataSize } from '../core/names';
import { sortedRecord } from '../core/values';

/** A workload's own ConfigMap and the pod annotation that rolls the pods when its data changes. */
export interface OwnConfigMap {
  /** The ConfigMap, named `<workload>-config`. */
  readonly configMap: k8s.KubeConfigMap;
  /** `checksum/config`: the SHA-256 of the data, for the pod template. */
  readonly checksumAnnotation: Record<string, string>;
}

/**
 * Creates the ConfigMap `metadata.name` under `scope` from `data` (keys checked against `prop`, sorted
 * so the output is stable), with the checksum that makes a data change roll the pods.
 */
export function ownConfigMap(
  scope: Construct,
  prop: string,
  metadata: k8s.ObjectMeta,
  data: Record<string, string>,
): OwnConfigMap {
  for (const key of Object.keys(data)) assertConfigKey(scope, prop, key);
  assertDataSize(scope, prop, data);
  const sorted = sortedRecord(data);
  return {
    configMap: new k8s.KubeConfigMap(scope, 'ConfigMap', { metadata, data: sorted }),
    checksumAnnotation: { 'checksum/config': createHash('sha256').update(JSON.stringify(sorted)).digest('hex') },
  };
}
