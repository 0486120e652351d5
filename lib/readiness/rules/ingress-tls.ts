import { objectRule } from '../define';
import { at, records } from '../object';

/** Guide 7.2: traffic from outside the cluster is encrypted at the edge. */
export const ingressTls = objectRule({
  id: 'ingress-tls',
  summary: 'Every Ingress terminates TLS for the hosts it serves.',
  why: 'Guide 7.2: an Ingress without tls serves its hosts over plain HTTP, so credentials and sessions cross the network readable by anyone on the path.',
  fix: 'Add spec.tls with the hosts and a certificate Secret (a cert-manager Certificate creates it); ServiceIngress requires TLS unless told otherwise.',
  kinds: ['Ingress'],
  check(object) {
    const hosts = records(at(object, 'spec', 'rules'))
      .map((r) => r.host)
      .filter((h) => typeof h === 'string');
    const tlsHosts = new Set(
      records(at(object, 'spec', 'tls')).flatMap((t) => (Array.isArray(t.hosts) ? t.hosts : [])),
    );
    if (records(at(object, 'spec', 'tls')).length === 0)
      return [{ message: 'has no tls section: every host is served over plain HTTP', field: 'spec.tls' }];
    return hosts
      .filter((h) => !tlsHosts.has(h))
      .map((h) => ({
        message: `host ${String(h)} is not in any tls entry, so it is served over plain HTTP`,
        field: 'spec.tls',
      }));
  },
});
