import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_RUNBOOK_BASE_URL } from '../../lib';
import { ROOT } from '../support/manifests';
import { alertsOf, prometheusRules } from './promtool-suite';

const RUNBOOKS = path.join(ROOT, 'docs', 'runbooks');
const alerts = prometheusRules(path.join(ROOT, 'dist')).flatMap(alertsOf);
const pages = fs.readdirSync(RUNBOOKS).filter((f) => f !== 'README.md');

describe('runbooks', () => {
  test('every alert in dist/ links to a runbook page this repository ships', () => {
    const missing = alerts
      .map((a) => a.annotations?.runbook_url ?? `(no runbook_url on ${a.alert})`)
      .filter(
        (url) =>
          !url.startsWith(`${DEFAULT_RUNBOOK_BASE_URL}/`) ||
          !pages.includes(url.slice(DEFAULT_RUNBOOK_BASE_URL.length + 1)),
      );
    expect(missing).toEqual([]);
  });

  test('every runbook page belongs to an alert', () => {
    const names = new Set(alerts.map((a) => `${a.alert}.md`));
    expect(pages.filter((p) => !names.has(p))).toEqual([]);
  });

  test('every page says what the alert means, the first commands, likely causes and mitigations', () => {
    for (const page of pages) {
      const text = fs.readFileSync(path.join(RUNBOOKS, page), 'utf8');
      expect({ page, headings: text.match(/^## .+$/gm) }).toEqual({
        page,
        headings: [
          '## What it means',
          expect.stringMatching(/^## First commands/),
          '## Likely causes',
          '## Mitigations',
        ],
      });
      expect(text.startsWith(`# ${page.replace(/\.md$/, '')}\n`)).toBe(true);
    }
  });
});
