import { k8s } from 'cdk8s-plus-28';

/** The numeric user and group a restricted workload runs as. */
export interface RunAsIdentity {
  /**
   * Numeric user id; must not be 0.
   * @default 10001
   */
  readonly runAsUser?: number;
  /**
   * Numeric group id, also used as fsGroup so mounted volumes are writable.
   * @default 10001
   */
  readonly runAsGroup?: number;
}

/** Default non-root user and group id. */
export const DEFAULT_RUN_AS = 10001;

/** Pod-level security context meeting the Pod Security `restricted` profile. */
export function restrictedPodSecurityContext(identity: RunAsIdentity = {}): k8s.PodSecurityContext {
  const runAsUser = identity.runAsUser ?? DEFAULT_RUN_AS;
  const runAsGroup = identity.runAsGroup ?? DEFAULT_RUN_AS;
  return {
    runAsNonRoot: true,
    runAsUser,
    runAsGroup,
    fsGroup: runAsGroup,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** Container-level security context meeting the Pod Security `restricted` profile. */
export function restrictedContainerSecurityContext(): k8s.SecurityContext {
  return {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    privileged: false,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** The writable scratch volume mounted at /tmp, since the root filesystem is read-only. */
export const TMP_VOLUME: k8s.Volume = { name: 'tmp', emptyDir: { sizeLimit: k8s.Quantity.fromString('256Mi') } };

/** Mount of {@link TMP_VOLUME}. */
export const TMP_MOUNT: k8s.VolumeMount = { name: 'tmp', mountPath: '/tmp' };
