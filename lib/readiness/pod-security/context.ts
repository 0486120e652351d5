import { at, record, text } from '../object';
import { ContainerRef, containersOf, PodTemplate } from '../workload';

/** A container together with its `securityContext` (empty when unset). */
export interface SecuredContainer extends ContainerRef {
  /** The container's securityContext as plain data. */
  readonly securityContext: Record<string, unknown>;
}

/** The pod-level `securityContext` (empty when unset). */
export function podSecurityContext(template: PodTemplate): Record<string, unknown> {
  return record(template.spec.securityContext);
}

const secured = new WeakMap<PodTemplate, SecuredContainer[]>();

/** Every container (regular, init, ephemeral) with its securityContext; computed once per template. */
export function securedContainers(template: PodTemplate): readonly SecuredContainer[] {
  let list = secured.get(template);
  if (!list) {
    list = containersOf(template).map((c) => ({ ...c, securityContext: record(c.container.securityContext) }));
    secured.set(template, list);
  }
  return list;
}

/** Whether the pod declares `spec.os.name: windows`, which exempts it from Linux-only restricted controls. */
export function isWindowsPod(template: PodTemplate): boolean {
  return text(at(template.spec, 'os', 'name')) === 'windows';
}

/** Whether the pod runs in its own user namespace (`hostUsers: false`). */
export function usesUserNamespace(template: PodTemplate): boolean {
  return template.spec.hostUsers === false;
}

/** How a container is named in messages: `container "app"` or `init container "setup"`. */
export function containerLabel(c: ContainerRef): string {
  const prefix =
    c.list === 'containers' ? 'container' : c.list === 'initContainers' ? 'init container' : 'ephemeral container';
  return `${prefix} "${c.name}"`;
}

/** The guide section every Pod Security rule cites. */
export const PSS_WHY = 'Guide 12.2 and 15.3: production namespaces enforce Pod Security Admission; a pod that breaks';
