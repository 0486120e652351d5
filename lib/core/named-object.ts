/**
 * An object referred to by name: one made by this library (a `KubeServiceAccount`, a
 * `RetainedStorageClass`), by cdk8s-plus (`kplus.ServiceAccount`, `kplus.ConfigMap`), by raw cdk8s, or
 * one that already exists in the cluster. Constructs that accept one create none of their own.
 */
export interface NamedObject {
  /** The object's `metadata.name`. */
  readonly name: string;
}
