import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';

/** A ClusterIP Service exposing `port` as the port named `http`, forwarded to the container port named `http`. */
export function httpClusterIpService(
  scope: Construct,
  id: string,
  metadata: k8s.ObjectMeta,
  selector: Record<string, string>,
  port: number,
): k8s.KubeService {
  return new k8s.KubeService(scope, id, {
    metadata,
    spec: {
      type: 'ClusterIP',
      selector,
      ports: [{ name: 'http', port, targetPort: k8s.IntOrString.fromString('http'), protocol: 'TCP' }],
    },
  });
}
