import { isIPv6 } from 'net';
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

// The OCI distribution reference grammar (github.com/distribution/reference, regexp.go).
const TAG = /^[\w][\w.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const DIGEST = /^([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*):([0-9a-fA-F]{32,})$/;
/** Hex digits of the digest algorithms registries use (OCI image-spec descriptor.md). */
const DIGEST_LENGTH: Record<string, number> = { sha256: 64, sha512: 128 };

/** Why `repository` breaks the reference grammar, or undefined when it is valid. */
function repositoryProblem(repository: string): string | undefined {
  if (repository.length > 255) return `is ${repository.length} characters long; a repository name has at most 255`;
  const parts = repository.split('/');
  const first = parts[0];
  const hasDomain =
    parts.length > 1 && (first.includes('.') || first.includes(':') || first.startsWith('[') || first === 'localhost');
  const ipv6 = /^\[([a-fA-F0-9:]+)\](?::([0-9]+))?$/.exec(first);
  if (hasDomain && ipv6) {
    // The grammar's IPv6 host: `[fd00::1]:5000`, brackets required.
    if (!isIPv6(ipv6[1])) return `has a malformed registry host ${show(first)}`;
  } else if (hasDomain) {
    const [host, port] = first.split(':');
    if (!host.split('.').every((c) => DOMAIN_COMPONENT.test(c)) || (port !== undefined && !/^[0-9]+$/.test(port))) {
      return `has a malformed registry host ${show(first)}`;
    }
  }
  for (const part of hasDomain ? parts.slice(1) : parts) {
    if (!PATH_COMPONENT.test(part)) {
      return part.toLowerCase() !== part && PATH_COMPONENT.test(part.toLowerCase())
        ? `has an upper-case repository path ${show(part)}; repository paths are lower case`
        : `has a malformed repository path ${show(part)}; use lower-case letters and digits separated by '.', '_', '__' or '-'`;
    }
  }
  return undefined;
}

/** Why `digest` breaks the digest grammar, or undefined when it is valid. */
function digestProblem(digest: string): string | undefined {
  const match = DIGEST.exec(digest);
  if (!match) return 'has a malformed digest; use @sha256:<64 hex digits>';
  const expected = DIGEST_LENGTH[match[1]];
  if (expected !== undefined && match[2].length !== expected) {
    return `has a ${match[1]} digest of ${match[2].length} hex digits; a ${match[1]} digest has exactly ${expected}`;
  }
  if (expected !== undefined && match[2] !== match[2].toLowerCase()) {
    return `has upper-case hex digits in its ${match[1]} digest; registries write them in lower case`;
  }
  return undefined;
}

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
  const problem =
    repositoryProblem(ref.repository) ?? (ref.digest !== undefined ? digestProblem(ref.digest) : undefined);
  if (problem) {
    const hint = problem.includes('upper-case repository')
      ? `: ${image.replace(ref.repository, ref.repository.toLowerCase())}`
      : '';
    fail(scope, `${prop} ${show(image)} ${problem}${hint}`);
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
