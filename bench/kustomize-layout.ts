import * as fs from 'fs';
import * as path from 'path';
import * as jsyaml from 'js-yaml';
import { JS_YAML_DUMP_OPTIONS } from '../lib/output/yaml-writer';
import { FLEET_ENVIRONMENTS, imageName, imageTag, serviceName } from './fleet';

/** One synthesized file as the synth saves it with --json. */
export interface JsonManifestFile {
  readonly path: string;
  readonly objects: Record<string, unknown>[];
}

/**
 * Writes the Kustomize equivalent of the fleet (guide 13.3): `base/` holds every service's objects
 * (the production rendering, without namespace), and `overlays/<env>/` sets the namespace, each
 * service's image tag and each Deployment's replica count. Returns the overlay folders.
 */
export function writeKustomizeLayout(root: string, files: readonly JsonManifestFile[], services: number): string[] {
  fs.rmSync(root, { recursive: true, force: true });
  const base = path.join(root, 'base');
  fs.mkdirSync(base, { recursive: true });
  const resources: string[] = [];
  for (const file of files.filter((f) => f.path.startsWith('production/') && f.path !== 'production/namespace.yaml')) {
    const name = path.basename(file.path);
    const objects = file.objects.map((o) => withoutNamespace(o));
    fs.writeFileSync(path.join(base, name), objects.map((o) => jsyaml.dump(o, JS_YAML_DUMP_OPTIONS)).join('---\n'));
    resources.push(name);
  }
  fs.writeFileSync(
    path.join(base, 'kustomization.yaml'),
    jsyaml.dump({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources }),
  );
  return FLEET_ENVIRONMENTS.map((env, e) => {
    const overlay = path.join(root, 'overlays', env.name);
    fs.mkdirSync(overlay, { recursive: true });
    const ids = Array.from({ length: services }, (_, i) => i);
    const kustomization = {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      namespace: env.name,
      resources: ['../../base'],
      images: ids.map((i) => ({ name: imageName(i), newTag: imageTag(i, env.name) })),
      replicas: ids.map((i) => ({ name: serviceName(i), count: env.minReplicas + (i % 3) + e })),
    };
    fs.writeFileSync(path.join(overlay, 'kustomization.yaml'), jsyaml.dump(kustomization, JS_YAML_DUMP_OPTIONS));
    return overlay;
  });
}

function withoutNamespace(object: Record<string, unknown>): Record<string, unknown> {
  const metadata = { ...(object.metadata as Record<string, unknown>) };
  delete metadata.namespace;
  return { ...object, metadata };
}
