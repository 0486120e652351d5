/** Rewrites the dashboard catalogue and the alert series table in docs/observability.md from dist/: `npx tsx docs/generate-dashboards.ts`. */
import * as fs from 'fs';
import * as path from 'path';
import { dashboardsIn } from '../test/observability/dashboards-in-dist';
import { prometheusRules } from '../test/observability/promtool-suite';
import { BEGIN, END, renderDashboardCatalogue } from './dashboard-catalogue';
import { renderSeriesTable, SERIES_BEGIN, SERIES_END } from './series-table';

const file = path.join(__dirname, 'observability.md');
const dist = path.join(__dirname, '..', 'dist');

/** `text` with the part from `begin` to `end` (both included) replaced by `generated`. */
function replaceBetween(text: string, begin: string, end: string, generated: string): string {
  const start = text.indexOf(begin);
  const stop = text.indexOf(end);
  if (start < 0 || stop < 0) throw new Error(`docs/observability.md lacks the markers ${begin} and ${end}`);
  return text.slice(0, start) + generated + text.slice(stop + end.length);
}

let text = fs.readFileSync(file, 'utf8');
text = replaceBetween(text, BEGIN, END, renderDashboardCatalogue(dashboardsIn(dist)));
text = replaceBetween(text, SERIES_BEGIN, SERIES_END, renderSeriesTable(prometheusRules(dist)));
fs.writeFileSync(file, text);
