import { podRule } from '../define';
import { at, nameOf, namespaceOf, record, records, text } from '../object';
import type { ObjectIndex } from '../object-index';
import { roleAllows, rolesOfServiceAccount } from '../rbac';
import { KubeObject, Violation } from '../types';
import { containersOf, PodTemplate } from '../workload';

/** A ConfigMap or Secret a pod template refers to. */
interface Reference {
  readonly kind: 'ConfigMap' | 'Secret';
  readonly name: string;
  readonly field: string;
  /** The keys the pod reads from it (env keys, volume items); empty when it reads every key. */
  readonly keys: readonly string[];
}

/** Every non-optional ConfigMap and Secret reference of a pod template. */
export function configReferences(template: PodTemplate): Reference[] {
  const refs: Reference[] = [];
  const add = (kind: Reference['kind'], value: unknown, field: string, source: unknown, keys: unknown = []) => {
    const name = text(value);
    const read = (Array.isArray(keys) ? keys : [keys]).map(text).filter((k): k is string => k !== undefined);
    if (name && record(source).optional !== true) refs.push({ kind, name, field, keys: read });
  };
  const itemKeys = (source: unknown) => records(record(source).items).map((item) => item.key);
  for (const c of containersOf(template)) {
    records(c.container.envFrom).forEach((e, i) => {
      add('ConfigMap', at(e, 'configMapRef', 'name'), `${c.path}.envFrom[${i}]`, e.configMapRef);
      add('Secret', at(e, 'secretRef', 'name'), `${c.path}.envFrom[${i}]`, e.secretRef);
    });
    records(c.container.env).forEach((e, i) => {
      add(
        'ConfigMap',
        at(e, 'valueFrom', 'configMapKeyRef', 'name'),
        `${c.path}.env[${i}]`,
        at(e, 'valueFrom', 'configMapKeyRef'),
        at(e, 'valueFrom', 'configMapKeyRef', 'key'),
      );
      add(
        'Secret',
        at(e, 'valueFrom', 'secretKeyRef', 'name'),
        `${c.path}.env[${i}]`,
        at(e, 'valueFrom', 'secretKeyRef'),
        at(e, 'valueFrom', 'secretKeyRef', 'key'),
      );
    });
  }
  records(template.spec.volumes).forEach((v, i) => {
    const field = `${template.specPath}.volumes[${i}]`;
    add('ConfigMap', at(v, 'configMap', 'name'), field, v.configMap, itemKeys(v.configMap));
    add('Secret', at(v, 'secret', 'secretName'), field, v.secret, itemKeys(v.secret));
    for (const s of records(at(v, 'projected', 'sources'))) {
      add('ConfigMap', at(s, 'configMap', 'name'), field, s.configMap, itemKeys(s.configMap));
      add('Secret', at(s, 'secret', 'name'), field, s.secret, itemKeys(s.secret));
    }
  });
  records(template.spec.imagePullSecrets).forEach((s, i) =>
    add('Secret', s.name, `${template.specPath}.imagePullSecrets[${i}]`, {}),
  );
  return refs;
}

/**
 * `namespace/name` of every Secret the output creates: Secrets, SealedSecrets, ExternalSecret targets,
 * cert-manager Certificates (their spec.secretName), and the Secrets a Job creates at runtime: those its
 * command or args name (`NAME` or `--secret-name=NAME`) when its ServiceAccount may create Secrets.
 */
export function declaredSecrets(index: ObjectIndex): ReadonlySet<string> {
  return index.derived('declared-secrets', () => {
    const names = new Set<string>();
    for (const s of [...index.ofKind('Secret'), ...index.ofKind('SealedSecret')])
      names.add(`${namespaceOf(s)}/${nameOf(s)}`);
    for (const es of index.ofKind('ExternalSecret'))
      names.add(`${namespaceOf(es)}/${text(at(es, 'spec', 'target', 'name')) ?? nameOf(es)}`);
    for (const c of index.ofKind('Certificate')) names.add(`${namespaceOf(c)}/${text(at(c, 'spec', 'secretName'))}`);
    for (const job of index.ofKind('Job')) {
      const template = index.templateOf(job);
      const ns = namespaceOf(job);
      const account = text(template?.spec.serviceAccountName) ?? 'default';
      if (!template || !rolesOfServiceAccount(index, ns, account).some((r) => roleAllows(r, 'create', 'secrets')))
        continue;
      for (const c of containersOf(template))
        for (const arg of [c.container.command, c.container.args].flatMap((a) => (Array.isArray(a) ? a : [])))
          if (typeof arg === 'string') names.add(`${ns}/${arg.slice(arg.indexOf('=') + 1)}`);
    }
    return names;
  });
}

