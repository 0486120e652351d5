/** The name of this library as it appears in `app.kubernetes.io/managed-by`. */
export const MANAGED_BY = 'cdk8s-production';

/** Who a workload is, in the terms of the Kubernetes recommended labels. */
export interface WorkloadIdentity {
  /** `app.kubernetes.io/name`: the application, e.g. `order-api`. */
  readonly name: string;
  /** `app.kubernetes.io/instance`: this installation of it, e.g. `order-api`. */
  readonly instance: string;
  /** `app.kubernetes.io/version`: the running version, e.g. `v4.2.1`. */
  readonly version: string;
  /** `app.kubernetes.io/component`: its role in the architecture, e.g. `api`. */
  readonly component: string;
  /** `app.kubernetes.io/part-of`: the larger system, e.g. `shop`. */
  readonly partOf: string;
}

/** The labels a selector may use: name and instance only, so refactors and releases never change them. */
export function selectorLabels(id: Pick<WorkloadIdentity, 'name' | 'instance'>): Record<string, string> {
  return {
    'app.kubernetes.io/instance': id.instance,
    'app.kubernetes.io/name': id.name,
  };
}

/** All six recommended `app.kubernetes.io/*` labels for an object of `id`. */
export function recommendedLabels(id: WorkloadIdentity): Record<string, string> {
  return {
    'app.kubernetes.io/component': id.component,
    'app.kubernetes.io/instance': id.instance,
    'app.kubernetes.io/managed-by': MANAGED_BY,
    'app.kubernetes.io/name': id.name,
    'app.kubernetes.io/part-of': id.partOf,
    'app.kubernetes.io/version': id.version,
  };
}
