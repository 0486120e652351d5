import { PodSecurityLevel, ProductionService, Tenant, TenantProps } from '../../lib';
import { findObject, synthChart, synthClusterChart, validateObjects } from '../support/manifests';

const base: TenantProps = {
  name: 'production',
  quota: { cpu: { request: '10', limit: '20' }, memory: { request: '20Gi', limit: '40Gi' }, pods: 50 },
  access: { admin: ['platform-admins'], edit: ['team-shop'], view: ['sre'] },
};

function build(props: Partial<TenantProps> = {}) {
  return synthClusterChart((chart) => new Tenant(chart, 'tenant', { ...base, ...props }));
}

describe('Tenant', () => {
  const objects = build({ nodePool: { name: 'payments' } });

  test('synthesizes namespace, quota, limits, default deny, DNS and role bindings', () => {
    expect(objects).toMatchSnapshot();
    expect(objects.map((o: any) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Namespace/production',
      'ResourceQuota/tenant-quota',
      'LimitRange/container-defaults',
      'NetworkPolicy/default-deny',
      'NetworkPolicy/allow-dns',
      'RoleBinding/tenant-admin',
      'RoleBinding/tenant-edit',
      'RoleBinding/tenant-view',
    ]);
  });

  test('is valid against the Kubernetes schema', () => {
    expect(validateObjects(objects).errors).toEqual([]);
  });

  test('labels the namespace restricted for enforce, audit and warn by default', () => {
    const labels = findObject(objects, 'Namespace', 'production').metadata.labels;
    for (const mode of ['enforce', 'audit', 'warn'])
      expect(labels[`pod-security.kubernetes.io/${mode}`]).toBe('restricted');
  });

  test('takes other Pod Security levels when given', () => {
    const labels = findObject(
      build({ podSecurity: { enforce: PodSecurityLevel.PRIVILEGED }, access: undefined }),
      'Namespace',
      'production',
    ).metadata.labels;
    expect(labels['pod-security.kubernetes.io/enforce']).toBe('privileged');
    expect(labels['pod-security.kubernetes.io/warn']).toBe('restricted');
  });

  test('puts the namespaced objects in the tenant namespace and none on the namespace itself', () => {
    expect(findObject(objects, 'Namespace', 'production').metadata.namespace).toBeUndefined();
    for (const o of objects.filter((x: any) => x.kind !== 'Namespace') as any[])
      expect(o.metadata.namespace).toBe('production');
  });

  test('sizes the quota and the container defaults from the props', () => {
    expect(findObject(objects, 'ResourceQuota', 'tenant-quota').spec.hard).toEqual({
      'requests.cpu': '10',
      'requests.memory': '20Gi',
      'limits.cpu': '20',
      'limits.memory': '40Gi',
      pods: 50,
    });
    expect(findObject(objects, 'LimitRange', 'container-defaults').spec.limits).toEqual([
      {
        type: 'Container',
        defaultRequest: { cpu: '100m', memory: '128Mi' },
        default: { cpu: '500m', memory: '512Mi' },
      },
    ]);
  });

  test('denies all ingress and egress, then allows DNS over UDP and TCP to kube-system', () => {
    expect(findObject(objects, 'NetworkPolicy', 'default-deny').spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    });
    expect(findObject(objects, 'NetworkPolicy', 'allow-dns').spec.egress).toEqual([
      {
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }],
        ports: [
          { protocol: 'UDP', port: 53 },
          { protocol: 'TCP', port: 53 },
        ],
      },
    ]);
  });

  test('binds the built-in admin, edit and view ClusterRoles to groups, never cluster-admin', () => {
    const bindings = objects.filter((o: any) => o.kind === 'RoleBinding') as any[];
    expect(bindings.map((b) => b.roleRef)).toEqual(
      ['admin', 'edit', 'view'].map((name) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name })),
    );
    expect(findObject(objects, 'RoleBinding', 'tenant-edit').subjects).toEqual([
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'team-shop' },
    ]);
  });

  test('pins pods to a dedicated node pool with the admission plugins annotations', () => {
    expect(findObject(objects, 'Namespace', 'production').metadata.annotations).toEqual({
      'scheduler.alpha.kubernetes.io/node-selector': 'node-pool=payments',
      'scheduler.alpha.kubernetes.io/defaultTolerations':
        '[{"key":"node-pool","operator":"Equal","value":"payments","effect":"NoSchedule"}]',
    });
    expect(findObject(build(), 'Namespace', 'production').metadata.annotations).toBeUndefined();
  });
});

