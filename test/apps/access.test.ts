import { findIn, objectsIn } from './support/output';

/** `RoleBinding namespace/name -> Kind/role: groups` for every binding of a folder. */
function bindings(folder: string): string[] {
  return (objectsIn(folder) as any[])
    .filter((o) => o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding')
    .map(
      (o) =>
        `${o.metadata.namespace}/${o.metadata.name} -> ${o.roleRef.kind}/${o.roleRef.name}: ` +
        o.subjects.map((s: any) => s.name).join(', '),
    )
    .sort();
}

describe('access per environment in dist/', () => {
  test('dev: the team edits, the platform team administers', () => {
    expect(bindings('dev')).toContain('dev/tenant-edit -> ClusterRole/edit: team-shop');
    expect(bindings('dev')).toContain('dev/tenant-admin -> ClusterRole/admin: platform-admins');
  });

  test('staging: read without Secrets, plus port-forward and exec through an explicit Role', () => {
    expect(bindings('staging').filter((b) => b.startsWith('staging/tenant-'))).toEqual([
      'staging/tenant-debug -> Role/tenant-debug: team-shop, sre',
      'staging/tenant-view -> ClusterRole/view: team-shop, sre',
    ]);
    const debug = (objectsIn('staging') as any[]).filter(
      (o) => o.kind === 'Role' && o.metadata.name === 'tenant-debug',
    );
    expect(debug.map((r) => r.metadata.namespace).sort()).toEqual(['batch', 'infra', 'staging']);
    for (const role of debug) expect(role.rules.flatMap((r: any) => r.resources)).not.toContain('secrets');
  });

  test('production: read, and a break-glass group bound to the narrow operator Role; no standing edit or admin', () => {
    expect(bindings('production').filter((b) => b.startsWith('production/tenant-'))).toEqual([
      'production/tenant-break-glass -> Role/tenant-break-glass: prod-break-glass',
      'production/tenant-view -> ClusterRole/view: team-shop, sre',
    ]);
    expect(bindings('production').filter((b) => /ClusterRole\/(edit|admin|cluster-admin):/.test(b))).toEqual([]);
  });

  test.each(['dev', 'staging', 'production'])('%s: no human binding in the privileged namespaces', (env) => {
    expect(bindings(env).filter((b) => /^(node-agents|etcd-backup)\//.test(b))).toEqual([]);
  });

  test('production: only SRE syncs through Argo CD, never execs, and syncs inside the working-day window', () => {
    const project = findIn('argocd', 'AppProject', 'production');
    expect(project.spec.roles.map((r: any) => [r.name, r.groups])).toEqual([['deployers', ['sre']]]);
    expect(project.spec.roles[0].policies).toContain('p, proj:production:deployers, exec, create, production/*, deny');
    expect(project.spec.syncWindows).toEqual([
      {
        applications: ['*'],
        duration: '8h',
        kind: 'allow',
        manualSync: true,
        schedule: '0 8 * * 1-4',
        timeZone: 'UTC',
      },
    ]);
  });
});
