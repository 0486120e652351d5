import { parser } from '@prometheus-io/lezer-promql';
import { fail, show } from '../../core/errors';

/**
 * The first syntax error in a PromQL expression, as an offset and the text from there, or undefined
 * when it parses. Uses Prometheus's own grammar (`@prometheus-io/lezer-promql`, the parser of the
 * Prometheus web UI); type errors (a range where an instant vector belongs) are left to `promtool`.
 */
export function promqlSyntaxError(expr: string): { readonly offset: number; readonly near: string } | undefined {
  let offset: number | undefined;
  parser.parse(expr).iterate({
    enter: (node) => {
      if (offset === undefined && node.type.isError) offset = node.from;
      return offset === undefined;
    },
  });
  if (offset === undefined && expr.trim() === '') offset = 0;
  return offset === undefined ? undefined : { offset, near: expr.slice(offset, offset + 20) };
}

/** Refuses an expression that does not parse, naming where it breaks. */
export function assertPromql(where: string, prop: string, expr: string): string {
  const error = promqlSyntaxError(expr);
  if (error) {
    const near = error.near === '' ? 'at its end' : `at ${show(error.near)}`;
    fail(
      where,
      `${prop} ${show(expr)} is not valid PromQL (it breaks ${near}, offset ${error.offset}); ` +
        'fix the expression, e.g. "sum by (service) (rate(http_server_requests_seconds_count[5m]))"',
    );
  }
  return expr;
}

/** The metric names an expression reads, in order of first use: what a dashboard assumes exists. */
export function metricNamesOf(expr: string): string[] {
  const names = new Set<string>();
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.name !== 'VectorSelector') return;
      const id = node.node.getChild('Identifier');
      if (id) names.add(expr.slice(id.from, id.to));
    },
  });
  return [...names];
}
