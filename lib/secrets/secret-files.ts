import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  ExternalSecret,
  ExternalSecretSpecSecretStoreRefKind,
  ExternalSecretSpecTargetCreationPolicy,
} from '../../imports/externalsecret-external-secrets.io';
import { fail } from '../core/errors';
import { assertConfigKey, assertDnsLabel } from '../core/names';

/** Which kind of External Secrets Operator store a secret comes from. */
export enum SecretStoreKind {
  /** A store in the workload's namespace. */
  SECRET_STORE = 'SecretStore',
  /** A store shared by the whole cluster. */
  CLUSTER_SECRET_STORE = 'ClusterSecretStore',
}

/** One value in the external store (Vault, a cloud secret manager...). */
export interface RemoteSecretRef {
  /** Key of the secret in the store, e.g. `infra/redis`. */
  readonly key: string;
  /**
   * Property within the secret, for stores holding JSON objects.
   * @default - the whole value
   */
  readonly property?: string;
}

/**
 * A Secret synced by the External Secrets Operator (guide 12.3): nothing secret lives in Git, only
 * where to fetch it. The pods read it as files under {@link SecretFiles.mountPath}, read-only.
 */
export interface SecretFiles {
  /** Name of the Secret the operator writes; also names the ExternalSecret and the volume. */
  readonly name: string;
  /** Name of the SecretStore or ClusterSecretStore to read from. */
  readonly store: string;
  /**
   * Kind of the store.
   * @default SecretStoreKind.CLUSTER_SECRET_STORE
   */
  readonly storeKind?: SecretStoreKind;
  /** File name (Secret key) to remote value, e.g. `{ password: { key: 'infra/redis', property: 'password' } }`. */
  readonly files: Record<string, RemoteSecretRef>;
  /**
   * Folder the files appear in.
   * @default - `/var/run/secrets/<name>`
   */
  readonly mountPath?: string;
  /**
   * How often the operator refreshes the Secret from the store.
   * @default '1h'
   */
  readonly refreshInterval?: string;
  /**
   * Load the keys as environment variables instead of files. Files are safer: they are not inherited
   * by child processes or printed in crash dumps, and they follow rotation without a restart.
   * @default false
   */
  readonly asEnvironment?: boolean;
}

/** The objects and pod-spec parts `secretFiles` produced. */
export interface SecretFilesParts {
  readonly externalSecrets: ExternalSecret[];
  readonly volumes: k8s.Volume[];
  readonly volumeMounts: k8s.VolumeMount[];
  readonly envFrom: k8s.EnvFromSource[];
}

/** Read by owner and group only: the pod's fsGroup can read, nobody else. */
const SECRET_FILE_MODE = 0o440;

/** Creates one ExternalSecret per entry under `scope` and returns the volumes and mounts of the pod. */
export function secretFiles(
  scope: Construct,
  metadata: (name: string) => k8s.ObjectMeta,
  secrets: readonly SecretFiles[],
): SecretFilesParts {
  const parts: SecretFilesParts = { externalSecrets: [], volumes: [], volumeMounts: [], envFrom: [] };
  secrets.forEach((secret, i) => {
    const name = assertDnsLabel(scope, `secrets[${i}].name`, secret.name);
    const keys = Object.keys(secret.files).sort();
    for (const key of keys) assertConfigKey(scope, `secrets[${i}].files`, key);
    if (keys.length === 0) {
      fail(
        scope,
        `secrets[${i}].files is empty; map at least one file name to a store key, e.g. { password: { key: 'app/db' } }`,
      );
    }
    parts.externalSecrets.push(
      new ExternalSecret(scope, `ExternalSecret-${name}`, {
        metadata: metadata(name),
        spec: {
          refreshInterval: secret.refreshInterval ?? '1h',
          secretStoreRef: {
            name: secret.store,
            kind: (secret.storeKind ??
              SecretStoreKind.CLUSTER_SECRET_STORE) as string as ExternalSecretSpecSecretStoreRefKind,
          },
          target: { name, creationPolicy: ExternalSecretSpecTargetCreationPolicy.OWNER },
          data: keys.map((key) => ({ secretKey: key, remoteRef: secret.files[key] })),
        },
      }),
    );
    if (secret.asEnvironment) {
      parts.envFrom.push({ secretRef: { name } });
      return;
    }
    parts.volumes.push({ name: `secret-${name}`, secret: { secretName: name, defaultMode: SECRET_FILE_MODE } });
    parts.volumeMounts.push({
      name: `secret-${name}`,
      mountPath: secret.mountPath ?? `/var/run/secrets/${name}`,
      readOnly: true,
    });
  });
  return parts;
}
