import type { ObjectIndex } from './object-index';
import type { PolicyVersion } from './policy-version';

/** A Kubernetes object as plain, untrusted data (parsed YAML or JSON). */
export type KubeObject = Readonly<Record<string, unknown>>;

/** How much a finding matters; a pack assigns one to each rule it enables. */
export type Level = 'error' | 'warning' | 'info';

/** One problem a rule found in one object. */
export interface Violation {
  /** What is wrong, naming the field and value, e.g. `container "app" image "nginx:latest" uses the mutable tag "latest"`. */
  readonly message: string;
  /**
   * Where in the object, as a field path such as `spec.template.spec.containers[0].image`.
   * @default - the object as a whole
   */
  readonly field?: string;
}

/** What a rule may read besides the object it checks. */
export interface RuleContext {
  /** Every object of this check, read-only, indexed by kind, namespace, name and labels. */
  readonly index: ObjectIndex;
  /** The Pod Security Standards policy version the check runs against. */
  readonly pssVersion: PolicyVersion;
  /** The minor version of the Kubernetes the output targets (28 for v1.28). */
  readonly kubeMinor: number;
}

/**
 * A readiness rule: data (id, wording, guide section) plus a pure function over one object.
 * Rules never read files, the clock or the environment, and never modify the objects.
 */
export interface Rule {
  /** Stable identifier, kebab-case, used in packs, suppressions and reports. */
  readonly id: string;
  /** One line: what the rule demands. */
  readonly summary: string;
  /** Why it matters in production, citing the guide section. */
  readonly why: string;
  /** How to fix a violation. */
  readonly fix: string;
  /** The kinds the rule looks at (`'*'` for every kind); the checker never calls it for other kinds. */
  readonly kinds: readonly string[];
  /** Returns the violations of `object`, or an empty array when it complies. */
  check(object: KubeObject, context: RuleContext): readonly Violation[];
}
