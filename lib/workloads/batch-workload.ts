import { Duration } from 'cdk8s';
import { assertLabelValue, MAX_CRONJOB_NAME } from '../core/names';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { wholeSeconds } from '../core/durations';
import { resolvePodExtensions, workloadPodResources } from './containers';
import { NamedObject } from '../core/named-object';
import { WorkloadConstruct } from './workload-construct';
import {
  VerticalPodAutoscaler,
  VerticalPodAutoscalerSpecUpdatePolicyUpdateMode,
} from '../../imports/vpa-autoscaling.k8s.io';
import { fail, show } from '../core/errors';
import { WorkloadIdentity } from '../core/labels';
import { NODE_POOL_LABEL, podPlacement, ZoneSpread } from '../core/placement';
import { PriorityTier } from '../core/priority';
import { ResourceQuantities } from '../core/resources';
import { ExternalSecret } from '../../imports/externalsecret-external-secrets.io';
import { SecretFiles, secretFiles, SecretFilesParts } from '../secrets/secret-files';
import {
  metadataFactory,
  workloadServiceAccount,
  resolveWorkloadNaming,
  restrictedPodTemplate,
  WorkloadProps,
} from './pod-template';

/** What the VerticalPodAutoscaler does with its recommendations. */
export enum VerticalScalingMode {
  /** Only recommends; read them with `kubectl describe vpa`. */
  RECOMMEND_ONLY = 'Off',
  /** Applies the recommendation when a pod is created, never evicts a running one. */
  ON_POD_CREATION = 'Initial',
}

/** Properties shared by {@link BatchJob} and {@link ScheduledJob}. */
export interface BatchWorkloadProps extends WorkloadProps {
  /**
   * Secrets fetched by the External Secrets Operator and mounted read-only as files.
   * @default - none
   */
  readonly secrets?: SecretFiles[];
  /**
   * Node pool the pods run in (guide 16.1: batch apart from online services). Its nodes are expected to
   * carry the taint `node-pool=<pool>:NoSchedule`, which the pods tolerate.
   * @default 'batch'
   */
  readonly nodePool?: string;
  /**
   * Retries before the Job counts as failed.
   * @default 3
   */
  readonly backoffLimit?: number;
  /**
   * How long a run may take in total before Kubernetes stops it (whole seconds).
   * @default Duration.hours(1)
   */
  readonly activeDeadline?: Duration;
  /**
   * How long a finished Job is kept for inspection before it is deleted (whole seconds).
   * @default Duration.days(1)
   */
  readonly ttlAfterFinished?: Duration;
  /**
   * Pods running at once.
   * @default 1
   */
  readonly parallelism?: number;
  /**
   * A VerticalPodAutoscaler that learns the right requests from past runs.
   * @default - none
   */
  readonly verticalScaling?: VerticalScalingMode;
}

/** The parts `batchWorkload` created. */
export interface BatchWorkloadParts {
  readonly name: string;
  readonly namespace: string;
  readonly identity: WorkloadIdentity;
  readonly parallelism: number;
  readonly metadata: (name: string) => k8s.ObjectMeta;
  readonly serviceAccount: NamedObject;
  readonly secrets: SecretFilesParts;
  readonly jobSpec: k8s.JobSpec;
}

