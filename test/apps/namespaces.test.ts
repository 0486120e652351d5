import * as fs from 'fs';
import * as path from 'path';
import { environments } from '../../apps/config';
import { BUILT_IN_NAMESPACES } from '../../lib';
import { parseManifestText } from '../../lib/cli/read-manifests';
import { listFiles, ROOT } from '../support/manifests';

const DIST = path.join(ROOT, 'dist');

function objectsOf(folder: string): any[] {
  const files = listFiles(path.join(DIST, folder)).filter((f) => f.endsWith('.yaml'));
  return files.flatMap((f) => {
    const file = path.join(DIST, folder, f);
    return parseManifestText(fs.readFileSync(file, 'utf8'), file).objects as any[];
  });
}

describe('namespaces in dist/', () => {
  const addonApps = objectsOf('argocd').filter(
    (o) => o.kind === 'Application' && o.metadata.labels?.['cdk8s-production.io/addon'],
  );

  for (const env of environments.all) {
    test(`${env.name}: every namespace an object lives in is created exactly once, by the environment or an addon`, () => {
      const server = env.props.clusters[0].server;
      const objects = objectsOf(env.name);
      const addons = addonApps.filter((a) => a.spec.destination.server === server);
      const creators = [
        ...objects.filter((o) => o.kind === 'Namespace').map((o) => `${o.metadata.name} <- ${env.name}/Namespace`),
        ...addons
          .filter((a) => a.spec.syncPolicy.syncOptions.includes('CreateNamespace=true'))
          .map((a) => `${a.spec.destination.namespace} <- Application ${a.metadata.name}`),
      ];
      const created = new Map<string, string[]>();
      for (const c of creators) {
        const ns = c.split(' <- ')[0];
        created.set(ns, [...(created.get(ns) ?? []), c]);
      }
      expect([...created.values()].filter((list) => list.length > 1)).toEqual([]);
      const used = [
        ...objects
          .filter((o) => o.metadata.namespace)
          .map((o) => `${o.metadata.namespace} (${o.kind}/${o.metadata.name})`),
        ...addons.map((a) => `${a.spec.destination.namespace} (Application ${a.metadata.name})`),
      ];
      const missing = used.filter((u) => {
        const ns = u.split(' ')[0];
        return !created.has(ns) && !BUILT_IN_NAMESPACES.includes(ns);
      });
      expect(missing).toEqual([]);
      expect(created.get('monitoring')).toEqual([
        `monitoring <- Application kube-prometheus-stack-${env.props.clusters[0].name}`,
      ]);
    });
  }
});