describe('Tenant quota accounting', () => {
  const service = {
    image: 'registry.example.com/order-api:v4.2.1',
    resources: { cpu: { request: '1', limit: '2' }, memory: { request: '2Gi', limit: '3Gi' } },
  };

  test('accepts workloads that fit at their replica ceiling', () => {
    expect(() =>
      synthChart((chart) => {
        const tenant = new Tenant(chart, 'tenant', base);
        tenant.accountFor(new ProductionService(chart, 'order-api', { ...service, replicas: 10 }));
      }),
    ).not.toThrow();
  });

  test('fails when the quota is smaller than the declared workloads request at maximum scale', () => {
    expect(() =>
      synthChart((chart) => {
        const tenant = new Tenant(chart, 'tenant', base);
        tenant.accountFor(
          new ProductionService(chart, 'order-api', {
            ...service,
            autoscaling: { minReplicas: 2, maxReplicas: 8, cpuUtilization: 65 },
          }),
        );
        tenant.accountFor(new ProductionService(chart, 'cart-api', { ...service, replicas: 4 }));
      }),
    ).toThrow(
      `[production/test/tenant] quota.cpu.request "10" is smaller than the 12 CPU its workloads request at maximum scale ` +
        `(order-api 8 x 1, cart-api 4 x 1); raise quota.cpu.request to at least 12 CPU or lower the workloads' requests or replica ceilings`,
    );
  });

  test('fails when a workload of another namespace is accounted for', () => {
    expect(() =>
      synthChart((chart) => {
        const tenant = new Tenant(chart, 'tenant', { ...base, name: 'infra' });
        tenant.accountFor(new ProductionService(chart, 'order-api', service));
      }),
    ).toThrow(
      '[production/test/tenant] accountFor(order-api) runs in namespace "production", not "infra"; account for it in the tenant of namespace "production"',
    );
  });

  test('fails on a quota request above its limit', () => {
    expect(() =>
      build({ quota: { cpu: { request: '4', limit: '2' }, memory: { request: '1Gi', limit: '1Gi' } } }),
    ).toThrow(
      '[production/test/tenant] quota.cpu.request "4" exceeds the limit "2"; raise the limit or lower the request',
    );
  });
});

describe('Tenant access', () => {
  const rolesOf = (objects: any[]) =>
    objects.filter((o) => o.kind === 'Role' || o.kind === 'RoleBinding').map((o) => `${o.kind}/${o.metadata.name}`);

  test('binds debug groups to an explicit Role that port-forwards and execs, and reads no Secrets', () => {
    const objects = build({ access: { view: ['team-shop'], debug: ['team-shop'] } });
    expect(rolesOf(objects)).toEqual(['RoleBinding/tenant-view', 'Role/tenant-debug', 'RoleBinding/tenant-debug']);
    const role = findObject(objects, 'Role', 'tenant-debug');
    expect(role.rules).toEqual([
      { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
      { apiGroups: [''], resources: ['pods/portforward', 'pods/exec'], verbs: ['create', 'get'] },
    ]);
    expect(findObject(objects, 'RoleBinding', 'tenant-debug').roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'Role',
      name: 'tenant-debug',
    });
  });

  test('binds the break-glass group to a Role that only execs into and deletes pods', () => {
    const objects = build({ access: { view: ['sre'], breakGlass: ['prod-break-glass'] } });
    expect(rolesOf(objects)).toEqual([
      'RoleBinding/tenant-view',
      'Role/tenant-break-glass',
      'RoleBinding/tenant-break-glass',
    ]);
    expect(findObject(objects, 'Role', 'tenant-break-glass').rules).toEqual([
      { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'delete'] },
      { apiGroups: [''], resources: ['pods/exec'], verbs: ['create', 'get'] },
    ]);
    expect(findObject(objects, 'RoleBinding', 'tenant-break-glass').subjects).toEqual([
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'prod-break-glass' },
    ]);
  });

  test('refuses human bindings in a privileged namespace', () => {
    expect(() =>
      build({
        name: 'node-agents',
        podSecurity: { enforce: PodSecurityLevel.PRIVILEGED },
        access: { admin: ['platform-admins'], view: ['sre'] },
      }),
    ).toThrow(
      `[production/test/tenant] access binds groups (admin, view) in a namespace whose Pod Security enforce level is privileged; ` +
        `a pod created there can mount the node's root filesystem, so no human may be bound: remove access`,
    );
  });

  test('creates no Role or binding without access', () => {
    expect(rolesOf(build({ access: undefined }))).toEqual([]);
  });
});
