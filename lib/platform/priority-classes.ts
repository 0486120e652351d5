import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { clusterScoped } from '../core/cluster-scoped';
import { fail } from '../core/errors';
import { MANAGED_BY } from '../core/labels';
import { assertDnsSubdomainName } from '../core/names';
import { PriorityTier } from '../core/priority';

/** Highest value a user-defined PriorityClass may have; higher values are reserved for system classes. */
export const MAX_USER_PRIORITY = 1_000_000_000;

/** Lowest value a PriorityClass may have (a 32-bit integer). */
export const MIN_PRIORITY = -2_147_483_648;

/** Properties of {@link PriorityClasses}. */
export interface PriorityClassesProps {
  /**
   * Tiers to declare; built-in tiers such as `system-node-critical` are refused, Kubernetes creates them.
   * @default PriorityTier.CATALOGUE
   */
  readonly tiers?: readonly PriorityTier[];
}

/**
 * The priority-class catalogue (guide 14.4) as PriorityClass objects, one per tier. Workloads refer to
 * the same {@link PriorityTier} objects, so a class they name always exists. Cluster-scoped.
 */
export class PriorityClasses extends Construct {
  /** The PriorityClass of each tier, by tier name. */
  public readonly classes: Record<string, k8s.KubePriorityClass> = {};

  public constructor(scope: Construct, id: string, props: PriorityClassesProps = {}) {
    super(scope, id);
    const tiers = props.tiers ?? PriorityTier.CATALOGUE;
    tiers.forEach((tier, i) => {
      const prop = `tiers[${i}]`;
      assertDnsSubdomainName(this, `${prop}.name`, tier.name);
      if (tier.builtIn) {
        fail(this, `${prop} "${tier.name}" is a built-in class that Kubernetes creates itself; remove it from tiers`);
      }
      if (!Number.isInteger(tier.value) || tier.value > MAX_USER_PRIORITY || tier.value < MIN_PRIORITY) {
        fail(
          this,
          `${prop} "${tier.name}" has value ${tier.value}, outside the range of user-defined priority classes ` +
            `(${MIN_PRIORITY} to ${MAX_USER_PRIORITY}; higher values are reserved for system classes); ` +
            `use an integer of at most ${MAX_USER_PRIORITY}, e.g. 100000`,
        );
      }
      if (this.classes[tier.name]) {
        fail(this, `${prop} "${tier.name}" is declared twice; give each tier a unique name`);
      }
      this.classes[tier.name] = clusterScoped(
        new k8s.KubePriorityClass(this, tier.name, {
          metadata: { name: tier.name, labels: { 'app.kubernetes.io/managed-by': MANAGED_BY } },
          value: tier.value,
          preemptionPolicy: tier.preemption,
          globalDefault: false,
          description: tier.description,
        }),
      );
    });
  }
}
