import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { clusterScoped } from '../core/cluster-scoped';
import { MANAGED_BY } from '../core/labels';
import { assertDnsSubdomainName, assertLabels } from '../core/names';
import { fail, show } from '../core/errors';

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
   * @default - { type: 'gp3', fsType: 'ext4' } for the default provisioner, none for another (gp3 means
   * nothing to other drivers)
   */
  readonly parameters?: Record<string, string>;
  /**
   * Labels besides `app.kubernetes.io/managed-by`, e.g. the recommended labels of the construct that
   * needs the class.
   * @default - `app.kubernetes.io/managed-by` only
   */
  readonly labels?: Record<string, string>;
  /**
   * Mark it as the cluster's default class.
   * @default false
   */
  readonly isDefault?: boolean;
}

/** The AWS EBS CSI driver, the guide's provisioner. */
const DEFAULT_PROVISIONER = 'ebs.csi.aws.com';

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
    // StorageClass names are DNS-1123 subdomains (gp3.retain is one); provisioners are qualified names.
    this.name = assertDnsSubdomainName(this, 'name', props.name ?? id);
    const provisioner = props.provisioner ?? DEFAULT_PROVISIONER;
    if (!/^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?(\/[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/.test(provisioner)) {
      fail(
        this,
        `provisioner ${show(provisioner)} is not a CSI driver name; use the driver's name, e.g. "ebs.csi.aws.com"`,
      );
    }
    if (props.labels) assertLabels(this, 'labels', props.labels);
    this.storageClass = clusterScoped(
      new k8s.KubeStorageClass(this, 'Resource', {
        metadata: {
          name: this.name,
          labels: { ...props.labels, 'app.kubernetes.io/managed-by': MANAGED_BY },
          annotations: props.isDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : undefined,
        },
        provisioner,
        parameters:
          props.parameters ?? (provisioner === DEFAULT_PROVISIONER ? { type: 'gp3', fsType: 'ext4' } : undefined),
        reclaimPolicy: 'Retain',
        allowVolumeExpansion: true,
        volumeBindingMode: 'WaitForFirstConsumer',
      }),
    );
  }
}
