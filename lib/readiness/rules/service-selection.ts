import { at, namespaceOf, text } from '../object';
import type { ObjectIndex, Workload } from '../object-index';
import { isEmptySelector, selectorFromMap } from '../selector';
import type { KubeObject } from '../types';

/**
 * The workloads a Service sends traffic to, or `undefined` when the Service has no selector
 * (ExternalName, or Endpoints managed by hand), which the Service rules then skip.
 */
export function serviceBackends(service: KubeObject, index: ObjectIndex): readonly Workload[] | undefined {
  const selector = selectorFromMap(at(service, 'spec', 'selector'));
  if (!selector || isEmptySelector(selector) || text(at(service, 'spec', 'type')) === 'ExternalName') return undefined;
  return index.selectWorkloads(namespaceOf(service), selector);
}
