import { k8s } from 'cdk8s-plus-28';

/** Options of an emptyDir volume. */
export interface EmptyDirOptions {
  /**
   * Most bytes the volume may hold, as a Kubernetes quantity; the pod is evicted beyond it.
   * @default '256Mi'
   */
  readonly sizeLimit?: string;
  /**
   * Back the volume with memory (tmpfs), counted against the container's memory limit.
   * @default false
   */
  readonly inMemory?: boolean;
}

/**
 * A pod volume that a workload's containers can mount: `PodVolume.emptyDir('cache')`,
 * `PodVolume.configMap('rules', 'alert-rules')`, `PodVolume.secret('tls', 'shop-tls')`. Only volume
 * types the Pod Security `restricted` profile admits are offered; host paths stay with `NodeAgent`.
 */
export class PodVolume {
  /** Scratch space that lives as long as the pod. */
  public static emptyDir(name: string, options: EmptyDirOptions = {}): PodVolume {
    return new PodVolume(name, {
      name,
      emptyDir: {
        sizeLimit: k8s.Quantity.fromString(options.sizeLimit ?? '256Mi'),
        medium: options.inMemory ? 'Memory' : undefined,
      },
    });
  }

  /** The keys of ConfigMap `configMapName` as files. */
  public static configMap(name: string, configMapName: string): PodVolume {
    return new PodVolume(name, { name, configMap: { name: configMapName } }, configMapName);
  }

  /** The keys of Secret `secretName` as files, readable by the owner only (mode 0400). */
  public static secret(name: string, secretName: string): PodVolume {
    return new PodVolume(name, { name, secret: { secretName, defaultMode: 0o400 } }, secretName);
  }

  private constructor(
    /** The volume name containers mount it by. */
    public readonly name: string,
    /** The Kubernetes form of the volume. */
    public readonly kube: k8s.Volume,
    /** The ConfigMap or Secret it reads, if any. */
    public readonly source?: string,
  ) {}
}

/** Where a container mounts a volume. */
export interface VolumeMountOptions {
  /** The name of a volume of the pod (`PodVolume.name`). */
  readonly volume: string;
  /** Absolute path in the container. */
  readonly mountPath: string;
  /**
   * Mount read-only.
   * @default false
   */
  readonly readOnly?: boolean;
}
