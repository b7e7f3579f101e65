// The "trust" category (see trust.h).
#include "engine/check/trust.h"

#include <map>
#include <optional>

#include "engine/pki/assess.h"
#include "engine/pki/cacerts.h"
#include "engine/pki/inspect.h"
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

}  // namespace

std::vector<Check> TrustChecks(const kube::ClusterClients& clients,
                               const std::vector<std::string>& clusters,
                               std::chrono::seconds renew_before,
                               std::chrono::system_clock::time_point now) {
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
