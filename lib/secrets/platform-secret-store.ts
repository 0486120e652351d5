import { Construct } from 'constructs';
import {
  ClusterSecretStore,
  ClusterSecretStoreSpecProvider,
  ClusterSecretStoreSpecProviderAwsService,
} from '../../imports/clustersecretstore-external-secrets.io';
import { clusterScoped } from '../core/cluster-scoped';
import { fail, show } from '../core/errors';
import { MANAGED_BY } from '../core/labels';
import { assertDnsLabel } from '../core/names';

/** A ServiceAccount by name and namespace. */
export interface ServiceAccountReference {
  /** ServiceAccount name. */
  readonly name: string;
  /** Its namespace. */
  readonly namespace: string;
}

/** Options of the AWS providers of {@link SecretProvider}. */
export interface AwsProviderOptions {
  /** AWS region, e.g. `eu-west-1`. */
  readonly region: string;
  /**
   * ServiceAccount whose token is exchanged for the role annotated on it (IRSA).
   * @default - the External Secrets controller's own credentials
   */
  readonly serviceAccount?: ServiceAccountReference;
}

/** Where the secrets of a store are read from (External Secrets v1 providers). */
export class SecretProvider {
  /** AWS Secrets Manager. */
  public static awsSecretsManager(options: AwsProviderOptions): SecretProvider {
    return SecretProvider.aws(ClusterSecretStoreSpecProviderAwsService.SECRETS_MANAGER, options);
  }

  /** AWS Systems Manager Parameter Store. */
  public static awsParameterStore(options: AwsProviderOptions): SecretProvider {
    return SecretProvider.aws(ClusterSecretStoreSpecProviderAwsService.PARAMETER_STORE, options);
  }

  private static aws(service: ClusterSecretStoreSpecProviderAwsService, options: AwsProviderOptions): SecretProvider {
    return new SecretProvider(`aws ${service}`, (where) => {
      if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(options.region)) {
        fail(where, `provider region ${show(options.region)} is not an AWS region; use e.g. "eu-west-1"`);
      }
      const sa = options.serviceAccount;
      return {
        aws: {
          service,
          region: options.region,
          auth: sa ? { jwt: { serviceAccountRef: { name: sa.name, namespace: sa.namespace } } } : undefined,
        },
      };
    });
  }

  private constructor(
    /** Short description, e.g. `aws SecretsManager`. */
    public readonly description: string,
    private readonly render: (where: string) => ClusterSecretStoreSpecProvider,
  ) {}

  /** The provider spec; fails naming `where` for bad input. */
  public specFor(where: string): ClusterSecretStoreSpecProvider {
    return this.render(where);
  }
}

/** Properties of {@link PlatformSecretStore}. */
export interface PlatformSecretStoreProps {
  /**
   * Store name, referenced by ExternalSecrets (`secretStoreRef.name`), e.g. `platform-secrets`.
   * @default - the construct id
   */
  readonly name?: string;
  /** Where the secrets are read from. */
  readonly provider: SecretProvider;
  /**
   * Namespaces whose ExternalSecrets may use the store.
   * @default - every namespace
   */
  readonly namespaces?: string[];
}

/**
 * An External Secrets `ClusterSecretStore` (external-secrets.io/v1, chart 2.9.0): the one store the
 * platform's ExternalSecrets read from, optionally limited to some namespaces.
 */
export class PlatformSecretStore extends Construct {
  /** Store name. */
  public readonly name: string;
  /** The ClusterSecretStore object. */
  public readonly resource: ClusterSecretStore;

  public constructor(scope: Construct, id: string, props: PlatformSecretStoreProps) {
    super(scope, id);
    this.name = assertDnsLabel(this, 'name', props.name ?? id);
    if (props.namespaces?.length === 0) {
      fail(this, 'namespaces is empty, so no ExternalSecret could use the store; list namespaces or leave it out');
    }
    props.namespaces?.forEach((ns, i) => assertDnsLabel(this, `namespaces[${i}]`, ns));
    this.resource = clusterScoped(
      new ClusterSecretStore(this, 'Resource', {
        metadata: { name: this.name, labels: { 'app.kubernetes.io/managed-by': MANAGED_BY } },
        spec: {
          provider: props.provider.specFor(this.node.path),
          conditions: props.namespaces ? [{ namespaces: props.namespaces }] : undefined,
        },
      }),
    );
  }
}
