import { k8s } from 'cdk8s-plus-28';

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

/** Builds node-pool affinity, host anti-affinity and zone topology spread for pods matching `selector`. */
export function podPlacement(selector: Record<string, string>, options: PlacementOptions = {}): PodPlacement {
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
        labelSelector: { matchLabels: selector },
      },
    ],
  };
}
