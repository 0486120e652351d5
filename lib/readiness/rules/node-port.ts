import { objectRule } from '../define';
import { at } from '../object';

/** Guide 7.2: traffic enters through the gateway, not through node ports. */
export const noNodePort = objectRule({
  id: 'service-not-node-port',
  summary: 'No Service is of type NodePort.',
  why: 'Guide 7.2: a NodePort opens the same port on every node of the cluster, past the gateway, its TLS and its routing, and ties clients to node addresses that change as nodes are replaced.',
  fix: 'Use type ClusterIP behind the gateway (an HTTPRoute or Ingress), or type LoadBalancer for traffic that is not HTTP.',
  kinds: ['Service'],
  check(object) {
    return at(object, 'spec', 'type') === 'NodePort'
      ? [{ message: 'is of type NodePort, open on every node', field: 'spec.type' }]
      : [];
  },
});
