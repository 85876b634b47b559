-- Argo CD health of a ResearchProject (researchclouds.org/v1alpha1).
-- Install under argocd-cm key: resource.customizations.health.researchclouds.org_ResearchProject
--
-- Ready means "the operator's own guard rails are in place for this generation"; open tenant
-- duties live in the *ResponsibilitiesMet conditions and do not turn the application red.
--   being deleted                          => Progressing (with why deletion waits, if known)
--   no status, or generation not observed   => Progressing
--   Locked=True                            => Suspended (the platform locked the project)
--   Reconciling=True or Ready=Unknown      => Progressing
--   Ready=False                            => Degraded, with the operator's message
--   Ready=True                             => Healthy, with the responsibility counts

local function condition(conditions, kind)
  if conditions == nil then
    return nil
  end
  for _, c in ipairs(conditions) do
    if c.type == kind then
      return c
    end
  end
  return nil
end

local function verdict(status, message)
  return {status = status, message = message}
end

local generation = obj.metadata.generation
local status = obj.status
local conditions = status and status.conditions
local ready = condition(conditions, "Ready")

if obj.metadata.deletionTimestamp ~= nil then
  if ready ~= nil and ready.status == "False" then
    return verdict("Progressing", "Being deleted: " .. (ready.message or ""))
  end
  return verdict("Progressing", "Being deleted")
end

if status == nil or conditions == nil then
  return verdict("Progressing", "Waiting for the operator to report a status")
end

if generation ~= nil and (status.observedGeneration == nil or status.observedGeneration < generation) then
  return verdict("Progressing", "Waiting for the operator to observe generation " .. generation)
end

local locked = condition(conditions, "Locked")
if locked ~= nil and locked.status == "True" then
  return verdict("Suspended", locked.message or "Locked by the platform team")
end

local reconciling = condition(conditions, "Reconciling")
if reconciling ~= nil and reconciling.status == "True" then
  return verdict("Progressing", reconciling.message or "Reconciling")
end

if ready == nil or (generation ~= nil and ready.observedGeneration ~= nil and ready.observedGeneration < generation) then
  return verdict("Progressing", "Waiting for the Ready condition of generation " .. (generation or "?"))
end

if ready.status == "True" then
  local summary = status.summary
  if summary ~= nil then
    return verdict("Healthy", "Guard rails in place; responsibilities met: tenant " .. (summary.tenant or "?")
      .. ", platform " .. (summary.platform or "?") .. ", shared " .. (summary.shared or "?"))
  end
  return verdict("Healthy", ready.message or "Guard rails in place")
end

if ready.status == "False" then
  return verdict("Degraded", ready.message or ready.reason or "Not ready")
end

return verdict("Progressing", ready.message or "Reconciling")
