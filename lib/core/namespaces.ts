/**
 * Namespaces Kubernetes creates on every cluster and uses itself: nothing needs to create them, and no
 * Tenant may take one.
 */
export const BUILT_IN_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];
