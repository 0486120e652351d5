import { Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { fail } from '../core/errors';
import { MANAGED_BY } from '../core/labels';
import { assertConfigKey, assertDataSize, assertDnsLabel } from '../core/names';
import { sortedRecord } from '../core/values';

/** Properties of a {@link LiteralSecret}. */
export interface LiteralSecretProps {
  /**
   * Whether the environment being synthesized admits Secrets with literal data: pass its
   * `allowLiteralSecrets` (true for local development only).
   * @default false
   */
  readonly allowLiteralSecrets?: boolean;
  /** Key to value, written into the manifest (and so into Git) as it is. */
  readonly data: Record<string, string>;
  /**
   * Secret name.
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Namespace.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
}

/**
 * A Secret whose values are in the manifest, for local development only. Staging and production refuse
 * it (guide 16.4: never store raw Secrets in Git); use {@link SecretFiles} with the External Secrets
 * Operator there.
 */
export class LiteralSecret extends Construct {
  /** The Secret. */
  public readonly secret: k8s.KubeSecret;

  public constructor(scope: Construct, id: string, props: LiteralSecretProps) {
    super(scope, id);
    if (!(props.allowLiteralSecrets ?? false)) {
      fail(
        this,
        `data holds literal secret values, which this environment refuses (allowLiteralSecrets is false); ` +
          `keep the value in the external secret store and pass it through the secrets prop of the workload ` +
          `(an ExternalSecret), or set allowLiteralSecrets: true for a development environment only`,
      );
    }
    const namespace = props.namespace ?? Chart.of(this).namespace;
    if (!namespace) fail(this, `namespace is not set; pass namespace: "dev" or create the chart with a namespace`);
    this.secret = new k8s.KubeSecret(this, 'Resource', {
      metadata: {
        name: assertDnsLabel(this, 'name', props.name ?? id),
        namespace: assertDnsLabel(this, 'namespace', namespace),
        labels: { 'app.kubernetes.io/managed-by': MANAGED_BY },
      },
      type: 'Opaque',
      stringData: sortedRecord(checkedKeys(this, props.data)),
    });
  }
}

function checkedKeys(scope: Construct, data: Record<string, string>): Record<string, string> {
  for (const key of Object.keys(data)) assertConfigKey(scope, 'data', key);
  assertDataSize(scope, 'data', data);
  return data;
}
