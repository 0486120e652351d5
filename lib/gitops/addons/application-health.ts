/** The `argocd-cm` key of the health check Argo CD needs to wait for child Applications. */
export const APPLICATION_HEALTH_KEY = 'resource.customizations.health.argoproj.io_Application';

/**
 * The health check of `argoproj.io/Application` (Argo CD v3.5.1 docs/operator-manual/health.md, "Argocd
 * App"): Argo CD removed it in 1.8, and without it the root app treats a child Application as healthy as
 * soon as it exists, so sync waves would not wait for the addons. Put it in the `argocd-cm` ConfigMap under
 * {@link APPLICATION_HEALTH_KEY}.
 */
export const APPLICATION_HEALTH_LUA = `hs = {}
hs.status = "Progressing"
hs.message = ""
if obj.status ~= nil then
  if obj.status.health ~= nil then
    hs.status = obj.status.health.status
    if obj.status.health.message ~= nil then
      hs.message = obj.status.health.message
    end
  end
end
return hs
`;
