import { IConstruct } from 'constructs';
import { fail, show } from './errors';
import { assertLabelValue } from './names';

/** A container image reference split into its parts. */
export interface ImageReference {
  /** Everything before the tag or digest, e.g. `registry.example.com/order-api`. */
  readonly repository: string;
  /**
   * The tag, e.g. `v4.2.1`.
   * @default - no tag was given
   */
  readonly tag?: string;
  /**
   * The digest, e.g. `sha256:...`.
   * @default - no digest was given
   */
  readonly digest?: string;
}

/** Splits `image` into repository, tag and digest without judging it. */
export function parseImage(image: string): ImageReference {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const nameAndTag = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = nameAndTag.lastIndexOf('/');
  const colon = nameAndTag.indexOf(':', lastSlash + 1);
  if (colon < 0) return { repository: nameAndTag, digest };
  return { repository: nameAndTag.slice(0, colon), tag: nameAndTag.slice(colon + 1), digest };
}

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-f0-9]{32,}$/;

/**
 * Refuses an image that is not pinned: no tag, the `latest` tag, or a malformed tag or digest.
 * @returns the parsed reference
 */
export function assertPinnedImage(scope: IConstruct | string, prop: string, image: string): ImageReference {
  const ref = parseImage(image);
  const example = `${ref.repository || 'registry.example.com/app'}:v1.2.3`;
  if (!ref.repository || /\s/.test(image)) {
    fail(scope, `${prop} ${show(image)} is not an image reference; use a form such as ${example}`);
  }
  if (ref.digest !== undefined && !DIGEST.test(ref.digest)) {
    fail(scope, `${prop} ${show(image)} has a malformed digest; use @sha256:<64 hex digits>`);
  }
  if (ref.tag === undefined && ref.digest === undefined) {
    fail(
      scope,
      `${prop} ${show(image)} has no tag, so it means "latest"; pin a version such as ${example} or a digest`,
    );
  }
  if (ref.tag !== undefined && !TAG.test(ref.tag)) {
    fail(
      scope,
      `${prop} ${show(image)} has a malformed tag; use letters, digits, '_', '.' and '-', such as ${example}`,
    );
  }
  if (ref.tag === 'latest') {
    fail(scope, `${prop} ${show(image)} uses the mutable tag "latest"; pin a version such as ${example} or a digest`);
  }
  return ref;
}

/**
 * The `app.kubernetes.io/version` label of a workload running the pinned `image`: `version` when given,
 * else the image tag, else the last 12 characters of its digest; refused (naming `prop`) when it is
 * not a valid label value.
 */
export function versionLabel(
  scope: IConstruct | string,
  prop: string,
  image: ImageReference,
  version?: string,
): string {
  return assertLabelValue(scope, prop, version ?? image.tag ?? image.digest!.slice(-12));
}
