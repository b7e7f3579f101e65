// The "trust" category (see trust.h).
#include "engine/check/trust.h"

#include <map>
#include <optional>

#include "engine/pki/assess.h"
#include "engine/pki/cacerts.h"
#include "engine/pki/inspect.h"
#include "engine/pki/verify.h"
#include "engine/util/base64.h"

namespace meshform::check {

namespace {

using nlohmann::json;

constexpr const char* kCacerts = "istio-system/cacerts";

std::optional<pki::CacertsPems> ReadCacerts(kube::Client& client) {
  auto secret = client.GetIfExists({"v1", "Secret", "istio-system", "cacerts"});
  if (!secret) return std::nullopt;
  std::map<std::string, std::string> data;
  const json encoded = secret->value("data", json::object());
  for (const auto& [key, value] : encoded.items()) {
    if (value.is_string()) data[key] = util::Base64Decode(value.get<std::string>()).value_or("");
  }
  return pki::CacertsFromData(data);
}

bool SameRoot(const std::string& a, const std::string& b) {
  try {
    return pki::Inspect(a, "root-cert.pem").sha256_fingerprint ==
           pki::Inspect(b, "root-cert.pem").sha256_fingerprint;
  } catch (const std::exception&) {
    return false;
  }
}

// The clusters' roots are the topology's: its key matches its certificate, and every cluster's
// cacerts holds it. A generated root whose Secret is gone is a warning: the clusters still trust
// each other, but the next apply generates a new root and reissues every intermediate.
Check TopologyRootCheck(const TopologyRoot& root,
                        const std::map<std::string, pki::CacertsPems>& found) {
  Check check{"trust", "topology-root", "", Result::kPass};
  for (const auto& [cluster, pems] : found)
    check.objects.push_back(cluster + "/v1/Secret/" + kCacerts);
  if (!root.cert_pem || !root.key_pem) {
    check.result = Result::kWarn;
    check.message = "the topology's root is unknown: " + root.source + " is gone";
    check.hint =
        "the next `meshform apply` generates a new root and reissues every cluster's "
        "intermediate (workloads must restart to trust it); to keep the clusters' root, put it "
        "back or name it in ca.root.certFile/keyFile";
    return check;
  }
  if (!pki::KeyMatchesCert(*root.key_pem, *root.cert_pem)) {
    check.result = Result::kFail;
    check.message =
        "the topology's root CA key does not match its certificate (" + root.source + ")";
    check.hint = root.generated
                     ? "restore meshform's root Secret from a backup, or delete it so "
                       "that `meshform apply` generates a new root"
                     : "name the key that belongs to ca.root.certFile in ca.root.keyFile";
    return check;
  }
  for (const auto& [cluster, pems] : found) {
    if (!SameRoot(*root.cert_pem, pems.root_cert))
      check.details.push_back(cluster + " holds another root than " + root.source);
  }
  if (check.details.empty()) {
    check.message = "every cluster's cacerts holds the topology's root (" + root.source + ")";
  } else {
    check.result = Result::kFail;
    check.message = "the clusters' cacerts do not hold the topology's root";
    check.hint =
        "`meshform apply` writes the topology's root to every cluster and reissues "
        "their intermediates (`--force-conflicts` when another manager wrote cacerts)";
  }
  return check;
}

}  // namespace

std::vector<Check> TrustChecks(const kube::ClusterClients& clients,
                               const std::vector<std::string>& clusters,
                               std::chrono::seconds renew_before,
                               std::chrono::system_clock::time_point now,
                               const std::optional<TopologyRoot>& topology_root) {
  std::vector<Check> out;
  std::map<std::string, pki::CacertsPems> found;
  for (const auto& cluster : clusters) {
    try {
      if (auto pems = ReadCacerts(clients.For(cluster))) {
        found[cluster] = std::move(*pems);
        continue;
      }
      Check missing{"trust", "cacerts", cluster, Result::kFail,
                    std::string("no Secret ") + kCacerts};
      missing.objects.push_back(cluster + "/v1/Secret/" + kCacerts);
      missing.hint =
          "run `meshform apply`: istiod would issue workload certificates from a "
          "self-signed root that no other cluster trusts";
      out.push_back(std::move(missing));
    } catch (const std::exception& e) {
      Check failed{"trust", "cacerts", cluster, Result::kFail, e.what()};
      failed.hint = "the context's user must be able to get Secrets in istio-system";
      out.push_back(std::move(failed));
    }
  }
  if (found.empty()) return out;

  // The root the first cluster holds is the mesh's; every other one must hold the same.
  const std::string& root = found.begin()->second.root_cert;
  Check same{"trust", "same-root", "", Result::kPass};
  for (const auto& [cluster, pems] : found) {
    same.objects.push_back(cluster + "/v1/Secret/" + kCacerts);
    if (!SameRoot(root, pems.root_cert)) same.details.push_back(cluster + " holds another root");
  }
  if (same.details.empty()) {
    same.message = "every cluster's cacerts holds the same root (" + std::to_string(found.size()) +
                   " clusters)";
  } else {
    same.result = Result::kFail;
    same.message =
        "the clusters do not share one root: workloads of different clusters will "
        "not trust each other's certificates";
    same.hint = "the root of " + found.begin()->first +
                " is taken as the mesh's; `meshform apply` writes the topology's root everywhere "
                "(`--force-conflicts` when the plan shows another manager wrote cacerts)";
  }
  out.push_back(std::move(same));
  if (topology_root) out.push_back(TopologyRootCheck(*topology_root, found));

  for (const auto& [cluster, pems] : found) {
    Check inter{"trust", "intermediate", cluster};
    inter.objects.push_back(cluster + "/v1/Secret/" + kCacerts);
    try {
      auto decision = pki::AssessIntermediate(pems, root, now, renew_before);
      if (decision.reuse()) {
        inter.message = "the intermediate CA chains to the root: " + decision.reason;
      } else {
        inter.result = Result::kFail;
        inter.message = "the intermediate CA is not usable: " + decision.reason;
        inter.hint = "`meshform apply` issues a new one from the root";
      }
    } catch (const std::exception& e) {
      inter.result = Result::kFail;
      inter.message = std::string("the cacerts Secret cannot be read: ") + e.what();
      inter.hint = "`meshform apply` issues a new intermediate from the root";
    }
    out.push_back(std::move(inter));
  }
  return out;
}

}  // namespace meshform::check
