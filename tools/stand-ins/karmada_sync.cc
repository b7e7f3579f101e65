// The Karmada stand-in (see karmada_sync.h).
#include "tools/stand-ins/karmada_sync.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "tools/stand-ins/json_fields.h"
#include "tools/stand-ins/kubefed_objects.h"
#include "tools/stand-ins/pod_status.h"

namespace meshform::standins {
namespace {

using nlohmann::json;

constexpr const char* kPolicyApiVersion = "policy.karmada.io/v1alpha1";

kube::ObjectRef RefOf(const json& object) {
  const json& metadata = object.at("metadata");
  return {object.value("apiVersion", ""), object.value("kind", ""), metadata.value("namespace", ""),
          metadata.value("name", "")};
}

std::string KeyOf(const json& object) { return object.value("kind", "") + " " + NameOf(object); }

bool IsManagedByKarmada(const json& live) {
  return StringField(Field(Field(live, "metadata"), "labels"), kKarmadaManagedLabel) == "true";
}

// The policies (in name order) of `tmpl`'s namespace that select it.
std::vector<json> Selecting(const std::vector<json>& policies, const json& tmpl) {
  std::vector<json> out;
  for (const json& p : policies) {
    if (StringField(Field(p, "metadata"), "namespace") ==
            StringField(Field(tmpl, "metadata"), "namespace") &&
        SelectsTemplate(p, tmpl))
      out.push_back(p);
  }
  std::sort(out.begin(), out.end(), [](const json& a, const json& b) {
    return StringField(a["metadata"], "name") < StringField(b["metadata"], "name");
  });
  return out;
}

}  // namespace

KarmadaSync::KarmadaSync(std::vector<kube::Client*> clusters) : clusters_(std::move(clusters)) {}

int KarmadaSync::Sync() {
  writes_ = 0;
  ++passes_;
  lists_.NextPass();
  for (kube::Client* host : clusters_) {
    auto policies = lists_.List(*host, kPolicyApiVersion, "PropagationPolicy");
    if (!policies) continue;  // not a Karmada control plane (yet)
    auto overrides = lists_.List(*host, kPolicyApiVersion, "OverridePolicy");
    std::vector<Member> members = Members(*host);
    for (auto& [key, tmpl] : Templates(*host, *policies)) {
      try {  // one template's failure must not keep the others (or their deletion) waiting
        SyncTemplate(*host, std::move(tmpl), *policies,
                     overrides ? *overrides : std::vector<json>(), members);
      } catch (const kube::ApiError& error) {
        spdlog::debug("{}: karmada {}: {}", host->cluster(), key, error.what());
      }
    }
  }
  return writes_;
}

std::vector<KarmadaSync::Member> KarmadaSync::Members(kube::Client& host) {
  std::vector<Member> members;
  auto clusters = lists_.List(host, "cluster.karmada.io/v1alpha1", "Cluster");
  for (json& cluster : clusters ? *clusters : std::vector<json>()) {
    std::string name = StringField(Field(cluster, "metadata"), "name");
    kube::Client* client =
        ClusterFor(clusters_, StringField(Field(cluster, "spec"), "apiEndpoint"), name);
    if (client == nullptr) continue;  // a cluster these stand-ins cannot reach: not synced
    members.push_back({name, client});
    json condition = {{"reason", "ClusterReady"},
                      {"message", "cluster is healthy and ready to accept workloads"}};
    MarkClusterReady(host, std::move(cluster), std::move(condition));
  }
  return members;
}

std::map<std::string, json> KarmadaSync::Templates(kube::Client& host,
                                                   const std::vector<json>& policies) {
  std::map<std::string, json> found;
  for (const TemplateKind& kind : TemplateKinds()) {
    auto claimed = lists_.List(host, kind.api_version, kind.kind, kPolicyNameLabel);
    for (json& t : claimed ? *claimed : std::vector<json>()) {
      t["apiVersion"] = kind.api_version;  // LIST items may lack them
      t["kind"] = kind.kind;
      std::string key = KeyOf(t);  // before the move: json's operator= takes its argument by
      found[key] = std::move(t);   // value, and C++17 evaluates the right side first
    }
  }
  for (const json& p : policies) {
    const json& selectors = Field(Field(p, "spec"), "resourceSelectors");
    for (const json& s : selectors.is_array() ? selectors : json::array()) {
      std::string ns = StringField(s, "namespace");
      if (ns.empty()) ns = StringField(Field(p, "metadata"), "namespace");
      kube::ObjectRef ref{StringField(s, "apiVersion"), StringField(s, "kind"), ns,
                          StringField(s, "name")};
      if (ref.name.empty()) continue;  // label selectors: not modelled (README.md)
      if (found.count(ref.kind + " " + ns + "/" + ref.name) != 0) continue;
      if (auto t = host.GetIfExists(ref)) {
        std::string key = KeyOf(*t);
        found[key] = std::move(*t);
      }
    }
  }
  return found;
}

void KarmadaSync::SyncTemplate(kube::Client& host, json tmpl, const std::vector<json>& policies,
                               const std::vector<json>& overrides,
                               const std::vector<Member>& members) {
  if (Deleting(tmpl)) {
    Finalize(host, std::move(tmpl), members);
    return;
  }
  std::vector<json> selecting = Selecting(policies, tmpl);
  if (selecting.empty()) return;  // its policy is gone: left as it is
  const json& policy = selecting.front();
  if (!Claim(host, tmpl, policy)) return;
  std::vector<std::string> names;
  for (const Member& m : members) names.push_back(m.name);
  std::vector<std::string> placed = PlacedClusters(policy, names);
  std::vector<json> applying = Selecting(overrides, tmpl);
  std::string uid = StringField(tmpl["metadata"], "uid");
  std::string signature = StringField(tmpl["metadata"], "resourceVersion") + " " +
                          StringField(policy["metadata"], "resourceVersion");
  for (const json& op : applying) signature += " " + StringField(op["metadata"], "resourceVersion");
  if (RecentlyInSync(uid, signature)) return;
  std::map<std::string, ClusterResult> results;
  for (const Member& m : members) {
    if (std::find(placed.begin(), placed.end(), m.name) == placed.end()) {
      Remove(host, m, tmpl);
      continue;
    }
    try {
      results[m.name] = Ensure(host, m, tmpl, MemberObject(tmpl, policy, applying, m.name));
    } catch (const std::runtime_error& error) {
      results[m.name] = {false, error.what(), "Unknown"};
    }
  }
  WriteBinding(host, tmpl, policy, placed, results);
  bool in_sync = std::all_of(results.begin(), results.end(), [](const auto& r) {
    return r.second.applied && r.second.health == "Healthy";
  });
  if (in_sync) checked_[uid] = {signature, passes_};
}

bool KarmadaSync::RecentlyInSync(const std::string& uid, const std::string& signature) const {
  auto it = checked_.find(uid);
  return it != checked_.end() && it->second.first == signature && passes_ - it->second.second < 10;
}

bool KarmadaSync::Claim(kube::Client& host, json& tmpl, const json& policy) {
  const json& metadata = Field(policy, "metadata");
  json labels = Field(tmpl["metadata"], "labels");
  bool claimed = StringField(labels, kPolicyNameLabel) == StringField(metadata, "name") &&
                 StringField(labels, kPolicyNamespaceLabel) == StringField(metadata, "namespace");
  if (claimed && HasFinalizer(tmpl, kKarmadaFinalizer)) return true;
  tmpl["metadata"]["labels"][kPolicyNameLabel] = StringField(metadata, "name");
  tmpl["metadata"]["labels"][kPolicyNamespaceLabel] = StringField(metadata, "namespace");
  if (!HasFinalizer(tmpl, kKarmadaFinalizer))
    tmpl["metadata"]["finalizers"].push_back(kKarmadaFinalizer);
  try {
    tmpl = host.Replace(tmpl);
    return true;
  } catch (const kube::Conflict&) {  // changed since read: the next pass claims it
    return false;
  } catch (const kube::NotFound&) {
    return false;
  }
}

ClusterResult KarmadaSync::Ensure(kube::Client& host, const Member& member, const json& tmpl,
                                  const json& desired) {
  if (member.client == &host) return {true, "", Health(tmpl)};  // the template itself
  kube::Client& client = *member.client;
  std::string what = KeyOf(desired);
  std::optional<json> live;
  try {
    live = client.GetIfExists(RefOf(desired));
    if (!live) {
      client.Create(desired);
      ++writes_;
      spdlog::info("{}: karmada created {}", client.cluster(), what);
      return {true, "", "Unknown"};
    }
    if (Deleting(*live)) return {false, "being deleted", "Unknown"};
    if (!IsManagedByKarmada(*live)) {
      return {false, "an object not managed by Karmada exists (conflictResolution Abort)",
              Health(*live)};
    }
    if (Holds(*live, desired)) return {true, "", Health(*live)};
    json update = desired;
    RetainClusterFields(update, *live);
    client.Replace(update);
    ++writes_;
    spdlog::info("{}: karmada updated {}", client.cluster(), what);
    return {true, "", "Unknown"};
  } catch (const kube::ApiError& error) {
    return {false, error.what(), "Unknown"};
  }
}

bool KarmadaSync::Remove(kube::Client& host, const Member& member, const json& tmpl) {
  if (member.client == &host) return true;  // the template itself
  return DeleteManaged(*member.client, RefOf(tmpl), IsManagedByKarmada, "karmada", writes_);
}

void KarmadaSync::WriteBinding(kube::Client& host, const json& tmpl, const json& policy,
                               const std::vector<std::string>& placed,
                               const std::map<std::string, ClusterResult>& results) {
  json desired = BindingObject(tmpl, policy, placed);
  std::optional<json> binding = host.GetIfExists(RefOf(desired));
  if (!binding) {
    binding = host.Create(desired);
  } else if (!Holds(*binding, desired)) {
    desired["metadata"]["resourceVersion"] = (*binding)["metadata"]["resourceVersion"];
    binding = host.Replace(desired);
  }
  json status = BindingStatus(*binding, results, NowRfc3339());
  if (binding->contains("status") && SameStatus((*binding)["status"], status)) return;
  (*binding)["status"] = status;
  try {
    host.ReplaceStatus(*binding);
  } catch (const kube::Conflict&) {  // changed since: the next pass writes it
  }
}

void KarmadaSync::Finalize(kube::Client& host, json tmpl, const std::vector<Member>& members) {
  if (!HasFinalizer(tmpl, kKarmadaFinalizer)) return;
  bool all_gone = true;
  for (const Member& m : members) all_gone = Remove(host, m, tmpl) && all_gone;
  if (!all_gone) return;
  kube::ObjectRef binding{"work.karmada.io/v1alpha2", "ResourceBinding",
                          StringField(tmpl["metadata"], "namespace"), BindingName(tmpl)};
  try {
    kube::DeleteOptions options;
    options.ignore_not_found = true;
    host.Delete(binding, options);
  } catch (const kube::ApiError& error) {  // its CRD may be gone already
    spdlog::debug("{}: karmada deleting {}: {}", host.cluster(), binding.ToString(), error.what());
  }
  RemoveFinalizer(tmpl, kKarmadaFinalizer);
  try {
    host.Replace(tmpl);
    spdlog::info("{}: karmada removed its finalizer from {}", host.cluster(), KeyOf(tmpl));
  } catch (const kube::Conflict&) {
  } catch (const kube::NotFound&) {
  }
}

}  // namespace meshform::standins
