// The "control-plane" category (see control_plane.h).
#include "engine/check/control_plane.h"

#include <memory>
#include <set>

#include "engine/check/access_review.h"
#include "engine/check/live.h"
#include "engine/check/pilot_address.h"
#include "engine/kube/errors.h"
#include "engine/util/base64.h"
#include "engine/util/parallelism.h"

namespace meshform::check {

namespace {

using nlohmann::json;
using resources::Resource;

constexpr const char* kCategory = "control-plane";
constexpr const char* kMultiClusterLabel = "istio/multiCluster";
constexpr const char* kClusterAnnotation = "networking.istio.io/cluster";

bool IsIstiod(const Resource& r) {
  return r.object_namespace() == "istio-system" && r.object_name().rfind("istiod", 0) == 0;
}

Check IstiodCheck(kube::Client& client, const topology::Topology& t, const Resource& r) {
  Check c{kCategory, "istiod", r.cluster};
  c.objects.push_back(r.address);
  auto live = LiveOf(client, r.object);
  std::string deploy = r.object_namespace() + "/" + r.object_name();
  if (!live) {
    c.result = Result::kFail;
    c.message = "no Deployment " + deploy + " in " + r.cluster;
    c.hint =
        "`meshform apply` creates it; without istiod no cluster of the mesh gets configuration";
    return c;
  }
  std::string why = DeploymentUnavailable(*live);
  if (why.empty()) {
    c.message = "istiod " + deploy + " is available in " + r.cluster;
    return c;
  }
  c.result = Result::kFail;
  c.message = "istiod " + deploy + " in " + r.cluster + " is not available: " + why;
  c.hint = "`" + Kubectl(t, r.cluster) + " -n " + r.object_namespace() + " rollout status deploy/" +
           r.object_name() + "`; `meshform apply` restores the replicas";
  return c;
}

std::set<std::string> WebhookNames(const json& config) {
  std::set<std::string> names;
  for (const auto& w : config.value("webhooks", json::array())) names.insert(w.value("name", ""));
  return names;
}

Check WebhookCheck(kube::Client& client, const Resource& r) {
  Check c{kCategory, "injection-webhook", r.cluster};
  c.objects.push_back(r.address);
  auto live = LiveOf(client, r.object);
  if (live && WebhookNames(*live) == WebhookNames(r.object)) {
    c.message =
        "the sidecar injection webhook " + r.object_name() + " is configured in " + r.cluster;
    return c;
  }
  c.result = Result::kFail;
  c.message = live ? "the MutatingWebhookConfiguration " + r.object_name() + " in " + r.cluster +
                         " lacks webhooks the topology expects"
                   : "no MutatingWebhookConfiguration " + r.object_name() + " in " + r.cluster;
  c.hint = "`meshform apply` restores it; until then new pods get no sidecar";
  return c;
}

// The cluster a remote secret lets istiod read (its annotation, else its one stringData key).
std::string ReadCluster(const json& desired) {
  std::string cluster = MetadataValue(desired, "annotations", kClusterAnnotation);
  if (cluster.empty() && desired.contains("stringData") && !desired["stringData"].empty())
    cluster = desired["stringData"].begin().key();
  return cluster;
}

// Only inline credentials: a kubeconfig read from a cluster must not run a command or read a
// file of the machine meshform runs on (istiod refuses them too).
std::string UnsafeKubeconfig(const kube::Kubeconfig& kubeconfig) {
  for (const auto& [name, user] : kubeconfig.users()) {
    if (user.exec || !user.auth_provider.empty()) return "its user runs a command";
    if (!user.token_file.empty() || !user.client_certificate.empty() || !user.client_key.empty())
      return "its user reads files";
  }
  for (const auto& [name, cluster] : kubeconfig.clusters()) {
    if (!cluster.certificate_authority.empty()) return "its cluster reads a CA file";
  }
  return "";
}

json ReaderReview(const ReaderNeed& need) {
  return {{"apiVersion", "authorization.k8s.io/v1"},
          {"kind", "SelfSubjectAccessReview"},
          {"spec",
           {{"resourceAttributes",
             {{"verb", need.verb}, {"group", need.group}, {"resource", need.resource}}}}}};
}

std::string NeedText(const ReaderNeed& n) {
  return n.verb + " " + (n.group.empty() ? "" : n.group + "/") + n.resource;
}

// Reviews ReaderNeeds() with `client` (the remote secret's own credentials) into `c`.
void ReviewReader(kube::Client& client, Check& c) {
  const auto& needs = ReaderNeeds();
  std::vector<std::string> denied(needs.size()), errors(needs.size());
  ParallelFor(needs.size(), 8, [&](size_t i) {
    try {
      json answer = SendReview(client, ReaderReview(needs[i]));
      if (!answer.value("status", json::object()).value("allowed", false))
        denied[i] = NeedText(needs[i]);
    } catch (const kube::Unauthorized&) {
      errors[i] = "unauthorized";
    } catch (const std::exception& e) {
      errors[i] = NeedText(needs[i]) + ": " + e.what();
    }
  });
  for (size_t i = 0; i < needs.size(); ++i) {
    if (!errors[i].empty() && c.message.empty() && errors[i] == "unauthorized")
      c.message = "its credentials are refused (401 Unauthorized)";
    if (!errors[i].empty() && errors[i] != "unauthorized") c.details.push_back(errors[i]);
    if (!denied[i].empty()) c.details.push_back(denied[i]);
  }
  if (c.message.empty() && !c.details.empty())
    c.message = std::to_string(c.details.size()) + " of " + std::to_string(needs.size()) +
                " permissions istiod needs are refused to its credentials";
}

void CheckRemoteAccess(const json& live, const std::string& key, const kube::ClientOptions& options,
                       Check& c) {
  const json data = live.value("data", json::object());
  auto encoded = data.find(key);
  std::optional<std::string> text;
  if (encoded != data.end() && encoded->is_string())
    text = util::Base64Decode(encoded->get<std::string>());
  if (!text || text->empty()) {
    c.message = "it holds no kubeconfig under the key " + key;
    return;
  }
  kube::Kubeconfig kubeconfig;
  try {
    kubeconfig = kube::Kubeconfig::Parse(*text, "");
  } catch (const std::exception&) {
    c.message = "its kubeconfig cannot be read";  // the text is never printed
    return;
  }
  if (std::string unsafe = UnsafeKubeconfig(kubeconfig); !unsafe.empty()) {
    c.message = "its kubeconfig is not used: " + unsafe;
    return;
  }
  try {
    kube::Client client(kubeconfig.Resolve(kube::KubeconfigOverrides{}), options);
    ReviewReader(client, c);
  } catch (const std::exception&) {
    c.message = "its kubeconfig cannot be used to reach " + key;
  }
}

Check RemoteSecretCheck(kube::Client& primary, const Resource& r,
                        const kube::ClientOptions& options) {
  const std::string remote = ReadCluster(r.object);
  Check c{kCategory, "remote-secret", r.cluster};
  c.objects.push_back(r.address);
  std::string name = r.object_namespace() + "/" + r.object_name();
  auto live = LiveOf(primary, r.object);
  if (!live) {
    c.result = Result::kFail;
    c.message = "no remote secret " + name + " in " + r.cluster +
                ": istiod there cannot discover " + remote;
    c.hint = "`meshform apply` creates it (as `istioctl create-remote-secret` would)";
    return c;
  }
  if (MetadataValue(*live, "labels", kMultiClusterLabel) != "true" ||
      MetadataValue(*live, "annotations", kClusterAnnotation) != remote) {
    c.result = Result::kFail;
    c.message = "the remote secret " + name + " in " + r.cluster + " lacks the label " +
                kMultiClusterLabel + "=true or the annotation " + kClusterAnnotation + "=" +
                remote + ": istiod ignores it";
    c.hint = "`meshform apply` restores its label and annotation";
    return c;
  }
  c.cluster = remote;
  c.message = "";
  CheckRemoteAccess(*live, remote, options, c);
  if (c.message.empty()) {
    c.message = "the remote secret " + name + " in " + r.cluster + " authenticates against " +
                remote + " and may read what istiod needs (" +
                std::to_string(ReaderNeeds().size()) + " permissions reviewed)";
    return c;
  }
  c.result = Result::kFail;
  c.message = "the remote secret " + name + " in " + r.cluster + ", used against " + remote + ": " +
              c.message;
  c.hint =
      "`meshform apply` restores the istio-reader-service-account, its ClusterRole, "
      "ClusterRoleBinding and token in " +
      remote + ", and the remote secret";
  return c;
}

}  // namespace

const std::vector<ReaderNeed>& ReaderNeeds() {
  static const std::vector<ReaderNeed> needs = [] {
    std::vector<ReaderNeed> out;
    const std::vector<std::pair<std::string, std::string>> read = {
        {"", "pods"},
        {"", "services"},
        {"", "endpoints"},
        {"", "namespaces"},
        {"", "nodes"},
        {"", "secrets"},
        {"", "configmaps"},
        {"discovery.k8s.io", "endpointslices"},
        {"networking.istio.io", "workloadentries"}};
    for (const auto& [group, resource] : read)
      for (const char* verb : {"get", "list", "watch"}) out.push_back({verb, group, resource});
    return out;
  }();
  return needs;
}

std::vector<Check> ControlPlaneChecks(const kube::ClusterClients& clients,
                                      const topology::Topology& t,
                                      const resources::ResourceSet& desired,
                                      const kube::ClientOptions& remote_options) {
  std::vector<Check> out;
  auto run = [&](const char* name, const Resource* r, auto&& check) {
    try {
      out.push_back(check(clients.For(r->cluster)));
    } catch (const std::exception& e) {
      out.push_back(ReadFailure(kCategory, name, r->cluster, r->address, e));
    }
  };
  for (const Resource* r : DesiredObjects(desired, "Deployment", "apps", IsIstiod))
    run("istiod", r, [&](kube::Client& c) { return IstiodCheck(c, t, *r); });
  for (const Resource* r :
       DesiredObjects(desired, "MutatingWebhookConfiguration", "admissionregistration.k8s.io"))
    run("injection-webhook", r, [&](kube::Client& c) { return WebhookCheck(c, *r); });
  auto is_remote_secret = [](const Resource& r) {
    return MetadataValue(r.object, "labels", kMultiClusterLabel) == "true";
  };
  for (const Resource* r : DesiredObjects(desired, "Secret", "", is_remote_secret))
    run("remote-secret", r,
        [&](kube::Client& c) { return RemoteSecretCheck(c, *r, remote_options); });
  for (auto& c : PilotAddressChecks(clients, desired)) out.push_back(std::move(c));
  return out;
}

}  // namespace meshform::check
