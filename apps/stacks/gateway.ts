import { Chart } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  ClusterCertificateIssuer,
  clusterScoped,
  Environment,
  GatewayCertificates,
  MANAGED_BY,
  podSecurityLabels,
  SharedGateway,
} from '../../lib';
import { certificateIssuer, GATEWAY_IMPLEMENTATION } from '../config';

/** Namespace of the shared Gateway and its proxies. */
export const GATEWAY_NAMESPACE = 'gateway';

/**
 * The environment's shared Gateway in its own namespace, when the environment declares one, and, when its
 * listener serves TLS, the ClusterIssuer and the Certificate that fills the listener's Secret.
 */
export function gatewayStack(stage: Construct, env: Environment): SharedGateway | undefined {
  const settings = env.props.gateway;
  if (!settings) return undefined;
  const chart = new Chart(stage, 'gateway', { namespace: GATEWAY_NAMESPACE, disableResourceNameHashes: true });
  clusterScoped(
    new k8s.KubeNamespace(chart, 'Namespace', {
      metadata: {
        name: GATEWAY_NAMESPACE,
        labels: { 'app.kubernetes.io/managed-by': MANAGED_BY, ...podSecurityLabels() },
      },
    }),
  );
  const gateway = new SharedGateway(chart, 'shop', {
    gatewayClassName: settings.className,
    proxyMetrics: GATEWAY_IMPLEMENTATION.proxyMetrics,
    requireTls: settings.requireTls,
    listeners: [{ name: 'shop', hostname: settings.hostname, certificateSecret: settings.tlsSecret }],
  });
  if (settings.tlsSecret) {
    const issuer = new ClusterCertificateIssuer(chart, 'letsencrypt', { issuer: certificateIssuer });
    new GatewayCertificates(chart, 'certificates', { gateway, issuer: issuer.reference });
  }
  return gateway;
}
