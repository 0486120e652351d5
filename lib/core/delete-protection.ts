/** The per-object Argo CD sync options annotation; options are joined with commas. */
export const SYNC_OPTIONS_ANNOTATION = 'argocd.argoproj.io/sync-options';

/**
 * The sync options that keep an object when it leaves Git (`Prune=false`) and when its Application is
 * deleted (`Delete=false`), as Argo CD's docs/user-guide/sync-options.md spells them.
 */
export const DELETE_PROTECTION = 'Prune=false,Delete=false';

/**
 * Kinds whose loss loses data or takes the platform down: namespaces (everything in them), StatefulSets
 * and claims (their volumes), storage and priority classes (every pod and claim that names them), and the
 * platform's cluster-wide custom objects (every ExternalSecret and Certificate reads them).
 */
export const DELETE_PROTECTED_KINDS: readonly string[] = [
  'Namespace',
  'StatefulSet',
  'PersistentVolumeClaim',
  'StorageClass',
  'PriorityClass',
  'ClusterSecretStore',
  'ClusterIssuer',
  'CustomResourceDefinition',
];

/** Whether a manifest carries `Prune=false` or `Delete=false` in its sync options. */
export function isDeleteProtected(manifest: { readonly metadata?: unknown }): boolean {
  const annotations = (manifest.metadata as { annotations?: Record<string, unknown> } | undefined)?.annotations;
  const value = annotations?.[SYNC_OPTIONS_ANNOTATION];
  if (typeof value !== 'string') return false;
  return value
    .split(',')
    .map((o) => o.trim())
    .some((o) => o === 'Prune=false' || o === 'Delete=false');
}