/**
 * The keys a ConfigMap or Secret of the output holds, by `Kind/namespace/name`: a ConfigMap's data and
 * binaryData, a Secret's data and stringData, an ExternalSecret's spec.data[].secretKey. Absent when the
 * keys are not known from the manifests (an ExternalSecret with dataFrom or a template, a Certificate).
 */
export function declaredKeys(index: ObjectIndex): ReadonlyMap<string, ReadonlySet<string>> {
  return index.derived('declared-keys', () => {
    const keys = new Map<string, ReadonlySet<string>>();
    const fields = (o: KubeObject, ...names: string[]) => names.flatMap((n) => Object.keys(record(o[n])));
    for (const cm of index.ofKind('ConfigMap'))
      keys.set(`ConfigMap/${namespaceOf(cm)}/${nameOf(cm)}`, new Set(fields(cm, 'data', 'binaryData')));
    for (const secret of index.ofKind('Secret'))
      keys.set(`Secret/${namespaceOf(secret)}/${nameOf(secret)}`, new Set(fields(secret, 'data', 'stringData')));
    for (const es of index.ofKind('ExternalSecret')) {
      if (at(es, 'spec', 'dataFrom') !== undefined || at(es, 'spec', 'target', 'template') !== undefined) continue;
      const name = text(at(es, 'spec', 'target', 'name')) ?? nameOf(es);
      const secretKeys = records(at(es, 'spec', 'data')).map((d) => text(d.secretKey) ?? '');
      keys.set(`Secret/${namespaceOf(es)}/${name}`, new Set(secretKeys));
    }
    return keys;
  });
}

/** Guide 11.3 and 11.2: every ConfigMap and Secret a pod needs is in the output. */
export const configReferencesExist = podRule({
  id: 'config-references-exist',
  summary:
    'Every ConfigMap and Secret a pod refers to (env, envFrom, volumes, imagePullSecrets) is in the output, with every key the pod reads.',
  why: 'Guide 11.3 and 11.2: a missing ConfigMap or Secret leaves the pod in CreateContainerConfigError or ContainerCreating; an ExternalSecret counts, as it creates the Secret named spec.target.name (default: its own name), and so does a cert-manager Certificate (spec.secretName) or a Job whose ServiceAccount may create Secrets and whose command or args name it (as the ingress-nginx admission Job does with --secret-name). A key that a non-optional env or volume item reads and the object lacks is the same CreateContainerConfigError (or a volume that never mounts).',
  fix: 'Add the ConfigMap, or an ExternalSecret for the Secret, to the same namespace; fix the key name or add the key; mark references that may be absent with optional: true.',
  checkPod(template, object, { index }) {
    const ns = namespaceOf(object);
    const secrets = declaredSecrets(index);
    const keys = declaredKeys(index);
    const out: Violation[] = [];
    for (const ref of configReferences(template)) {
      const exists =
        ref.kind === 'Secret' ? secrets.has(`${ns}/${ref.name}`) : index.get('ConfigMap', ns, ref.name) !== undefined;
      if (!exists) {
        out.push({ message: `refers to ${ref.kind} "${ref.name}", which is not in the output`, field: ref.field });
        continue;
      }
      const held = keys.get(`${ref.kind}/${ns}/${ref.name}`);
      for (const key of ref.keys.filter((k) => held !== undefined && !held.has(k)))
        out.push({
          message: `reads key "${key}" of ${ref.kind} "${ref.name}", which has no such key (${[...(held ?? [])].map((k) => `"${k}"`).join(', ') || 'no keys'})`,
          field: ref.field,
        });
    }
    return out;
  },
});
