import { LabelSelector, selectorMatches, SelectorRequirement } from '../core/label-selector';
import { record, records, stringMap, text } from './object';

/** The operators of a label selector's `matchExpressions`. */
export const SELECTOR_OPERATORS: readonly string[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/**
 * Reads a label selector from untrusted data. Returns `undefined` for a missing selector (which selects
 * nothing where Kubernetes requires one) and throws for an unknown operator, naming it, so a typo is
 * reported instead of silently matching nothing.
 */
export function parseSelector(value: unknown): LabelSelector | undefined {
  if (value === undefined || value === null) return undefined;
  const raw = record(value);
  const matchExpressions: SelectorRequirement[] = records(raw.matchExpressions).map((e) => {
    const operator = text(e.operator) ?? '';
    if (!SELECTOR_OPERATORS.includes(operator)) {
      throw new Error(
        `label selector operator ${JSON.stringify(e.operator)} is not one of ${SELECTOR_OPERATORS.join(', ')}`,
      );
    }
    return { key: text(e.key) ?? '', operator, values: Array.isArray(e.values) ? e.values.map(String) : [] };
  });
  return { matchLabels: stringMap(raw.matchLabels), matchExpressions };
}

/**
 * Whether `selector` selects an object with `labels`: every matchLabels entry AND every matchExpression
 * (In, NotIn, Exists, DoesNotExist) must hold. An empty selector (`{}`) selects everything; a missing
 * one (`undefined`) selects nothing, as for a PDB or NetworkPolicy without a selector.
 */
export function matchesSelector(
  selector: LabelSelector | undefined,
  labels: Readonly<Record<string, string>>,
): boolean {
  return selector !== undefined && selectorMatches(selector, labels);
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
