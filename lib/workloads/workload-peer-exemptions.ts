import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { parseImage } from '../core/image';
import { LabelSelector, selectorMatches } from '../core/label-selector';
import {
  MOUNTED_TOKEN_CHECKS,
  mergePeerExemptions,
  NETWORK_POLICY_CHECKS,
  PeerChecks,
  peerExemptionAnnotations,
  PULL_POLICY_CHECKS,
  REPLICAS_FROM_AUTOSCALER_CHECKS,
  TOPOLOGY_SPREAD_CHECKS,
} from '../core/peer-exemptions';

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

/** Why a pinned image is pulled `IfNotPresent`, which Polaris and kube-score want to be `Always`. */
export const PINNED_PULL_POLICY_REASON =
  'every image is pinned to a version or a digest, so IfNotPresent never runs another image than the one ' +
  'reviewed, and pods still start while the registry is unreachable';

/**
 * Gives the workloads below `scope` the exemptions of the peer checkers for the choices this library
 * makes on purpose, each with its reason, and only where the choice holds:
 * - images pinned and pulled `IfNotPresent` (Polaris `pullPolicyNotAlways`, kube-score
 *   `container-image-pull-policy`);
 * - a Deployment's replicas left to the HorizontalPodAutoscaler that targets it (`deploymentMissingReplicas`);
 * - a token mounted because a RoleBinding or ClusterRoleBinding grants the ServiceAccount something
 *   (`automountServiceAccountToken`);
 * - a Job or CronJob covered by its namespace's default-deny policy, serving nothing (`missingNetworkPolicy`);
 * - a DaemonSet, which runs one pod per node (`topologySpreadConstraint`).
 * Call it once the workloads, autoscalers, bindings and policies exist, as `applySyncWaves`.
 */
export function applyWorkloadPeerExemptions(scope: IConstruct): void {
  const objects = scope.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
  // Only the kinds read here are rendered: synth renders every object once more when it collects them.
  const ofKind = (kind: string) => objects.filter((o) => o.kind === kind).map((o) => o.toJson());
  const scaled = new Set(
    ofKind('HorizontalPodAutoscaler').map(
      (h) => `${h.metadata?.namespace ?? ''}/${h.spec?.scaleTargetRef?.kind}/${h.spec?.scaleTargetRef?.name}`,
    ),
  );
  const boundAccounts = new Set(
    [...ofKind('RoleBinding'), ...ofKind('ClusterRoleBinding')].flatMap((b) =>
      (b.subjects ?? [])
        .filter((s: { kind: string }) => s.kind === 'ServiceAccount')
        .map((s: { name: string; namespace?: string }) => `${s.namespace ?? b.metadata?.namespace}/${s.name}`),
    ),
  );
  const policies = ofKind('NetworkPolicy');
  for (const o of objects.filter((c) => WORKLOAD_KINDS.has(c.kind))) {
    const workload = o.toJson();
    const namespace = o.metadata.namespace ?? '';
    const template = workload.spec?.template ?? workload.spec?.jobTemplate?.spec?.template;
    const pod = template?.spec ?? {};
    const containers: { image?: string; imagePullPolicy?: string }[] = [
      ...(pod.containers ?? []),
      ...(pod.initContainers ?? []),
    ];
    const exemptions: [string, PeerChecks][] = [];
    if (containers.length > 0 && containers.every((c) => c.imagePullPolicy === 'IfNotPresent' && isPinned(c.image))) {
      exemptions.push([PINNED_PULL_POLICY_REASON, PULL_POLICY_CHECKS]);
    }
    if (
      o.kind === 'Deployment' &&
      workload.spec?.replicas === undefined &&
      scaled.has(`${namespace}/Deployment/${o.name}`)
    ) {
      exemptions.push([
        'the replica count is left to the HorizontalPodAutoscaler that targets this Deployment',
        REPLICAS_FROM_AUTOSCALER_CHECKS,
      ]);
    }
    const account = `${namespace}/${pod.serviceAccountName ?? 'default'}`;
    if (pod.automountServiceAccountToken !== false && boundAccounts.has(account)) {
      exemptions.push([
        'the pods call the API server with what their ServiceAccount is bound to, so they mount its token',
        MOUNTED_TOKEN_CHECKS,
      ]);
    }
    if (
      ['Job', 'CronJob'].includes(o.kind) &&
      isolatedFromIngress(policies, namespace, template?.metadata?.labels ?? {})
    ) {
      exemptions.push([
        "a Job serves no traffic: its namespace's default-deny policy selects its pods and no policy admits ingress to them",
        NETWORK_POLICY_CHECKS,
      ]);
    }
    if (o.kind === 'DaemonSet') {
      exemptions.push(['a DaemonSet runs one pod on each node, so there is nothing to spread', TOPOLOGY_SPREAD_CHECKS]);
    }
    const before: Record<string, string> = workload.metadata?.annotations ?? {};
    let annotations = before;
    for (const [reason, checks] of exemptions) {
      annotations = mergePeerExemptions(annotations, peerExemptionAnnotations(reason, checks));
    }
    for (const [key, value] of Object.entries(annotations)) {
      if (before[key] !== value) o.metadata.addAnnotation(key, value);
    }
  }
}

/** The parts of a NetworkPolicy the isolation test reads. */
interface PolicyJson {
  readonly metadata?: { readonly namespace?: string };
  readonly spec?: {
    readonly podSelector?: LabelSelector;
    readonly policyTypes?: string[];
    readonly ingress?: unknown[];
  };
}

/**
 * Whether pods labelled `labels` in `namespace` receive no traffic: a policy selecting every pod of the
 * namespace restricts ingress, and no policy that selects these pods admits any ingress.
 */
function isolatedFromIngress(policies: PolicyJson[], namespace: string, labels: Record<string, string>): boolean {
  const inNamespace = policies.filter((p) => (p.metadata?.namespace ?? '') === namespace);
  const selects = (p: PolicyJson) => selectorMatches(p.spec?.podSelector ?? {}, labels);
  const restrictsIngress = (p: PolicyJson) => (p.spec?.policyTypes ?? ['Ingress']).includes('Ingress');
  const denyAll = inNamespace.some(
    (p) =>
      Object.keys(p.spec?.podSelector ?? {}).length === 0 &&
      restrictsIngress(p) &&
      (p.spec?.ingress ?? []).length === 0,
  );
  return denyAll && !inNamespace.some((p) => selects(p) && (p.spec?.ingress ?? []).length > 0);
}

/** Whether an image names a digest, or a tag other than `latest`. */
function isPinned(image: string | undefined): boolean {
  if (!image) return false;
  const { tag, digest } = parseImage(image);
  return digest !== undefined || (tag !== undefined && tag !== 'latest');
}
