import { ManifestSource, objectName } from '../readiness/located';

/**
 * The file in which a synth records construct paths for the cdk8s CLI (`cdk8s synth` sets
 * `CDK8S_RECORD_CONSTRUCT_METADATA=true` when validation plugins run). The CLI reads its `resources`
 * to print each violation's construct path; the readiness plugin reads `manifests`, then removes the
 * file so the output folder holds manifests only.
 */
export const CONSTRUCT_METADATA_FILE = 'construct-metadata.json';

/** What a synth records: the cdk8s CLI's format (version 1.0.0) plus each file's construct paths. */
export interface ConstructMetadata {
  /** The cdk8s CLI's format version. */
  readonly version: '1.0.0';
  /** Construct path by the resource name the plugin reports (`violationResourceName`). */
  readonly resources: Record<string, { readonly path: string }>;
  /** Manifest file (relative to the output folder) to the construct path of each object, in file order. */
  readonly manifests: Record<string, readonly string[]>;
}

/** The object a violation names: unique in one output, readable on its own. */
export function violationResourceName(
  file: string,
  object: { kind: string; namespace?: string; name: string },
): string {
  return `${objectName(object)} in ${file}`;
}

/** The content of {@link CONSTRUCT_METADATA_FILE} for files whose paths are relative to the output folder. */
export function constructMetadataJson(files: readonly ManifestSource[]): string {
  const resources: Record<string, { path: string }> = {};
  const manifests: Record<string, readonly string[]> = {};
  for (const file of files) {
    const paths = file.paths ?? [];
    manifests[file.path] = paths;
    file.objects.forEach((object, i) => {
      const metadata = (object as { metadata?: { name?: string; namespace?: string } }).metadata;
      const kind = (object as { kind?: string }).kind;
      if (paths[i] === undefined || !kind || !metadata?.name) return;
      resources[violationResourceName(file.path, { kind, namespace: metadata.namespace, name: metadata.name })] = {
        path: paths[i],
      };
    });
  }
  const metadata: ConstructMetadata = { version: '1.0.0', resources, manifests };
  return `${JSON.stringify(metadata, null, 2)}\n`;
}
