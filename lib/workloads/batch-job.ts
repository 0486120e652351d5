import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { BatchWorkload, BatchWorkloadProps } from './batch-workload';

/** Properties of a {@link BatchJob}. */
export type BatchJobProps = BatchWorkloadProps;

/**
 * A run-to-completion Job (guide 16.1, 9.3) on the batch node pool with the `batch` priority tier (which
 * never preempts online pods), bounded retries and run time, automatic clean-up after it finishes, and
 * the restricted security context.
 */
export class BatchJob extends BatchWorkload {
  /** The Job. */
  public readonly job: k8s.KubeJob;

  public constructor(scope: Construct, id: string, props: BatchJobProps) {
    super(scope, id, props, 'Job');
    this.job = new k8s.KubeJob(this, 'Resource', {
      metadata: this.parts.metadata(this.name),
      spec: this.parts.jobSpec,
    });
  }
}
