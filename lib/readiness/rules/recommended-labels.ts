import { objectRule } from '../define';
import { labelsOf } from '../object';
import { WORKLOAD_KINDS } from '../workload';

/** The Kubernetes recommended labels every workload carries. */
export const RECOMMENDED_LABELS: readonly string[] = [
  'app.kubernetes.io/name',
  'app.kubernetes.io/instance',
  'app.kubernetes.io/version',
  'app.kubernetes.io/component',
  'app.kubernetes.io/part-of',
  'app.kubernetes.io/managed-by',
];

/** Guide 11.4 and 16.5: workloads can be found and attributed by label. */
export const recommendedLabels = objectRule({
  id: 'recommended-labels',
  summary: 'Workloads carry the six app.kubernetes.io/* recommended labels.',
  why: 'Guide 11.4 and 16.5: incident playbooks start with `kubectl get pod -l …`, and dashboards link changes to services by these labels; a workload without them is invisible to both.',
  fix: `Add ${RECOMMENDED_LABELS.join(', ')} to metadata.labels.`,
  kinds: WORKLOAD_KINDS,
  check(object) {
    const labels = labelsOf(object);
    const missing = RECOMMENDED_LABELS.filter((l) => !labels[l]);
    return missing.length ? [{ message: `lacks ${missing.join(', ')}`, field: 'metadata.labels' }] : [];
  },
});
