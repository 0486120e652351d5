/** Where a priority tier stands against lower tiers when the cluster is full. */
export enum Preemption {
  /** May evict lower-priority pods to make room. */
  PREEMPT_LOWER_PRIORITY = 'PreemptLowerPriority',
  /** Waits in the queue ahead of lower tiers but never evicts anyone. */
  NEVER = 'Never',
}

/**
 * A tier of the priority-class catalogue (guide 14.4). Workloads refer to a tier by object,
 * so a typo cannot leave a pod without priority; `PriorityClasses` synthesizes the catalogue.
 */
export class PriorityTier {
  /** Customer-facing services whose outage costs money now (value 100000). */
  public static readonly ONLINE_CRITICAL = new PriorityTier(
    'online-critical',
    100000,
    Preemption.PREEMPT_LOWER_PRIORITY,
    'Customer-facing services whose outage loses revenue; may preempt lower tiers.',
  );
  /** Ordinary online services (value 10000). */
  public static readonly ONLINE_STANDARD = new PriorityTier(
    'online-standard',
    10000,
    Preemption.PREEMPT_LOWER_PRIORITY,
    'Ordinary online services and their dependencies.',
  );
  /** Batch and background work that waits rather than preempts (value 1000). */
  public static readonly BATCH = new PriorityTier(
    'batch',
    1000,
    Preemption.NEVER,
    'Batch and background work; queues ahead of best-effort pods but never preempts.',
  );
  /** Node agents; the built-in class every cluster has. */
  public static readonly SYSTEM_NODE_CRITICAL = new PriorityTier(
    'system-node-critical',
    2000001000,
    Preemption.PREEMPT_LOWER_PRIORITY,
    'Built-in class for node-level agents.',
    true,
  );

  /** The catalogue tiers this library declares (built-in classes excluded). */
  public static readonly CATALOGUE: readonly PriorityTier[] = [
    PriorityTier.ONLINE_CRITICAL,
    PriorityTier.ONLINE_STANDARD,
    PriorityTier.BATCH,
  ];

  /**
   * @param name the PriorityClass name
   * @param value the scheduling priority (user classes: at most 1000000000)
   * @param preemption whether pods of this tier may evict lower tiers
   * @param description shown by `kubectl get priorityclass`
   * @param builtIn true for classes Kubernetes itself creates
   */
  public constructor(
    public readonly name: string,
    public readonly value: number,
    public readonly preemption: Preemption,
    public readonly description: string,
    public readonly builtIn: boolean = false,
  ) {}
}
