import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { DELETE_PROTECTED_KINDS, DELETE_PROTECTION, SYNC_OPTIONS_ANNOTATION } from '../core/delete-protection';

/**
 * Annotates every API object below `scope` whose kind is in {@link DELETE_PROTECTED_KINDS} with
 * `argocd.argoproj.io/sync-options: Prune=false,Delete=false`, so Argo CD neither prunes it when it
 * leaves Git nor deletes it with its Application. An object that already carries sync options keeps them
 * and gets the two added.
 */
export function applyDeleteProtection(scope: IConstruct): void {
  for (const c of scope.node.findAll()) {
    if (!(c instanceof ApiObject) || !DELETE_PROTECTED_KINDS.includes(c.kind)) continue;
    const existing = c.metadata.toJson().annotations?.[SYNC_OPTIONS_ANNOTATION] as string | undefined;
    const options = (existing ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o !== '' && !o.startsWith('Prune=') && !o.startsWith('Delete='));
    c.metadata.addAnnotation(SYNC_OPTIONS_ANNOTATION, [...options, DELETE_PROTECTION].join(','));
  }
}
