import { Manifest } from '../output/yaml';

/** A kind Argo CD must be allowed to manage at cluster scope. */
export interface ClusterResource {
  /** API group; `""` for the core group. */
  readonly group: string;
  /** Kind, e.g. `Namespace`. */
  readonly kind: string;
}

/** What a set of manifests touches: the namespaces it writes into and the cluster-scoped kinds it creates. */
export interface Footprint {
  /** Namespaces objects live in, plus namespaces it creates; sorted. */
  readonly namespaces: string[];
  /** Cluster-scoped kinds, sorted by group then kind. */
  readonly clusterResources: ClusterResource[];
}

/**
 * Derives the footprint of `objects`. An object without `metadata.namespace` counts as cluster-scoped,
 * which holds for this library's output because every namespaced construct sets its namespace.
 */
export function footprintOf(objects: readonly Manifest[]): Footprint {
  const namespaces = new Set<string>();
  const cluster = new Map<string, ClusterResource>();
  for (const o of objects) {
    const meta = (o.metadata ?? {}) as { name?: string; namespace?: string };
    const apiVersion = String(o.apiVersion);
    const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
    const kind = String(o.kind);
    if (meta.namespace) {
      namespaces.add(meta.namespace);
    } else {
      cluster.set(`${group}/${kind}`, { group, kind });
      if (kind === 'Namespace' && meta.name) namespaces.add(meta.name);
    }
  }
  return {
    namespaces: [...namespaces].sort(),
    clusterResources: [...cluster.keys()].sort().map((k) => cluster.get(k)!),
  };
}
