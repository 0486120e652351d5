import { objectRule } from '../define';
import { PROVIDES_API_GROUPS_ANNOTATION } from '../../core/api-groups';
import { BUILT_IN_NAMESPACES } from '../../core/namespaces';
import { declaredSecrets } from './config-references';
import type { ObjectIndex } from '../object-index';
import { annotationsOf, at, kindOf, nameOf, namespaceOf, records, text } from '../object';
import type { KubeObject, Violation } from '../types';

/** Namespaces every cluster has; nothing needs to create them. */
/** Cluster-scoped kinds this checker meets; every other kind with a namespace field is namespaced. */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'StorageClass',
  'PriorityClass',
  'CustomResourceDefinition',
  'ClusterPolicy',
  'ClusterSecretStore',
  'ClusterIssuer',
  'GatewayClass',
  'PersistentVolume',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'APIService',
]);

/** The annotation with which an object declares references that live outside this repository, with reasons. */
export const EXTERNAL_REFERENCES_ANNOTATION = 'cdk8s-production.io/external-references';

/** A reference to something outside the repository: `Kind/name` or `Kind/namespace/name`, and why. */
export interface ExternalReference {
  /** `Kind/name` (cluster-scoped) or `Kind/namespace/name`. */
  readonly ref: string;
  /** Why it is not in the output. */
  readonly reason: string;
}

function externalRefs(object: KubeObject): Set<string> {
  try {
    const parsed = JSON.parse(annotationsOf(object)[EXTERNAL_REFERENCES_ANNOTATION] ?? '[]');
    return new Set((Array.isArray(parsed) ? parsed : []).map((r: ExternalReference) => r.ref));
  } catch {
    return new Set();
  }
}

/**
 * Namespaces the output creates: Namespace objects, and the destinations of Argo CD Applications that
 * create theirs (`CreateNamespace=true`, as the platform add-ons do for the operators' namespaces).
 */
function namespacesOf(index: ObjectIndex): ReadonlySet<string> {
  return index.derived('created-namespaces', () => {
    const names = new Set(index.ofKind('Namespace').map(nameOf));
    for (const app of index.ofKind('Application')) {
      const options = at(app, 'spec', 'syncPolicy', 'syncOptions');
      const namespace = text(at(app, 'spec', 'destination', 'namespace'));
      if (namespace && Array.isArray(options) && options.includes('CreateNamespace=true')) names.add(namespace);
    }
    return names;
  });
}

/** API groups every Kubernetes serves; a resource of any other group is custom and needs its CRD. */
const BUILT_IN_GROUPS = new Set([
  '',
  'apps',
  'batch',
  'autoscaling',
  'policy',
  'networking.k8s.io',
  'rbac.authorization.k8s.io',
  'storage.k8s.io',
  'scheduling.k8s.io',
  'apiextensions.k8s.io',
  'admissionregistration.k8s.io',
  'apiregistration.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'node.k8s.io',
  'certificates.k8s.io',
  'flowcontrol.apiserver.k8s.io',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'resource.k8s.io',
]);

/**
 * API groups the output serves besides the built-in ones: CustomResourceDefinitions in it, and the
 * groups that Applications delivered before it install (their provides-api-groups annotation).
 */
function servedGroupsOf(index: ObjectIndex): ReadonlySet<string> {
  return index.derived('served-api-groups', () => {
    const groups = new Set<string>();
    for (const crd of index.ofKind('CustomResourceDefinition')) groups.add(text(at(crd, 'spec', 'group')) ?? '');
    for (const kind of ['Application', 'Namespace']) {
      for (const o of index.ofKind(kind)) {
        for (const g of (annotationsOf(o)[PROVIDES_API_GROUPS_ANNOTATION] ?? '').split(',')) if (g) groups.add(g);
      }
    }
    return groups;
  });
}

