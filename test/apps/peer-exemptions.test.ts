import * as fs from 'fs';
import * as path from 'path';
import { fromYaml, PEER_EXEMPTION_REASON_ANNOTATION } from '../../lib';
import { listFiles, ROOT } from '../support/manifests';

/** Every object of the YAML files below `dir`. */
function readManifests(dir: string): any[] {
  return listFiles(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => fromYaml(fs.readFileSync(path.join(dir, f), 'utf8')));
}

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];
const objects = ['dev', 'staging', 'production'].flatMap((env) =>
  readManifests(path.join(ROOT, 'dist', env)).map((o: any) => ({ env, o })),
);
const annotations = (o: any): Record<string, string> => o.metadata.annotations ?? {};
const exempted = (o: any, check: string) => annotations(o)[`polaris.fairwinds.com/${check}-exempt`] === 'true';

describe('Polaris warnings and dangers on dist/ are exempted with a reason, or do not arise', () => {
  test('every workload pulls pinned images IfNotPresent, and says so to Polaris and kube-score', () => {
    const missing = objects
      .filter(({ o }) => WORKLOAD_KINDS.includes(o.kind))
      .filter(
        ({ o }) =>
          !exempted(o, 'pullPolicyNotAlways') ||
          !annotations(o)['kube-score/ignore']?.includes('container-image-pull-policy'),
      )
      .map(({ env, o }) => `${env} ${o.kind}/${o.metadata.name}`);
    expect(missing).toEqual([]);
  });

  test('every Deployment without spec.replicas is exempted from deploymentMissingReplicas (its HPA sets them)', () => {
    const missing = objects
      .filter(
        ({ o }) =>
          o.kind === 'Deployment' && o.spec.replicas === undefined && !exempted(o, 'deploymentMissingReplicas'),
      )
      .map(({ env, o }) => `${env} ${o.metadata.name}`);
    expect(missing).toEqual([]);
  });

  test('Jobs under a default deny, DaemonSets and pods that need their token carry the matching exemption', () => {
    const missing = objects
      .filter(({ o }) => WORKLOAD_KINDS.includes(o.kind))
      .flatMap(({ env, o }) => {
        const pod = o.spec.template?.spec ?? o.spec.jobTemplate.spec.template.spec;
        const needs = [
          ...(['Job', 'CronJob'].includes(o.kind) ? ['missingNetworkPolicy'] : []),
          ...(o.kind === 'DaemonSet' ? ['topologySpreadConstraint'] : []),
          ...(pod.automountServiceAccountToken === false ? [] : ['automountServiceAccountToken']),
        ];
        // A pod whose ServiceAccount mounts no token needs no token exemption.
        const account = objects.find(
          (a) =>
            a.env === env &&
            a.o.kind === 'ServiceAccount' &&
            a.o.metadata.name === (pod.serviceAccountName ?? 'default') &&
            a.o.metadata.namespace === o.metadata.namespace,
        );
        return needs
          .filter((c) => !(c === 'automountServiceAccountToken' && account?.o.automountServiceAccountToken === false))
          .filter((c) => !exempted(o, c))
          .map((c) => `${env} ${o.kind}/${o.metadata.name}: ${c}`);
      });
    expect(missing).toEqual([]);
  });

  test('every Role granting pods/exec, and its binding, is exempted from the danger-level exec checks', () => {
    const execRoles = objects.filter(
      ({ o }) =>
        o.kind === 'Role' &&
        (o.rules ?? []).some((r: any) =>
          (r.resources ?? []).some((x: string) => ['pods/exec', 'pods/attach'].includes(x)),
        ),
    );
    expect(execRoles.length).toBeGreaterThan(0);
    for (const { env, o } of execRoles) {
      expect({ env, role: o.metadata.name, exempt: exempted(o, 'rolePodExecAttach') }).toEqual({
        env,
        role: o.metadata.name,
        exempt: true,
      });
      const binding = objects.find(
        (b) =>
          b.env === env &&
          b.o.kind === 'RoleBinding' &&
          b.o.roleRef.kind === 'Role' &&
          b.o.roleRef.name === o.metadata.name &&
          b.o.metadata.namespace === o.metadata.namespace,
      )!;
      expect(exempted(binding.o, 'rolebindingRolePodExecAttach')).toBe(true);
    }
  });

  test('every RoleBinding to a ClusterRole the manifests do not hold is exempted from the checks that read it', () => {
    // Polaris judges a RoleBinding to a ClusterRole by that ClusterRole's rules, and fails it (danger)
    // when the ClusterRole is not among the audited manifests: the built-in view, edit and admin.
    const clusterRoles = new Set(objects.filter(({ o }) => o.kind === 'ClusterRole').map(({ o }) => o.metadata.name));
    const external = objects.filter(
      ({ o }) => o.kind === 'RoleBinding' && o.roleRef.kind === 'ClusterRole' && !clusterRoles.has(o.roleRef.name),
    );
    expect(external.length).toBeGreaterThan(0);
    for (const { env, o } of external) {
      const missing = ['rolebindingClusterRolePodExecAttach', 'rolebindingClusterAdminClusterRole'].filter(
        (check) => !exempted(o, check),
      );
      expect({ env, binding: `${o.metadata.namespace}/${o.metadata.name}`, missing }).toEqual({
        env,
        binding: `${o.metadata.namespace}/${o.metadata.name}`,
        missing: [],
      });
    }
  });

  test('every Polaris or kube-score exemption comes with its reason', () => {
    const unexplained = objects
      .filter(({ o }) =>
        Object.keys(annotations(o)).some((k) => k.startsWith('polaris.fairwinds.com/') || k === 'kube-score/ignore'),
      )
      .filter(({ o }) => !(annotations(o)[PEER_EXEMPTION_REASON_ANNOTATION] ?? '').includes(':'))
      .map(({ env, o }) => `${env} ${o.kind}/${o.metadata.name}`);
    expect(unexplained).toEqual([]);
  });

  test('no object grants or binds cluster-admin, and no container sets a credential-named literal (Polaris dangers)', () => {
    const clusterAdmin = objects.filter(
      ({ o }) => ['RoleBinding', 'ClusterRoleBinding'].includes(o.kind) && o.roleRef?.name === 'cluster-admin',
    );
    expect(clusterAdmin).toEqual([]);
    const sensitive = /password|token|bearer|secret/i;
    const literals = objects.flatMap(({ env, o }) => {
      const pod = o.spec?.template?.spec ?? o.spec?.jobTemplate?.spec?.template?.spec;
      return [...(pod?.containers ?? []), ...(pod?.initContainers ?? [])].flatMap((c: any) =>
        (c.env ?? [])
          .filter((e: any) => e.value !== undefined && sensitive.test(e.name))
          .map((e: any) => `${env} ${o.metadata.name} ${e.name}`),
      );
    });
    expect(literals).toEqual([]);
  });
});
