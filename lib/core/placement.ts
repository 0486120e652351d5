import { k8s } from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { assertCount } from './counts';
import { assertLabelValue } from './names';

/** Node label that names a node pool. */
export const NODE_POOL_LABEL = 'node-pool';

/** Well-known label of a node's zone. */
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** Well-known label of a node's host name. */
export const HOST_LABEL = 'kubernetes.io/hostname';

/** How strictly pods are spread across zones. */
export enum ZoneSpread {
  /** Refuse to schedule a pod that would break the spread (`DoNotSchedule`). */
  STRICT = 'DoNotSchedule',
  /** Prefer the spread but schedule anyway (`ScheduleAnyway`). */
  BEST_EFFORT = 'ScheduleAnyway',
}

/** Where the pods of a workload run. */
export interface PlacementOptions {
  /**
   * Node pool the pods must run in, matched on the node label `node-pool`.
   * @default - any node
   */
  readonly nodePool?: string;
  /**
   * Keep pods of the same workload on different hosts (preferred anti-affinity).
   * @default true
   */
  readonly spreadAcrossHosts?: boolean;
  /**
   * Spread pods evenly across zones, and how strictly.
   * @default ZoneSpread.STRICT
   */
  readonly zoneSpread?: ZoneSpread;
  /**
   * Largest allowed difference in pod count between two zones.
   * @default 1
   */
  readonly maxZoneSkew?: number;
}

/** The placement rules of a pod spec: node affinity, host anti-affinity and zone spread. */
export interface PodPlacement {
  /**
   * Node affinity and pod anti-affinity.
   * @default - no affinity
   */
  readonly affinity?: k8s.Affinity;
  /**
   * Zone spread constraints.
   * @default - no spread constraints
   */
  readonly topologySpreadConstraints?: k8s.TopologySpreadConstraint[];
}

/** Label the Deployment controller puts on each ReplicaSet's pods, one value per pod template revision. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** What kind of controller owns the pods, which decides how the spread counts them. */
export interface PlacementOwner {
  /**
   * Label whose value differs between revisions of the pod template (`pod-template-hash` for a
   * Deployment). The spread then counts only pods of the incoming pod's revision, so the old
   * ReplicaSet's pods do not skew where a rolling update puts the new ones.
   * @default - none: every pod matching the selector counts
   */
  readonly revisionLabel?: string;
}

/**
 * Builds node-pool affinity, host anti-affinity and zone topology spread for pods matching `selector`.
 * The spread honours node taints (`nodeTaintsPolicy: Honor`): nodes the pods do not tolerate, such as the
 * nodes of a failed zone (tainted `node.kubernetes.io/unreachable:NoSchedule`, which pods do not tolerate
 * by default), are not counted as a zone to spread to, so replacement pods are not kept Pending waiting
 * to balance against a zone that cannot take them.
 */
export function podPlacement(
  scope: IConstruct,
  selector: Record<string, string>,
  options: PlacementOptions = {},
  owner: PlacementOwner = {},
): PodPlacement {
  if (options.nodePool !== undefined) assertLabelValue(scope, 'placement.nodePool', options.nodePool);
  if (options.maxZoneSkew !== undefined) assertCount(scope, 'placement.maxZoneSkew', options.maxZoneSkew, 1, '1');
  const nodeAffinity: k8s.NodeAffinity | undefined = options.nodePool
    ? {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: NODE_POOL_LABEL, operator: 'In', values: [options.nodePool] }] },
          ],
        },
      }
    : undefined;
  const podAntiAffinity: k8s.PodAntiAffinity | undefined =
    (options.spreadAcrossHosts ?? true)
      ? {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 100, podAffinityTerm: { topologyKey: HOST_LABEL, labelSelector: { matchLabels: selector } } },
          ],
        }
      : undefined;
  const affinity = nodeAffinity || podAntiAffinity ? { nodeAffinity, podAntiAffinity } : undefined;
  return {
    affinity,
    topologySpreadConstraints: [
      {
        maxSkew: options.maxZoneSkew ?? 1,
        topologyKey: ZONE_LABEL,
        whenUnsatisfiable: options.zoneSpread ?? ZoneSpread.STRICT,
        nodeTaintsPolicy: 'Honor',
        labelSelector: { matchLabels: selector },
        matchLabelKeys: owner.revisionLabel ? [owner.revisionLabel] : undefined,
      },
    ],
  };
}