/** The references of one object: what it names, and whether the output has it. */
function referencesOf(object: KubeObject, index: ObjectIndex): { ref: string; field: string; exists: boolean }[] {
  const ns = namespaceOf(object);
  const refs: { ref: string; field: string; exists: boolean }[] = [];
  const kind = kindOf(object);
  const apiVersion = text(object.apiVersion) ?? '';
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  // Judged only when the output says where CRDs come from (a CRD, or an add-on that declares the groups
  // it installs): manifests checked alone, without their platform, cannot know.
  const served = servedGroupsOf(index);
  if (!BUILT_IN_GROUPS.has(group) && served.size > 0) {
    refs.push({ ref: `CustomResourceDefinition/${group}`, field: 'apiVersion', exists: served.has(group) });
  }
  if (!CLUSTER_SCOPED.has(kind) && ns && !BUILT_IN_NAMESPACES.includes(ns)) {
    refs.push({
      ref: `Namespace/${ns}`,
      field: 'metadata.namespace',
      exists: namespacesOf(index).has(ns),
    });
  }
  if (kind === 'ExternalSecret') {
    const storeKind = text(at(object, 'spec', 'secretStoreRef', 'kind')) ?? 'SecretStore';
    const store = text(at(object, 'spec', 'secretStoreRef', 'name')) ?? '';
    const storeNs = storeKind === 'ClusterSecretStore' ? '' : ns;
    refs.push({
      ref: storeNs ? `${storeKind}/${storeNs}/${store}` : `${storeKind}/${store}`,
      field: 'spec.secretStoreRef',
      exists: index.get(storeKind, storeNs, store) !== undefined,
    });
  }
  if (kind === 'HTTPRoute') {
    records(at(object, 'spec', 'parentRefs')).forEach((p, i) => {
      const pns = text(p.namespace) ?? ns;
      const name = text(p.name) ?? '';
      refs.push({
        ref: `Gateway/${pns}/${name}`,
        field: `spec.parentRefs[${i}]`,
        exists: index.get('Gateway', pns, name) !== undefined,
      });
    });
    records(at(object, 'spec', 'rules')).forEach((r, i) =>
      records(r.backendRefs).forEach((b, j) => {
        if ((text(b.kind) ?? 'Service') !== 'Service') return;
        const bns = text(b.namespace) ?? ns;
        const name = text(b.name) ?? '';
        refs.push({
          ref: `Service/${bns}/${name}`,
          field: `spec.rules[${i}].backendRefs[${j}]`,
          exists: index.get('Service', bns, name) !== undefined,
        });
      }),
    );
  }
  if (kind === 'Ingress') {
    const backends = [
      { backend: at(object, 'spec', 'defaultBackend'), field: 'spec.defaultBackend' },
      ...records(at(object, 'spec', 'rules')).flatMap((r, i) =>
        records(at(r, 'http', 'paths')).map((p, j) => ({
          backend: p.backend,
          field: `spec.rules[${i}].http.paths[${j}].backend`,
        })),
      ),
    ];
    for (const { backend, field } of backends) {
      const name = text(at(backend, 'service', 'name'));
      if (name)
        refs.push({ ref: `Service/${ns}/${name}`, field, exists: index.get('Service', ns, name) !== undefined });
    }
  }
  if (kind === 'Gateway') {
    const secrets = declaredSecrets(index);
    records(at(object, 'spec', 'listeners')).forEach((l, i) =>
      records(at(l, 'tls', 'certificateRefs')).forEach((c, j) => {
        if ((text(c.kind) ?? 'Secret') !== 'Secret') return;
        const cns = text(c.namespace) ?? ns;
        const name = text(c.name) ?? '';
        refs.push({
          ref: `Secret/${cns}/${name}`,
          field: `spec.listeners[${i}].tls.certificateRefs[${j}]`,
          exists: secrets.has(`${cns}/${name}`),
        });
      }),
    );
  }
  return refs;
}

/**
 * Guide 11.2 and 13: a platform comes up only when everything an object names exists: its namespace,
 * the secret store of an ExternalSecret, the Gateway and Services of an HTTPRoute, the TLS Secret of a
 * Gateway listener (a Secret, an ExternalSecret target or a cert-manager Certificate). Objects delivered
 * earlier (the add-ons, `CheckOptions.alsoPresent`) count: an Application that creates its namespace
 * creates it. A reference to
 * something outside the repository by design is declared on the object with a reason.
 */
export const referencesResolve = objectRule({
  id: 'references-resolve',
  summary:
    'Every namespace, secret store, route parent and backend, and Gateway TLS Secret an object names is in the output.',
  why: 'Guide 11.2 and 13: a missing namespace fails the sync, a missing secret store or TLS Secret leaves the object waiting forever, and each object alone looks valid.',
  fix: `Add what is missing (the Namespace, the ClusterSecretStore, the Certificate), or declare it in the ${EXTERNAL_REFERENCES_ANNOTATION} annotation with a reason when it lives outside this repository.`,
  kinds: ['*'],
  check(object, { index }) {
    const external = externalRefs(object);
    const out: Violation[] = [];
    for (const r of referencesOf(object, index)) {
      if (!r.exists && !external.has(r.ref))
        out.push({ message: `refers to ${r.ref}, which is not in the output`, field: r.field });
    }
    return out;
  },
});
