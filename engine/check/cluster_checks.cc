// The "clusters" category (see cluster_checks.h).
#include "engine/check/cluster_checks.h"

#include <cstdio>

#include "engine/check/access_review.h"
#include "engine/kube/errors.h"
#include "engine/util/parallelism.h"

namespace meshform::check {

namespace {

using nlohmann::json;

std::string VersionText(int minor) {
  if (minor < kMinSupportedMinor)
    return "not supported (meshform needs 1." + std::to_string(kMinSupportedMinor) + " or later)";
  if (minor == kTestedMinor) return "supported and tested";
  return "supported; meshform's tests run on 1." + std::to_string(kTestedMinor);
}

// One cluster's checks, in order; `client` stays set only when they all passed.
std::vector<Check> Probe(const kube::ClusterContext& cluster, const std::string& kubeconfig,
                         const kube::ClientOptions& options,
                         std::shared_ptr<kube::Client>& client) {
  std::vector<Check> out;
  Check context{"clusters", "context", cluster.cluster};
  context.objects.push_back("kubeconfig context " + cluster.context);
  try {
    client = kube::Client::ForContext(cluster.context, kubeconfig, options);
    context.message = "context " + cluster.context + " found (" + client->config().server + ")";
  } catch (const std::exception& e) {
    context.result = Result::kFail;
    context.message = e.what();
    context.hint =
        "add the context to the kubeconfig (KUBECONFIG or --kubeconfig), or fix "
        "clusters[].context in the topology";
    out.push_back(std::move(context));
    return out;
  }
  out.push_back(std::move(context));

  Check reachable{"clusters", "reachable", cluster.cluster};
  reachable.objects.push_back(client->config().server + "/version");
  std::optional<int> minor;
  try {
    kube::ApiRequest request;
    request.path = "/version";
    request.context.verb = "get version";
    json version = json::parse(client->Raw(request).body);
    std::string git = version.value("gitVersion", "");
    minor = MinorVersion(git);
    reachable.message = "the API server answers: Kubernetes " + git + ", " +
                        (minor ? VersionText(*minor) : "a version meshform cannot read");
    if (!minor || *minor < kMinSupportedMinor) {
      reachable.result = Result::kFail;
      reachable.hint =
          "upgrade the cluster to Kubernetes 1." + std::to_string(kMinSupportedMinor) + " or later";
    }
  } catch (const std::exception& e) {
    reachable.result = Result::kFail;
    reachable.message = e.what();
    reachable.hint = "check that the API server at " + client->config().server +
                     " runs and is reachable from here (address, port, proxy, TLS)";
  }
  bool answered = reachable.result == Result::kPass;
  out.push_back(std::move(reachable));
  if (!answered) {
    client.reset();
    return out;
  }

  Check auth{"clusters", "authenticated", cluster.cluster};
  auth.objects.push_back("authorization.k8s.io/v1/SelfSubjectAccessReview");
  try {
    SendReview(*client,
               {{"apiVersion", "authorization.k8s.io/v1"},
                {"kind", "SelfSubjectAccessReview"},
                {"spec", {{"resourceAttributes", {{"verb", "get"}, {"resource", "namespaces"}}}}}});
    auth.message = "the context's user is authenticated";
  } catch (const kube::Unauthorized& e) {
    auth.result = Result::kFail;
    auth.message =
        std::string("the API server does not accept the context's credentials: ") + e.what();
    auth.hint = "renew the token or client certificate of the context's user";
  } catch (const std::exception& e) {
    auth.result = Result::kFail;
    auth.message = e.what();
    auth.hint = "the user must be able to create SelfSubjectAccessReviews (system:basic-user)";
  }
  if (auth.result != Result::kPass) client.reset();
  out.push_back(std::move(auth));
  return out;
}

}  // namespace

std::optional<int> MinorVersion(const std::string& git_version) {
  int major = 0, minor = 0;
  if (std::sscanf(git_version.c_str(), "v%d.%d", &major, &minor) != 2 || major != 1) {
    return std::nullopt;
  }
  return minor;
}

ClusterProbes ProbeClusters(const std::vector<kube::ClusterContext>& clusters,
                            const std::string& kubeconfig, const kube::ClientOptions& options,
                            int parallelism) {
  std::vector<std::vector<Check>> checks(clusters.size());
  std::vector<std::shared_ptr<kube::Client>> clients(clusters.size());
  ParallelFor(clusters.size(), parallelism,
              [&](size_t i) { checks[i] = Probe(clusters[i], kubeconfig, options, clients[i]); });
  ClusterProbes out;
  for (size_t i = 0; i < clusters.size(); ++i) {
    for (auto& c : checks[i]) out.checks.push_back(std::move(c));
    if (clients[i]) out.reachable[clusters[i].cluster] = clients[i];
  }
  return out;
}

}  // namespace meshform::check
