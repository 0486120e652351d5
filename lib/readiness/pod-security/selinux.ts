import { podRule } from '../define';
import { record, text } from '../object';
import { Violation } from '../types';
import { containerLabel, podSecurityContext, PSS_WHY, securedContainers } from './context';

/** The SELinux types baseline allows, by the policy version that allowed them. */
function allowedTypes(minor: number): ReadonlySet<string> {
  const types = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
  if (minor >= 31) types.push('container_engine_t');
  return new Set(types);
}

function problems(options: Record<string, unknown>, allowed: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const type = text(options.type);
  if (type !== undefined && !allowed.has(type)) out.push(`type "${type}"`);
  if (text(options.user)) out.push(`user "${options.user}"`);
  if (text(options.role)) out.push(`role "${options.role}"`);
  return out;
}

/** Pod Security baseline: no custom SELinux user or role, and only container types. */
export const seLinux = podRule({
  id: 'pss-selinux',
  summary: 'SELinux options set no user or role and only a container type (Pod Security baseline).',
  why: `${PSS_WHY} baseline is rejected at admission; a custom SELinux user, role or type can lift the container's confinement.`,
  fix: 'Remove seLinuxOptions.user and .role; use type container_t, container_init_t, container_kvm_t (or container_engine_t from v1.31) or leave it unset.',
  checkPod(template, _object, { pssVersion }) {
    const allowed = allowedTypes(pssVersion.minor);
    const out: Violation[] = [];
    const pod = problems(record(podSecurityContext(template).seLinuxOptions), allowed);
    if (pod.length)
      out.push({
        message: `pod seLinuxOptions set ${pod.join(', ')}`,
        field: `${template.specPath}.securityContext.seLinuxOptions`,
      });
    for (const c of securedContainers(template)) {
      const found = problems(record(c.securityContext.seLinuxOptions), allowed);
      if (found.length)
        out.push({
          message: `${containerLabel(c)} seLinuxOptions set ${found.join(', ')}`,
          field: `${c.path}.securityContext.seLinuxOptions`,
        });
    }
    return out;
  },
});
