/**
 * API versions Kubernetes stopped serving, by the minor release that removed them, from the Kubernetes
 * "Deprecated API Migration Guide" (kubernetes/website, docs/reference/using-api/deprecation-guide.md,
 * sections v1.16, v1.22, v1.25, v1.26, v1.29, v1.32). Each entry: `group/version Kind` and its replacement.
 */
export const REMOVED_APIS: Readonly<Record<number, readonly (readonly [string, string, string])[]>> = {
  16: [
    ['extensions/v1beta1', 'NetworkPolicy', 'networking.k8s.io/v1'],
    ['extensions/v1beta1', 'DaemonSet', 'apps/v1'],
    ['apps/v1beta2', 'DaemonSet', 'apps/v1'],
    ['extensions/v1beta1', 'Deployment', 'apps/v1'],
    ['apps/v1beta1', 'Deployment', 'apps/v1'],
    ['apps/v1beta2', 'Deployment', 'apps/v1'],
    ['apps/v1beta1', 'StatefulSet', 'apps/v1'],
    ['apps/v1beta2', 'StatefulSet', 'apps/v1'],
    ['extensions/v1beta1', 'ReplicaSet', 'apps/v1'],
    ['apps/v1beta1', 'ReplicaSet', 'apps/v1'],
    ['apps/v1beta2', 'ReplicaSet', 'apps/v1'],
  ],
  22: [
    ['admissionregistration.k8s.io/v1beta1', 'MutatingWebhookConfiguration', 'admissionregistration.k8s.io/v1'],
    ['admissionregistration.k8s.io/v1beta1', 'ValidatingWebhookConfiguration', 'admissionregistration.k8s.io/v1'],
    ['apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition', 'apiextensions.k8s.io/v1'],
    ['apiregistration.k8s.io/v1beta1', 'APIService', 'apiregistration.k8s.io/v1'],
    ['certificates.k8s.io/v1beta1', 'CertificateSigningRequest', 'certificates.k8s.io/v1'],
    ['coordination.k8s.io/v1beta1', 'Lease', 'coordination.k8s.io/v1'],
    ['extensions/v1beta1', 'Ingress', 'networking.k8s.io/v1'],
    ['networking.k8s.io/v1beta1', 'Ingress', 'networking.k8s.io/v1'],
    ['networking.k8s.io/v1beta1', 'IngressClass', 'networking.k8s.io/v1'],
    ['rbac.authorization.k8s.io/v1beta1', 'ClusterRole', 'rbac.authorization.k8s.io/v1'],
    ['rbac.authorization.k8s.io/v1beta1', 'ClusterRoleBinding', 'rbac.authorization.k8s.io/v1'],
    ['rbac.authorization.k8s.io/v1beta1', 'Role', 'rbac.authorization.k8s.io/v1'],
    ['rbac.authorization.k8s.io/v1beta1', 'RoleBinding', 'rbac.authorization.k8s.io/v1'],
    ['scheduling.k8s.io/v1beta1', 'PriorityClass', 'scheduling.k8s.io/v1'],
    ['storage.k8s.io/v1beta1', 'CSIDriver', 'storage.k8s.io/v1'],
    ['storage.k8s.io/v1beta1', 'CSINode', 'storage.k8s.io/v1'],
    ['storage.k8s.io/v1beta1', 'StorageClass', 'storage.k8s.io/v1'],
    ['storage.k8s.io/v1beta1', 'VolumeAttachment', 'storage.k8s.io/v1'],
  ],
  25: [
    ['batch/v1beta1', 'CronJob', 'batch/v1'],
    ['discovery.k8s.io/v1beta1', 'EndpointSlice', 'discovery.k8s.io/v1'],
    ['events.k8s.io/v1beta1', 'Event', 'events.k8s.io/v1'],
    ['autoscaling/v2beta1', 'HorizontalPodAutoscaler', 'autoscaling/v2'],
    ['policy/v1beta1', 'PodDisruptionBudget', 'policy/v1'],
    ['policy/v1beta1', 'PodSecurityPolicy', 'Pod Security Admission'],
    ['node.k8s.io/v1beta1', 'RuntimeClass', 'node.k8s.io/v1'],
  ],
  26: [
    ['flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema', 'flowcontrol.apiserver.k8s.io/v1'],
    ['flowcontrol.apiserver.k8s.io/v1beta1', 'PriorityLevelConfiguration', 'flowcontrol.apiserver.k8s.io/v1'],
    ['autoscaling/v2beta2', 'HorizontalPodAutoscaler', 'autoscaling/v2'],
  ],
  29: [
    ['flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema', 'flowcontrol.apiserver.k8s.io/v1'],
    ['flowcontrol.apiserver.k8s.io/v1beta2', 'PriorityLevelConfiguration', 'flowcontrol.apiserver.k8s.io/v1'],
  ],
  32: [
    ['flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', 'flowcontrol.apiserver.k8s.io/v1'],
    ['flowcontrol.apiserver.k8s.io/v1beta3', 'PriorityLevelConfiguration', 'flowcontrol.apiserver.k8s.io/v1'],
  ],
};

/** The oldest Kubernetes minor the platform supports, and the checker's default target. */
export const DEFAULT_KUBE_MINOR = 28;

/** The minor of a `v1.NN` (or `1.NN`) version, or undefined when it is not one. */
export function parseKubeMinor(version: string): number | undefined {
  const match = /^v?1\.([0-9]{1,2})$/.exec(version);
  return match ? Number(match[1]) : undefined;
}

/** The release that removed `apiVersion` of `kind` and what replaces it, if the target `minor` no longer serves it. */
export function removedIn(
  apiVersion: string,
  kind: string,
  minor: number,
): { minor: number; replacement: string } | undefined {
  for (const [release, entries] of Object.entries(REMOVED_APIS)) {
    if (Number(release) > minor) continue;
    const hit = entries.find(([v, k]) => v === apiVersion && k === kind);
    if (hit) return { minor: Number(release), replacement: hit[2] };
  }
  return undefined;
}
