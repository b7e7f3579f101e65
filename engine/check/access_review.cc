// SelfSubjectAccessReviews and the permission checks (see access_review.h).
#include "engine/check/access_review.h"

#include <map>

#include "engine/util/parallelism.h"

namespace meshform::check {

namespace {

using nlohmann::json;

json ReviewRequest(const Access& a) {
  json attributes = {{"verb", a.verb}, {"group", a.group}, {"resource", a.resource}};
  if (!a.ns.empty()) attributes["namespace"] = a.ns;
  if (!a.name.empty()) attributes["name"] = a.name;
  return {{"apiVersion", "authorization.k8s.io/v1"},
          {"kind", "SelfSubjectAccessReview"},
          {"spec", {{"resourceAttributes", attributes}}}};
}

bool IsEscalation(const Access& a) { return a.verb == "escalate" || a.verb == "bind"; }

std::string Line(const NeededAccess& n, const Review& r) {
  std::string line = n.access.Text() + " — for " + n.why;
  if (n.for_rollback) line += " (to roll it back)";
  if (!r.reason.empty()) line += " [" + r.reason + "]";
  return line;
}

}  // namespace

json SendReview(kube::Client& client, const json& review) {
  kube::ApiRequest request;
  request.method = "POST";
  request.path = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";
  request.body = review.dump();
  request.context.verb = "create";
  request.context.object = "SelfSubjectAccessReview";
  return json::parse(client.Raw(request).body);
}

std::vector<Review> ReviewAccess(const kube::ClusterClients& clients,
                                 const std::vector<NeededAccess>& needed, int parallelism) {
  std::vector<Review> reviews(needed.size());
  ParallelFor(needed.size(), parallelism, [&](size_t i) {
    try {
      json answer =
          SendReview(clients.For(needed[i].access.cluster), ReviewRequest(needed[i].access));
      const json& status = answer.value("status", json::object());
      reviews[i].allowed = status.value("allowed", false);
      reviews[i].reason = status.value("reason", status.value("evaluationError", ""));
    } catch (const std::exception& e) {
      reviews[i].error = e.what();
    }
  });
  return reviews;
}

std::vector<Check> PermissionChecks(const std::vector<std::string>& clusters,
                                    const std::vector<NeededAccess>& needed,
                                    const std::vector<Review>& reviews, const std::string& what) {
  struct PerCluster {
    size_t total = 0;
    std::vector<std::string> missing, escalations, errors;
  };
  std::map<std::string, PerCluster> by_cluster;
  for (size_t i = 0; i < needed.size(); ++i) {
    PerCluster& c = by_cluster[needed[i].access.cluster];
    ++c.total;
    if (!reviews[i].error.empty()) {
      c.errors.push_back(needed[i].access.Text() + ": " + reviews[i].error);
    } else if (!reviews[i].allowed) {
      (IsEscalation(needed[i].access) ? c.escalations : c.missing)
          .push_back(Line(needed[i], reviews[i]));
    }
  }
  std::vector<Check> out;
  for (const auto& cluster : clusters) {
    auto it = by_cluster.find(cluster);
    if (it == by_cluster.end()) continue;
    const PerCluster& c = it->second;
    Check check{"permissions", "granted", cluster};
    check.objects.push_back("authorization.k8s.io/v1/SelfSubjectAccessReview");
    if (!c.errors.empty()) {
      check.result = Result::kFail;
      check.message = "could not review " + std::to_string(c.errors.size()) + " of " +
                      std::to_string(c.total) + " permissions " + what + " needs";
      check.details = c.errors;
      check.hint =
          "the kubeconfig user must be allowed to create SelfSubjectAccessReviews "
          "(every authenticated user is, through system:basic-user)";
    } else if (!c.missing.empty()) {
      check.result = Result::kFail;
      check.message = std::to_string(c.missing.size()) + " of " + std::to_string(c.total) +
                      " permissions " + what + " needs are missing";
      check.details = c.missing;
      check.hint =
          "grant them to this context's user (a Role or ClusterRole and a binding), "
          "or use a context whose user has them";
    } else {
      check.message =
          "all " + std::to_string(c.total) + " permissions " + what + " needs are granted";
    }
    out.push_back(std::move(check));
    if (!c.escalations.empty()) {
      Check warn{"permissions", "escalation", cluster, Result::kWarn};
      warn.message = std::to_string(c.escalations.size()) +
                     " role or binding writes need escalate or bind, which are not granted";
      warn.details = c.escalations;
      warn.hint =
          "the API server accepts them only if this user already holds every permission "
          "they grant; grant `escalate`/`bind` on those roles to be sure";
      out.push_back(std::move(warn));
    }
  }
  return out;
}

}  // namespace meshform::check
