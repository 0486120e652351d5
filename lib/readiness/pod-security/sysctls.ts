import { podRule } from '../define';
import { records, text } from '../object';
import { podSecurityContext, PSS_WHY } from './context';

/** The namespaced sysctls baseline allows, by the policy version that added them. */
const SAFE_SYSCTLS: readonly (readonly [number, readonly string[]])[] = [
  [
    0,
    [
      'kernel.shm_rmid_forced',
      'net.ipv4.ip_local_port_range',
      'net.ipv4.ip_unprivileged_port_start',
      'net.ipv4.tcp_syncookies',
      'net.ipv4.ping_group_range',
    ],
  ],
  [27, ['net.ipv4.ip_local_reserved_ports']],
  [
    29,
    [
      'net.ipv4.tcp_keepalive_time',
      'net.ipv4.tcp_fin_timeout',
      'net.ipv4.tcp_keepalive_intvl',
      'net.ipv4.tcp_keepalive_probes',
    ],
  ],
  [32, ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem']],
  [33, ['net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat']],
];

const safeByMinor = new Map<number, ReadonlySet<string>>();

/** The sysctls a pod may set under policy version `minor`. */
export function safeSysctls(minor: number): ReadonlySet<string> {
  let safe = safeByMinor.get(minor);
  if (!safe) {
    safe = new Set(SAFE_SYSCTLS.filter(([since]) => minor >= since).flatMap(([, names]) => names));
    safeByMinor.set(minor, safe);
  }
  return safe;
}

/** Pod Security baseline: only namespaced, isolated sysctls. */
export const sysctls = podRule({
  id: 'pss-sysctls',
  summary: 'Pods set only the safe, namespaced sysctls (Pod Security baseline).',
  why: `${PSS_WHY} baseline is rejected at admission; other sysctls are not isolated and change the node for every pod on it.`,
  fix: 'Remove the sysctl from securityContext.sysctls, or tune it on the node pool instead.',
  checkPod(template, _object, { pssVersion }) {
    const safe = safeSysctls(pssVersion.minor);
    return records(podSecurityContext(template).sysctls).flatMap((s, i) => {
      const name = text(s.name) ?? '';
      return safe.has(name)
        ? []
        : [
            {
              message: `sysctl "${name}" is not allowed at policy ${pssVersion.name}`,
              field: `${template.specPath}.securityContext.sysctls[${i}]`,
            },
          ];
    });
  },
});
