import { podRule } from '../define';
import { text } from '../object';
import { containerLabel } from '../pod-security/context';
import { containersOf } from '../workload';

/** The tag of an image reference, `undefined` when it has none; digests count as pinned. */
export function imageTag(image: string): string | undefined {
  if (image.includes('@')) return image.slice(image.indexOf('@') + 1);
  const lastSlash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > lastSlash ? image.slice(colon + 1) : undefined;
}

/** Guide 16.4: images are pinned, never `latest`. */
export const imageTagPinned = podRule({
  id: 'image-tag-pinned',
  summary: 'Every image has an explicit tag or digest, and the tag is not latest.',
  why: 'Guide 16.4 and 13.1: a mutable tag makes a rollback redeploy whatever the tag points to today, and two nodes can run different code under one manifest.',
  fix: 'Pin a version (registry.example.com/app:v1.2.3) or a digest (@sha256:…).',
  checkPod(template) {
    return containersOf(template).flatMap((c) => {
      const image = text(c.container.image) ?? '';
      const tag = imageTag(image);
      if (tag === undefined)
        return [
          { message: `${containerLabel(c)} image "${image}" has no tag, so it means latest`, field: `${c.path}.image` },
        ];
      if (tag === 'latest')
        return [
          { message: `${containerLabel(c)} image "${image}" uses the mutable tag "latest"`, field: `${c.path}.image` },
        ];
      return [];
    });
  },
});
