/** One requirement of a label selector. */
export interface SelectorRequirement {
  /** The label key. */
  readonly key: string;
  /** `In`, `NotIn`, `Exists` or `DoesNotExist`. */
  readonly operator: string;
  /**
   * Values for `In` and `NotIn`.
   * @default - none (Exists, DoesNotExist)
   */
  readonly values?: readonly string[];
}

/** A Kubernetes label selector: every matchLabels entry and every expression must hold. */
export interface LabelSelector {
  /**
   * Labels that must all be present with these values.
   * @default - no label constraints
   */
  readonly matchLabels?: Readonly<Record<string, string>>;
  /**
   * Requirements that must all hold.
   * @default - no expression constraints
   */
  readonly matchExpressions?: readonly SelectorRequirement[];
}

/**
 * Whether `labels` satisfy `selector`, with the API server's semantics: all matchLabels and all
 * matchExpressions (In, NotIn, Exists, DoesNotExist) must hold; an empty selector matches everything.
 * An unknown operator matches nothing.
 */
export function selectorMatches(
  selector: LabelSelector | undefined,
  labels: Readonly<Record<string, string>> = {},
): boolean {
  if (!selector) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== value) return false;
  }
  for (const req of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, req.key);
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!has || !values.includes(labels[req.key])) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[req.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
