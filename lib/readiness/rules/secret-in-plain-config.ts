import { objectRule, podRule } from '../define';
import { record, records, stringMap, text } from '../object';
import { containersOf } from '../workload';

/** Names that say the value is a credential (kube-linter's env-var-secret matches `secret`; these are the usual others). */
const CREDENTIAL_NAME = /(secret|passw(or)?d|token|api[-_]?key|private[-_]?key|credential)/i;

/** A value that may be a credential: not empty, and not a reference such as a file path or a URL without user info. */
function looksLikeCredential(name: string, value: string): boolean {
  return (
    CREDENTIAL_NAME.test(name) && value.trim() !== '' && !value.startsWith('/') && !/^[a-z]+:\/\/[^@]*$/i.test(value)
  );
}

/** Guide 12.3 and 16.4: credentials never sit in env values, which are in Git and in `kubectl describe`. */
export const noSecretInEnv = podRule({
  id: 'no-secret-in-env',
  summary: 'No container sets a credential-named environment variable to a literal value.',
  why: 'Guide 12.3 and 16.4: an env value is committed to Git with the manifest and shown by kubectl describe; a variable named like PASSWORD or API_KEY with a literal value is a leaked credential.',
  fix: 'Read the credential from a Secret (an ExternalSecret) mounted as a file, or with valueFrom.secretKeyRef; a variable that names a file path is fine.',
  checkPod(template) {
    const out: { message: string; field: string }[] = [];
    for (const { container, name, path } of containersOf(template)) {
      records(container.env).forEach((e, i) => {
        const variable = text(e.name) ?? '';
        if (typeof e.value === 'string' && looksLikeCredential(variable, e.value)) {
          out.push({ field: `${path}.env[${i}]`, message: `container "${name}" sets ${variable} to a literal value` });
        }
      });
    }
    return out;
  },
});

/** Guide 12.3 and 16.4: a ConfigMap is plain text in Git; credentials belong in a secret store. */
export const noSecretInConfigMap = objectRule({
  id: 'no-secret-in-config-map',
  summary: 'No ConfigMap holds a credential-named key with a value.',
  why: 'Guide 12.3 and 16.4: ConfigMaps are committed to Git and readable by anyone who may read the namespace; a key named like password or token in one is a leaked credential.',
  fix: 'Move the value to the secret store and read it through an ExternalSecret; keep only non-secret settings in the ConfigMap.',
  kinds: ['ConfigMap'],
  check(object) {
    const data = stringMap(record(object).data);
    return Object.entries(data)
      .filter(([key, value]) => looksLikeCredential(key, value))
      .map(([key]) => ({
        field: `data.${key}`,
        message: `ConfigMap key ${key} holds a value that looks like a credential`,
      }));
  },
});
