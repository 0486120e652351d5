import { KUBE_SYSTEM_EXEMPTION, PolicyMode, PolicyPack, PolicyPackProps } from '../../lib';
import { findObject, synthClusterChart, validateObjects } from '../support/manifests';

const exemptions = [KUBE_SYSTEM_EXEMPTION, { namespace: 'node-agents', reason: 'node agents read host paths' }];

function build(mode: PolicyMode) {
  return synthClusterChart((chart) => new PolicyPack(chart, 'policies', { mode, exemptions }));
}

describe('PolicyPack', () => {
  const enforced = build(PolicyMode.ENFORCE);

  test('synthesizes the six policies of the guide', () => {
    expect(enforced).toMatchSnapshot();
    expect(enforced.map((o: any) => `${o.apiVersion} ${o.kind}/${o.metadata.name}`)).toEqual([
      'kyverno.io/v1 ClusterPolicy/require-requests-limits',
      'kyverno.io/v1 ClusterPolicy/disallow-latest-tag',
      'kyverno.io/v1 ClusterPolicy/require-restricted-security',
      'kyverno.io/v1 ClusterPolicy/disallow-default-service-account',
      'kyverno.io/v1 ClusterPolicy/disallow-cluster-admin-service-accounts',
      'kyverno.io/v1 ClusterPolicy/require-readiness-probe',
    ]);
  });

  test('is valid against the vendored Kyverno CRD schema', () => {
    const report = validateObjects(enforced);
    expect(report.errors).toEqual([]);
    expect(report.unvalidated).toEqual([]);
  });

  test('enforces every rule in Enforce mode and only audits in Audit mode', () => {
    const actions = (objects: any[]) => objects.flatMap((p) => p.spec.rules.map((r: any) => r.validate.failureAction));
    expect(new Set(actions(enforced))).toEqual(new Set(['Enforce']));
    expect(new Set(actions(build(PolicyMode.AUDIT)))).toEqual(new Set(['Audit']));
  });

  test('keeps the guide example for requests and limits', () => {
    expect(findObject(enforced, 'ClusterPolicy', 'require-requests-limits').spec.rules[0].validate.pattern).toEqual({
      spec: {
        containers: [{ resources: { requests: { cpu: '?*', memory: '?*' }, limits: { cpu: '?*', memory: '?*' } } }],
      },
    });
  });

  test('excludes the exempted namespaces from the pod-security policy only, and says why', () => {
    const security = findObject(enforced, 'ClusterPolicy', 'require-restricted-security');
    for (const rule of security.spec.rules) {
      expect(rule.exclude).toEqual({ any: [{ resources: { namespaces: ['kube-system', 'node-agents'] } }] });
    }
    expect(security.metadata.annotations['cdk8s-production.io/exempted-namespaces']).toBe(
      'kube-system: Kubernetes system components (CNI, CSI, kube-proxy) need host access; node-agents: node agents read host paths',
    );
    for (const name of ['require-requests-limits', 'disallow-latest-tag', 'disallow-default-service-account']) {
      expect(findObject(enforced, 'ClusterPolicy', name).spec.rules[0].exclude).toBeUndefined();
    }
  });

  test('refuses cluster-admin bindings of service accounts and Deployments without readiness probes', () => {
    const admin = findObject(enforced, 'ClusterPolicy', 'disallow-cluster-admin-service-accounts').spec.rules[0];
    expect(admin.match.any[0].resources.kinds).toEqual(['ClusterRoleBinding', 'RoleBinding']);
    expect(admin.validate.deny.conditions.all[0]).toEqual({
      key: '{{ request.object.roleRef.name }}',
      operator: 'Equals',
      value: 'cluster-admin',
    });
    const readiness = findObject(enforced, 'ClusterPolicy', 'require-readiness-probe').spec.rules[0];
    expect(readiness.match.any[0].resources.kinds).toEqual(['Deployment']);
  });

  test('refuses an exemption without a reason', () => {
    expect(() =>
      synthClusterChart(
        (chart) =>
          new PolicyPack(chart, 'policies', {
            mode: PolicyMode.ENFORCE,
            exemptions: [{ namespace: 'tools', reason: ' ' }],
          }),
      ),
    ).toThrow('[production/test/policies] exemptions[0] "tools" has no reason; say why its pods cannot run restricted');
  });
});

describe('PolicyPack scope and rollout', () => {
  const build = (props: Partial<PolicyPackProps> = {}) =>
    synthClusterChart((chart) => new PolicyPack(chart, 'policies', { mode: PolicyMode.ENFORCE, ...props }));

  test('namespaced rules apply in the namespaces Tenant labels, a cluster-scoped kind everywhere', () => {
    const objects = build();
    const limits = findObject(objects, 'ClusterPolicy', 'require-requests-limits');
    expect(limits.spec.rules[0].match.any[0].resources).toEqual({
      kinds: ['Pod'],
      namespaceSelector: { matchLabels: { 'cdk8s-production.io/policy-scope': 'tenant' } },
    });
    const clusterAdmin = findObject(objects, 'ClusterPolicy', 'disallow-cluster-admin-service-accounts');
    expect(clusterAdmin.spec.rules[0].match.any[0].resources).toEqual({ kinds: ['ClusterRoleBinding', 'RoleBinding'] });
  });

  test('a policy can roll out in Audit while the others enforce', () => {
    const objects = build({ modes: { 'require-readiness-probe': PolicyMode.AUDIT } });
    const mode = (name: string) => findObject(objects, 'ClusterPolicy', name).spec.rules[0].validate.failureAction;
    expect(mode('require-readiness-probe')).toBe('Audit');
    expect(mode('disallow-latest-tag')).toBe('Enforce');
  });

  test('refuses a mode for a policy that does not exist', () => {
    expect(() => build({ modes: { 'require-readyness-probe': PolicyMode.AUDIT } })).toThrow(
      '[production/test/policies] modes names "require-readyness-probe", which is not one of the policies',
    );
  });
});
