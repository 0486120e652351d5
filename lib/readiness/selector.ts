import { record, records, stringMap, text } from './object';

/** The operators of a label selector's `matchExpressions`. */
export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

/** One requirement of a label selector. */
export interface SelectorRequirement {
  /** The label key. */
  readonly key: string;
  /** How the label's value is compared. */
  readonly operator: SelectorOperator;
  /**
   * The values for `In` and `NotIn`.
   * @default - none (`Exists` and `DoesNotExist` take no values)
   */
  readonly values?: readonly string[];
}

/** A Kubernetes `LabelSelector`, as in Deployments, PDBs, NetworkPolicies and ServiceMonitors. */
export interface LabelSelector {
  /**
   * Labels that must all be present with exactly these values.
   * @default - no label is required
   */
  readonly matchLabels?: Readonly<Record<string, string>>;
  /**
   * Requirements that must all hold.
   * @default - no requirement
   */
  readonly matchExpressions?: readonly SelectorRequirement[];
}

const OPERATORS: ReadonlySet<string> = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/**
 * Reads a label selector from untrusted data. Returns `undefined` for a missing selector (which selects
 * nothing where Kubernetes requires one) and throws for an unknown operator, naming it.
 */
export function parseSelector(value: unknown): LabelSelector | undefined {
  if (value === undefined || value === null) return undefined;
  const raw = record(value);
  const matchExpressions = records(raw.matchExpressions).map((e) => {
    const operator = text(e.operator) ?? '';
    if (!OPERATORS.has(operator)) {
      throw new Error(`label selector operator ${JSON.stringify(e.operator)} is not one of In, NotIn, Exists, DoesNotExist`);
    }
    const values = Array.isArray(e.values) ? e.values.map(String) : [];
    return { key: text(e.key) ?? '', operator: operator as SelectorOperator, values };
  });
  return { matchLabels: stringMap(raw.matchLabels), matchExpressions };
}

/** Whether `labels` satisfies one requirement, with the Kubernetes semantics of each operator. */
export function matchesRequirement(requirement: SelectorRequirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
      return has && values.includes(labels[requirement.key]);
    case 'NotIn':
      return !has || !values.includes(labels[requirement.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/**
 * Whether `selector` selects an object with `labels`: every matchLabels entry AND every matchExpression
 * must hold. An empty selector (`{}`) selects everything; a missing one (`undefined`) selects nothing.
 */
export function matchesSelector(selector: LabelSelector | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (!selector) return false;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== value) return false;
  }
  return (selector.matchExpressions ?? []).every((r) => matchesRequirement(r, labels));
}

/** Whether the selector has no requirement at all, so it selects every object. */
export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

/** A Service-style selector (a plain map, all entries must match) as a label selector. */
export function selectorFromMap(value: unknown): LabelSelector | undefined {
  if (value === undefined || value === null) return undefined;
  return { matchLabels: stringMap(value), matchExpressions: [] };
}
