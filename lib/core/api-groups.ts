/**
 * The annotation on an Argo CD Application listing the API groups whose CRDs it installs (comma
 * separated). The readiness rule `references-resolve` reads it: a custom resource is served once an
 * Application delivered before it installs its group.
 */
export const PROVIDES_API_GROUPS_ANNOTATION = 'cdk8s-production.io/provides-api-groups';
