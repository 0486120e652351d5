import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import {
  mergePeerExemptions,
  peerExemptionAnnotations,
  PULL_POLICY_CHECKS,
  REPLICAS_FROM_AUTOSCALER_CHECKS,
} from '../core/peer-exemptions';

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);

/** Why a pinned image is pulled `IfNotPresent`, which Polaris and kube-score want to be `Always`. */
export const PINNED_PULL_POLICY_REASON =
  'every image is pinned to a version or a digest, so IfNotPresent never runs another image than the one ' +
  'reviewed, and pods still start while the registry is unreachable';

/**
 * Gives the workloads below `scope` the exemptions of the peer checkers for two choices this library
 * makes on purpose, each with its reason: images pinned and pulled `IfNotPresent` (Polaris
 * `pullPolicyNotAlways`, kube-score `container-image-pull-policy`), and a Deployment's replicas left to
 * the HorizontalPodAutoscaler that targets it (Polaris `deploymentMissingReplicas`). Call it once the
 * workloads and autoscalers exist, as `applySyncWaves`.
 */
export function applyWorkloadPeerExemptions(scope: IConstruct): void {
  const objects = scope.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
  const scaled = new Set(
    objects
      .filter((o) => o.kind === 'HorizontalPodAutoscaler')
      .map((o) => {
        const target = o.toJson().spec?.scaleTargetRef ?? {};
        return `${o.metadata.namespace ?? ''}/${target.kind}/${target.name}`;
      }),
  );
  for (const o of objects.filter((c) => WORKLOAD_KINDS.has(c.kind))) {
    const json = o.toJson();
    const pod = json.spec?.template?.spec ?? json.spec?.jobTemplate?.spec?.template?.spec;
    const containers: { image?: string; imagePullPolicy?: string }[] = [
      ...(pod?.containers ?? []),
      ...(pod?.initContainers ?? []),
    ];
    let annotations: Record<string, string> = json.metadata?.annotations ?? {};
    const before = annotations;
    if (containers.length > 0 && containers.every((c) => c.imagePullPolicy === 'IfNotPresent' && isPinned(c.image))) {
      annotations = mergePeerExemptions(
        annotations,
        peerExemptionAnnotations(PINNED_PULL_POLICY_REASON, PULL_POLICY_CHECKS),
      );
    }
    if (
      o.kind === 'Deployment' &&
      json.spec?.replicas === undefined &&
      scaled.has(`${o.metadata.namespace ?? ''}/Deployment/${o.name}`)
    ) {
      const reason = 'the replica count is left to the HorizontalPodAutoscaler that targets this Deployment';
      annotations = mergePeerExemptions(annotations, peerExemptionAnnotations(reason, REPLICAS_FROM_AUTOSCALER_CHECKS));
    }
    for (const [key, value] of Object.entries(annotations)) {
      if (before[key] !== value) o.metadata.addAnnotation(key, value);
    }
  }
}

/** Whether an image names a digest, or a tag other than `latest`. */
function isPinned(image: string | undefined): boolean {
  if (!image) return false;
  if (image.includes('@sha256:')) return true;
  const tag = /:([^/:]+)$/.exec(image)?.[1];
  return tag !== undefined && tag !== 'latest';
}
