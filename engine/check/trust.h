// The "trust" category of `meshform check`: the mesh's clusters trust each other only if every
// cluster's istio-system/cacerts holds the same root, and each cluster's intermediate is a CA
// that chains to that root, matches its key, and is neither expired nor within the topology's
// renewBeforeDays. Reads the cacerts Secrets; never prints key material (pki's reasons name
// certificates, not keys).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "engine/check/report.h"
#include "engine/kube/cluster_clients.h"

namespace meshform::check {

std::vector<Check> TrustChecks(const kube::ClusterClients& clients,
                               const std::vector<std::string>& clusters,
                               std::chrono::seconds renew_before,
                               std::chrono::system_clock::time_point now);

}  // namespace meshform::check
