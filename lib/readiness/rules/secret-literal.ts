import { objectRule } from '../define';
import { record } from '../object';

/** Guide 12.3 and 16.4: secrets come from a secret manager, never from Git. */
export const noSecretLiteral = objectRule({
  id: 'no-secret-literal',
  summary: 'No Secret carries literal data or stringData.',
  why: 'Guide 12.3 and 16.4: manifests are committed to Git and read by Argo CD; a Secret with data there is a credential in the repository history forever.',
  fix: 'Declare an ExternalSecret (External Secrets Operator) that creates the Secret from the secret store, and remove the Secret from the output.',
  kinds: ['Secret'],
  check(object) {
    return (['data', 'stringData'] as const)
      .filter((field) => Object.keys(record(object[field])).length > 0)
      .map((field) => ({
        message: `Secret holds literal ${field} (${Object.keys(record(object[field])).join(', ')})`,
        field,
      }));
  },
});
