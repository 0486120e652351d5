import { ApiObject, JsonPatch } from 'cdk8s';

/**
 * Makes `object` cluster-scoped (a Namespace, StorageClass, PriorityClass, ClusterPolicy...): it
 * carries no `metadata.namespace`, whatever namespace its chart gives every object. Every construct of
 * this library creates its cluster-scoped objects through it, so they can live in any chart.
 * @returns the object
 */
export function clusterScoped<T extends ApiObject>(object: T): T {
  object.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
  return object;
}