/** Checks the props of a batch workload and builds its ServiceAccount, secrets and Job spec. */
export function batchWorkload(
  scope: Construct,
  id: string,
  props: BatchWorkloadProps,
  kind: 'Job' | 'CronJob',
): BatchWorkloadParts {
  const naming = resolveWorkloadNaming(scope, id, props, 'batch', {
    ...(kind === 'CronJob' && {
      maxLength: {
        length: MAX_CRONJOB_NAME,
        why: 'Kubernetes refuses longer CronJob names: its Jobs append up to 11 characters',
      },
    }),
  });
  const counts = {
    backoffLimit: props.backoffLimit ?? 3,
    parallelism: props.parallelism ?? 1,
  };
  for (const [prop, value] of Object.entries(counts)) {
    const minimum = prop === 'backoffLimit' ? 0 : 1;
    if (!Number.isInteger(value) || value < minimum) {
      fail(scope, `${prop} ${show(value)} must be an integer of at least ${minimum}`);
    }
  }
  const deadlines = {
    activeDeadlineSeconds: wholeSeconds(scope, 'activeDeadline', props.activeDeadline ?? Duration.hours(1), 1),
    ttlSecondsAfterFinished: wholeSeconds(scope, 'ttlAfterFinished', props.ttlAfterFinished ?? Duration.days(1)),
  };
  const pool = assertLabelValue(scope, 'nodePool', props.nodePool ?? 'batch');
  const metadata = metadataFactory(naming.namespace, naming.identity);
  const serviceAccount = workloadServiceAccount(scope, props.serviceAccount, metadata(naming.name), false);
  const secrets = secretFiles(scope, metadata, props.secrets ?? []);
  const placement = podPlacement(scope, naming.selector, {
    nodePool: pool,
    spreadAcrossHosts: false,
    zoneSpread: ZoneSpread.BEST_EFFORT,
  });
  return {
    name: naming.name,
    namespace: naming.namespace,
    identity: naming.identity,
    parallelism: counts.parallelism,
    metadata,
    serviceAccount,
    secrets,
    jobSpec: {
      backoffLimit: counts.backoffLimit,
      ...deadlines,
      parallelism: counts.parallelism,
      completions: counts.parallelism,
      template: restrictedPodTemplate(scope, {
        identity: naming.identity,
        image: props.image,
        resources: props.resources,
        serviceAccountName: serviceAccount.name,
        automountServiceAccountToken: false,
        priority: PriorityTier.BATCH,
        placement,
        tolerations: [{ key: NODE_POOL_LABEL, operator: 'Equal', value: pool, effect: 'NoSchedule' }],
        restartPolicy: 'Never',
        args: props.args,
        env: props.env,
        envFrom: secrets.envFrom,
        runAs: props.runAs,
        volumes: secrets.volumes,
        volumeMounts: secrets.volumeMounts,
        extensions: resolvePodExtensions(scope, props, { volumes: secrets.volumes.map((v) => v.name), ports: [] }),
      }),
    },
  };
}

/**
 * What {@link BatchJob} and {@link ScheduledJob} share: naming, ServiceAccount, secrets, the Job spec
 * and the optional VerticalPodAutoscaler. Subclasses add their controller.
 */
export abstract class BatchWorkload extends WorkloadConstruct {
  /** Name shared by every object. */
  public readonly name: string;
  /** Namespace of every object. */
  public readonly namespace: string;
  /** CPU and memory of each pod: the main container and sidecars, or the largest init container when more. */
  public readonly resources: ResourceQuantities;
  /** Pods running at once (the ceiling the tenant quota must hold). */
  public readonly maxReplicas: number;
  /** The ServiceAccount the pods run as: the one given, or the workload's own. */
  public readonly serviceAccount: NamedObject;
  /** The ExternalSecrets the pods' secret files come from. */
  public readonly externalSecrets: ExternalSecret[];
  /** Request recommendations, when vertical scaling is on. */
  public readonly verticalScaler?: VerticalPodAutoscaler;
  /** The checked parts subclasses build their controller from. */
  protected readonly parts: BatchWorkloadParts;

  protected constructor(scope: Construct, id: string, props: BatchWorkloadProps, kind: 'Job' | 'CronJob') {
    super(scope, id);
    this.parts = batchWorkload(this, id, props, kind);
    this.name = this.parts.name;
    this.namespace = this.parts.namespace;
    this.resources = workloadPodResources(this, props);
    this.maxReplicas = this.parts.parallelism;
    this.serviceAccount = this.parts.serviceAccount;
    this.externalSecrets = this.parts.secrets.externalSecrets;
    if (props.verticalScaling) {
      this.verticalScaler = new VerticalPodAutoscaler(this, 'VerticalPodAutoscaler', {
        metadata: this.parts.metadata(this.name),
        spec: {
          targetRef: { apiVersion: 'batch/v1', kind, name: this.name },
          updatePolicy: {
            updateMode: props.verticalScaling as string as VerticalPodAutoscalerSpecUpdatePolicyUpdateMode,
          },
          resourcePolicy: { containerPolicies: [{ containerName: 'app', controlledResources: ['cpu', 'memory'] }] },
        },
      });
    }
  }
}
