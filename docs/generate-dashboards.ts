/** Rewrites the dashboard catalogue in docs/observability.md from dist/: `npx tsx docs/generate-dashboards.ts`. */
import * as fs from 'fs';
import * as path from 'path';
import { dashboardsIn } from '../test/observability/dashboards-in-dist';
import { BEGIN, END, renderDashboardCatalogue } from './dashboard-catalogue';

const file = path.join(__dirname, 'observability.md');
const text = fs.readFileSync(file, 'utf8');
const start = text.indexOf(BEGIN);
const end = text.indexOf(END);
if (start < 0 || end < 0) throw new Error(`docs/observability.md lacks the markers ${BEGIN} and ${END}`);
const catalogue = renderDashboardCatalogue(dashboardsIn(path.join(__dirname, '..', 'dist')));
fs.writeFileSync(file, text.slice(0, start) + catalogue + text.slice(end + END.length));
