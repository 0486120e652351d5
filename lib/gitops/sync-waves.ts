import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';

/** The annotation Argo CD orders a sync by; lower waves are applied and healthy first. */
export const SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';

const FOUNDATION = new Set([
  'Namespace',
  'StorageClass',
  'PriorityClass',
  'ClusterPolicy',
  'CustomResourceDefinition',
  'AppProject',
  'ClusterIssuer',
  'ClusterSecretStore',
]);
const PREREQUISITES = new Set([
  'ServiceAccount',
  'Role',
  'RoleBinding',
  'ClusterRole',
  'ClusterRoleBinding',
  'ConfigMap',
  'Secret',
  'ExternalSecret',
  'Certificate',
  'ResourceQuota',
  'LimitRange',
  'NetworkPolicy',
  'PersistentVolumeClaim',
]);

/**
 * The sync wave of a kind: namespaces and other cluster foundations (-2), then identities, RBAC,
 * configuration and policies (-1), then workloads and everything that refers to them (0).
 */
export function syncWaveOf(kind: string): number {
  if (FOUNDATION.has(kind)) return -2;
  if (PREREQUISITES.has(kind)) return -1;
  return 0;
}

/** Annotates every API object below `scope` with the sync wave of its kind. */
export function applySyncWaves(scope: IConstruct): void {
  for (const c of scope.node.findAll()) {
    if (!(c instanceof ApiObject)) continue;
    c.metadata.addAnnotation(SYNC_WAVE_ANNOTATION, String(syncWaveOf(c.kind)));
  }
}
