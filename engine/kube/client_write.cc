// Client writes: server-side apply, status, create, replace, delete, TokenRequest, raw.
#include "engine/kube/client.h"
#include "engine/kube/exec_plugin.h"

namespace meshform::kube {

ApplyResult Client::ApplyTo(const json& object, const ApplyOptions& options,
                            const std::string& subresource) {
  std::string verb = subresource.empty() ? "apply" : "apply " + subresource;
  Target target = ResolveObject(object, verb);
  if (!subresource.empty() && !target.mapping.HasSubresource(subresource)) {
    throw NotFound({cluster(), verb, target.ref.ToString()}, 0, "NotFound",
                   target.mapping.resource + " has no " + subresource + " subresource");
  }
  json body = object;
  if (target.mapping.namespaced) body["metadata"]["namespace"] = target.ref.ns;
  body["metadata"].erase("managedFields");  // forbidden in apply bodies
  Query query;
  query
      .Add("fieldManager",
           options.field_manager.empty() ? rest_.options().field_manager : options.field_manager)
      .AddIf(options.force, "force", "true")
      .AddIf(options.dry_run, "dryRun", "All");
  HttpResponse response =
      SendRaw(verb, target, "PATCH",
              target.mapping.Path(target.ref.ns, target.ref.name, subresource) + query.str(),
              body.dump(), "application/apply-patch+yaml");
  ApplyResult result;
  result.object = Parse(response, verb, target);
  result.created = response.status == 201;
  result.sent_again = response.sent_again;
  std::string warnings = response.Header("warning");
  if (!warnings.empty()) result.warnings.push_back(warnings);
  return result;
}

json Client::Apply(const json& object, const ApplyOptions& options) {
  return ApplyTo(object, options, "").object;
}

ApplyResult Client::ApplyWithResult(const json& object, const ApplyOptions& options) {
  return ApplyTo(object, options, "");
}

json Client::ApplyStatus(const json& object, const ApplyOptions& options) {
  return ApplyTo(object, options, "status").object;
}

json Client::ReplaceStatus(const json& object) {
  Target target = ResolveObject(object, "replace status");
  return Send("replace status", target, "PUT",
              target.mapping.Path(target.ref.ns, target.ref.name, "status"), object.dump());
}

json Client::Create(const json& object, bool dry_run) {
  Target target = ResolveObject(object, "create");
  json body = object;
  if (target.mapping.namespaced) body["metadata"]["namespace"] = target.ref.ns;
  Query query;
  query.AddIf(dry_run, "dryRun", "All");
  return Send("create", target, "POST", target.mapping.Path(target.ref.ns) + query.str(),
              body.dump());
}

json Client::Replace(const json& object, bool dry_run) {
  Target target = ResolveObject(object, "replace");
  Query query;
  query.AddIf(dry_run, "dryRun", "All");
  return Send("replace", target, "PUT",
              target.mapping.Path(target.ref.ns, target.ref.name) + query.str(), object.dump());
}

DeleteResult Client::Delete(const ObjectRef& ref, const DeleteOptions& options) {
  Target target = Resolve(ref);
  json body = {{"kind", "DeleteOptions"}, {"apiVersion", "v1"}};
  if (!options.propagation_policy.empty()) body["propagationPolicy"] = options.propagation_policy;
  if (options.precondition_uid) body["preconditions"]["uid"] = *options.precondition_uid;
  if (options.precondition_resource_version) {
    body["preconditions"]["resourceVersion"] = *options.precondition_resource_version;
  }
  if (options.grace_period_seconds) body["gracePeriodSeconds"] = *options.grace_period_seconds;
  if (options.dry_run) body["dryRun"] = json::array({"All"});
  DeleteResult result;
  try {
    result.response = Send("delete", target, "DELETE",
                           target.mapping.Path(target.ref.ns, target.ref.name), body.dump());
  } catch (const NotFound&) {
    if (!options.ignore_not_found) throw;
    result.found = false;
  }
  return result;
}

ServiceAccountToken Client::CreateToken(const std::string& ns, const std::string& service_account,
                                        const TokenRequestOptions& options) {
  json spec = {{"audiences", options.audiences}, {"expirationSeconds", options.expiration_seconds}};
  if (options.bound_object_ref) spec["boundObjectRef"] = *options.bound_object_ref;
  json body = {
      {"apiVersion", "authentication.k8s.io/v1"}, {"kind", "TokenRequest"}, {"spec", spec}};
  RestMapping sa{{"", "v1"}, "ServiceAccount", "serviceaccounts", true, {}, {"token"}};
  Target target{sa,
                {"v1", "ServiceAccount", ns.empty() ? default_namespace() : ns, service_account}};
  json response = Send("create token", target, "POST",
                       sa.Path(target.ref.ns, service_account, "token"), body.dump());
  ServiceAccountToken token;
  const json status = response.value("status", json::object());
  token.token = status.value("token", "");
  auto expiry = ParseRfc3339(status.value("expirationTimestamp", ""));
  if (token.token.empty() || !expiry) {
    throw ServerError({cluster(), "create token", target.ref.ToString()}, 0, "BadResponse",
                      "the TokenRequest response has no token or expirationTimestamp");
  }
  token.expiration = *expiry;
  return token;
}

HttpResponse Client::Raw(ApiRequest request) { return rest_.Do(std::move(request)); }

}  // namespace meshform::kube
