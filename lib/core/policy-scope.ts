/**
 * The namespace label that puts a namespace under the platform's Kyverno policies. `Tenant` and the
 * other constructs that create a namespace for workloads (such as `EtcdBackup`) set it; the policies
 * select namespaces by it, so operators' namespaces (Argo CD, monitoring, the gateway implementation)
 * are never blocked by a policy written for tenants.
 */
export const POLICY_SCOPE_LABELS: Readonly<Record<string, string>> = Object.freeze({
  'cdk8s-production.io/policy-scope': 'tenant',
});
