import { CHECKLIST, PLAYBOOK, POD_SECURITY_BASELINE, POD_SECURITY_RESTRICTED } from './registry';
import type { Level, Rule } from './types';

/** A named selection of rules, each with the level its findings get. */
export interface Pack {
  /** The name used on the command line and in options. */
  readonly name: PackName;
  /** One line: what the pack is for. */
  readonly description: string;
  /** Rule id → level; rules not listed are off. */
  readonly levels: Readonly<Record<string, Level>>;
}

/** The packs this library ships. */
export type PackName = 'production' | 'baseline' | 'pod-security-baseline' | 'pod-security-restricted';

const all = (rules: readonly Rule[], level: Level): Record<string, Level> =>
  Object.fromEntries(rules.map((r) => [r.id, level]));

/** Checklist and playbook rules that the `production` pack reports as warnings rather than errors. */
const PRODUCTION_WARNINGS = [
  'ingress-tls',
  'recommended-labels',
  'probes-distinct',
  'node-pool-exists',
  'probe-port-listed',
  'read-only-root-filesystem',
  'hpa-max-above-min',
  'service-not-node-port',
  'network-policy-peer-selects-pods',
];

/** Rules of the lighter `baseline` pack that block (errors); the rest of its checklist are warnings. */
const BASELINE_ERRORS = [
  'image-tag-pinned',
  'api-version-served',
  'no-secret-literal',
  'no-cluster-admin-for-service-accounts',
  'service-selects-pods',
  'service-target-port-exists',
  'hpa-target-exists',
  'pdb-allows-disruption',
  'role-binding-role-exists',
  'env-names-unique',
  'statefulset-headless-service',
];

const BASELINE_CHECKLIST = [
  'resources-requests-limits',
  'probes-readiness-liveness',
  'service-account-dedicated',
  'config-references-exist',
  'service-account-exists',
  'recommended-labels',
];

/** Every pack, by name. */
export const PACKS: Readonly<Record<PackName, Pack>> = {
  production: {
    name: 'production',
    description:
      'Everything the guide asks of a production service: Pod Security restricted, the checklist and the playbook checks.',
    levels: {
      ...all(POD_SECURITY_BASELINE, 'error'),
      ...all(POD_SECURITY_RESTRICTED, 'error'),
      ...all(CHECKLIST, 'error'),
      ...all(PLAYBOOK, 'error'),
      ...Object.fromEntries(PRODUCTION_WARNINGS.map((id) => [id, 'warning' as Level])),
    },
  },
  baseline: {
    name: 'baseline',
    description:
      'A first bar for manifests from elsewhere (Helm, hand-written): Pod Security baseline and the mistakes that break services.',
    levels: {
      ...all(POD_SECURITY_BASELINE, 'error'),
      ...Object.fromEntries(BASELINE_ERRORS.map((id) => [id, 'error' as Level])),
      ...Object.fromEntries(
        BASELINE_CHECKLIST.map((id) => [id, (id === 'recommended-labels' ? 'info' : 'warning') as Level]),
      ),
    },
  },
  'pod-security-baseline': {
    name: 'pod-security-baseline',
    description: 'Exactly the Pod Security Standards baseline profile, as Pod Security Admission enforces it.',
    levels: all(POD_SECURITY_BASELINE, 'error'),
  },
  'pod-security-restricted': {
    name: 'pod-security-restricted',
    description: 'Exactly the Pod Security Standards restricted profile (which includes baseline).',
    levels: { ...all(POD_SECURITY_BASELINE, 'error'), ...all(POD_SECURITY_RESTRICTED, 'error') },
  },
};

/** The pack named `name`; throws naming the packs that exist. */
export function packNamed(name: string): Pack {
  const pack = (PACKS as Record<string, Pack | undefined>)[name];
  if (!pack) throw new Error(`unknown pack "${name}"; use one of ${Object.keys(PACKS).join(', ')}`);
  return pack;
}
