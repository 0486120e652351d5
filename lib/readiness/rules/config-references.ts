import { podRule } from '../define';
import { at, nameOf, namespaceOf, record, records, text } from '../object';
import type { ObjectIndex } from '../object-index';
import { Violation } from '../types';
import { containersOf, PodTemplate } from '../workload';

/** A ConfigMap or Secret a pod template refers to. */
interface Reference {
  readonly kind: 'ConfigMap' | 'Secret';
  readonly name: string;
  readonly field: string;
}

/** Every non-optional ConfigMap and Secret reference of a pod template. */
export function configReferences(template: PodTemplate): Reference[] {
  const refs: Reference[] = [];
  const add = (kind: Reference['kind'], value: unknown, field: string, source: unknown) => {
    const name = text(value);
    if (name && record(source).optional !== true) refs.push({ kind, name, field });
  };
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
      );
      add(
        'Secret',
        at(e, 'valueFrom', 'secretKeyRef', 'name'),
        `${c.path}.env[${i}]`,
        at(e, 'valueFrom', 'secretKeyRef'),
      );
    });
  }
  records(template.spec.volumes).forEach((v, i) => {
    const field = `${template.specPath}.volumes[${i}]`;
    add('ConfigMap', at(v, 'configMap', 'name'), field, v.configMap);
    add('Secret', at(v, 'secret', 'secretName'), field, v.secret);
    for (const s of records(at(v, 'projected', 'sources'))) {
      add('ConfigMap', at(s, 'configMap', 'name'), field, s.configMap);
      add('Secret', at(s, 'secret', 'name'), field, s.secret);
    }
  });
  records(template.spec.imagePullSecrets).forEach((s, i) =>
    add('Secret', s.name, `${template.specPath}.imagePullSecrets[${i}]`, {}),
  );
  return refs;
}

/**
 * `namespace/name` of every Secret the output creates: Secrets, SealedSecrets, ExternalSecret targets
 * and cert-manager Certificates (their spec.secretName).
 */
export function declaredSecrets(index: ObjectIndex): ReadonlySet<string> {
  return index.derived('declared-secrets', () => {
    const names = new Set<string>();
    for (const s of [...index.ofKind('Secret'), ...index.ofKind('SealedSecret')])
      names.add(`${namespaceOf(s)}/${nameOf(s)}`);
    for (const es of index.ofKind('ExternalSecret'))
      names.add(`${namespaceOf(es)}/${text(at(es, 'spec', 'target', 'name')) ?? nameOf(es)}`);
    for (const c of index.ofKind('Certificate')) names.add(`${namespaceOf(c)}/${text(at(c, 'spec', 'secretName'))}`);
    return names;
  });
}

/** Guide 11.3 and 11.2: every ConfigMap and Secret a pod needs is in the output. */
export const configReferencesExist = podRule({
  id: 'config-references-exist',
  summary: 'Every ConfigMap and Secret a pod refers to (env, envFrom, volumes, imagePullSecrets) is in the output.',
  why: 'Guide 11.3 and 11.2: a missing ConfigMap or Secret leaves the pod in CreateContainerConfigError or ContainerCreating; an ExternalSecret counts, as it creates the Secret named spec.target.name (default: its own name), and so does a cert-manager Certificate (spec.secretName).',
  fix: 'Add the ConfigMap, or an ExternalSecret for the Secret, to the same namespace; mark references that may be absent with optional: true.',
  checkPod(template, object, { index }) {
    const ns = namespaceOf(object);
    const secrets = declaredSecrets(index);
    const out: Violation[] = [];
    for (const ref of configReferences(template)) {
      const exists =
        ref.kind === 'Secret' ? secrets.has(`${ns}/${ref.name}`) : index.get('ConfigMap', ns, ref.name) !== undefined;
      if (!exists)
        out.push({ message: `refers to ${ref.kind} "${ref.name}", which is not in the output`, field: ref.field });
    }
    return out;
  },
});
