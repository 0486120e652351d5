import { createHash } from 'crypto';

/** Grafana's limit on a dashboard UID. */
export const MAX_DASHBOARD_UID_LENGTH = 40;

/**
 * A dashboard UID derived from its name, so links survive every synth: the name itself when it fits
 * Grafana's 40 characters, otherwise its first 31 characters (without trailing dashes), a dash and 8 hex
 * digits of its SHA-256.
 */
export function dashboardUid(name: string): string {
  if (name.length <= MAX_DASHBOARD_UID_LENGTH) return name;
  const digest = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX_DASHBOARD_UID_LENGTH - 9).replace(/-+$/, '')}-${digest}`;
}
