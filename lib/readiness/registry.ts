import { appArmor } from './pod-security/apparmor';
import { capabilitiesBaseline } from './pod-security/capabilities-baseline';
import { capabilitiesRestricted } from './pod-security/capabilities-restricted';
import { hostNamespaces } from './pod-security/host-namespaces';
import { hostPathVolumes } from './pod-security/host-path-volumes';
import { hostPorts } from './pod-security/host-ports';
import { hostProbes } from './pod-security/host-probes';
import { privilegeEscalation } from './pod-security/privilege-escalation';
import { privileged } from './pod-security/privileged';
import { procMount } from './pod-security/proc-mount';
import { procMountRestricted } from './pod-security/proc-mount-restricted';
import { runAsNonRoot } from './pod-security/run-as-non-root';
import { runAsUser } from './pod-security/run-as-user';
import { seccompBaseline } from './pod-security/seccomp-baseline';
import { seccompRestricted } from './pod-security/seccomp-restricted';
import { seLinux } from './pod-security/selinux';
import { sysctls } from './pod-security/sysctls';
import { volumeTypes } from './pod-security/volume-types';
import { windowsHostProcess } from './pod-security/windows-host-process';
import { noClusterAdmin } from './rules/cluster-admin';
import { configReferencesExist } from './rules/config-references';
import { cronJobPolicies } from './rules/cronjob-policies';
import { hpaMinAbovePdb } from './rules/hpa-min-above-pdb';
import { hpaTargetExists } from './rules/hpa-target-exists';
import { hpaTargetNoReplicas } from './rules/hpa-target-no-replicas';
import { imageTagPinned } from './rules/image-tag';
import { networkIngressHasEgress, networkPathAdmitted } from './rules/network-path-admitted';
import { envEndpointEgress } from './rules/env-endpoint-egress';
import { referencesResolve } from './rules/references-resolve';
import { apiVersionServed } from './rules/api-version-served';
import { serviceAccountGrants } from './rules/service-account-grants';
import { ingressTls } from './rules/ingress-tls';
import { networkPolicyDns } from './rules/network-policy-dns';
import { networkPolicyPeersSelect } from './rules/network-policy-peers';
import { networkPolicySelects } from './rules/network-policy-selects';
import { nodePoolExists } from './rules/node-pool-exists';
import { pdbAllowsDisruption } from './rules/pdb-allows-disruption';
import { pdbCoversWorkload } from './rules/pdb-covers-workload';
import { pdbSelectsWorkload } from './rules/pdb-selects-workload';
import { preStopWithinGrace } from './rules/prestop-grace';
import { priorityClassExists } from './rules/priority-class-exists';
import { priorityClassSet } from './rules/priority-class-set';
import { probePortListed, probePorts } from './rules/probe-ports';
import { probesDistinct } from './rules/probes-distinct';
import { probesPresent } from './rules/probes-present';
import { readOnlyRootFilesystem } from './rules/read-only-root-filesystem';
import { recommendedLabels } from './rules/recommended-labels';
import { resourcesRequestsLimits } from './rules/resources';
import { roleBindingRole } from './rules/role-binding-role';
import { rollingUpdateProgress } from './rules/rolling-update';
import { noSecretLiteral } from './rules/secret-literal';
import { noSecretInConfigMap, noSecretInEnv } from './rules/secret-in-plain-config';
import { serviceAccountDedicated } from './rules/service-account-dedicated';
import { serviceAccountExists } from './rules/service-account-exists';
import { serviceAccountToken } from './rules/service-account-token';
import { serviceMonitorPort } from './rules/service-monitor-port';
import { serviceSelectsPods } from './rules/service-selects-pods';
import { serviceTargetPort } from './rules/service-target-port';
import { spreadHostsZones } from './rules/spread';
import { storageClassExists } from './rules/storage-class-exists';
import { moreThanOneReplica } from './rules/single-replica';
import { hpaRange } from './rules/hpa-range';
import { envNamesUnique } from './rules/env-names-unique';
import { noNodePort } from './rules/node-port';
import { namespaceHasNetworkPolicy } from './rules/namespace-network-policy';
import { statefulSetHeadlessService } from './rules/statefulset-service';
import type { Rule } from './types';

/** Every control of the Pod Security Standards baseline profile. */
export const POD_SECURITY_BASELINE: readonly Rule[] = [
  hostNamespaces,
  privileged,
  capabilitiesBaseline,
  hostPathVolumes,
  hostPorts,
  appArmor,
  seLinux,
  procMount,
  seccompBaseline,
  sysctls,
  windowsHostProcess,
  hostProbes,
];

/** The controls the restricted profile adds to baseline. */
export const POD_SECURITY_RESTRICTED: readonly Rule[] = [
  volumeTypes,
  privilegeEscalation,
  runAsNonRoot,
  runAsUser,
  seccompRestricted,
  capabilitiesRestricted,
  procMountRestricted,
];

/** The guide's checklist (sections 6, 12, 14.10, 16) over single workloads and objects. */
export const CHECKLIST: readonly Rule[] = [
  resourcesRequestsLimits,
  probesPresent,
  probesDistinct,
  probePorts,
  probePortListed,
  imageTagPinned,
  readOnlyRootFilesystem,
  envNamesUnique,
  serviceAccountDedicated,
  serviceAccountToken,
  noClusterAdmin,
  noSecretLiteral,
  noSecretInEnv,
  noSecretInConfigMap,
  pdbCoversWorkload,
  pdbSelectsWorkload,
  pdbAllowsDisruption,
  hpaMinAbovePdb,
  hpaTargetExists,
  hpaTargetNoReplicas,
  hpaRange,
  moreThanOneReplica,
  spreadHostsZones,
  priorityClassSet,
  preStopWithinGrace,
  rollingUpdateProgress,
  cronJobPolicies,
  noNodePort,
  recommendedLabels,
];

/** The incident playbooks (section 11) as checks of how objects fit together. */
export const PLAYBOOK: readonly Rule[] = [
  serviceSelectsPods,
  serviceTargetPort,
  statefulSetHeadlessService,
  namespaceHasNetworkPolicy,
  networkPolicyDns,
  networkPolicySelects,
  networkPolicyPeersSelect,
  networkPathAdmitted,
  networkIngressHasEgress,
  envEndpointEgress,
  referencesResolve,
  apiVersionServed,
  serviceAccountGrants,
  ingressTls,
  serviceMonitorPort,
  roleBindingRole,
  configReferencesExist,
  serviceAccountExists,
  storageClassExists,
  priorityClassExists,
  nodePoolExists,
];

/** Every rule, in report order. */
export const RULES: readonly Rule[] = [...POD_SECURITY_BASELINE, ...POD_SECURITY_RESTRICTED, ...CHECKLIST, ...PLAYBOOK];

/** Rules by id. */
export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
