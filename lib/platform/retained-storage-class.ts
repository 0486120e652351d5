import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { clusterScoped } from '../core/cluster-scoped';
import { MANAGED_BY } from '../core/labels';
import { assertDnsLabel } from '../core/names';

/** Properties of a {@link RetainedStorageClass}. */
export interface RetainedStorageClassProps {
  /**
   * StorageClass name, referenced by volume claims.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * CSI driver that provisions the volumes.
   * @default 'ebs.csi.aws.com'
   */
  readonly provisioner?: string;
  /**
   * Driver parameters.
   * @default { type: 'gp3', fsType: 'ext4' }
   */
  readonly parameters?: Record<string, string>;
  /**
   * Mark it as the cluster's default class.
   * @default false
   */
  readonly isDefault?: boolean;
}

/**
 * A StorageClass for data that must outlive its claim (guide 8.1): `reclaimPolicy: Retain`, volume
 * expansion allowed, and `WaitForFirstConsumer` binding so a volume is created in the zone of its pod.
 * Cluster-scoped: it carries no namespace, in whatever chart it is created.
 */
export class RetainedStorageClass extends Construct {
  /** The StorageClass name. */
  public readonly name: string;
  /** The StorageClass. */
  public readonly storageClass: k8s.KubeStorageClass;

  public constructor(scope: Construct, id: string, props: RetainedStorageClassProps = {}) {
    super(scope, id);
    this.name = assertDnsLabel(this, 'name', props.name ?? id);
    this.storageClass = clusterScoped(
      new k8s.KubeStorageClass(this, 'Resource', {
        metadata: {
          name: this.name,
          labels: { 'app.kubernetes.io/managed-by': MANAGED_BY },
          annotations: props.isDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : undefined,
        },
        provisioner: props.provisioner ?? 'ebs.csi.aws.com',
        parameters: props.parameters ?? { type: 'gp3', fsType: 'ext4' },
        reclaimPolicy: 'Retain',
        allowVolumeExpansion: true,
        volumeBindingMode: 'WaitForFirstConsumer',
      }),
    );
  }
}
