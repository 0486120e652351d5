import { AlertRules } from '../alert-rules';
import { DashboardPanel, DashboardRow } from './panel';

/**
 * The rows that show a catalogue's alerts: one row per rule group, one panel per alert that has one
 * (its `panel`), each naming its alert so the alert's `dashboard_url` opens it.
 */
export function alertRows(rules: AlertRules): DashboardRow[] {
  return rules.groups
    .map((group) => ({
      title: group.title ?? group.name,
      panels: (group.alerts ?? []).flatMap((a): DashboardPanel[] =>
        a.panel ? [{ ...a.panel, alerts: [a.alert] }] : [],
      ),
    }))
    .filter((row) => row.panels.length > 0);
}
