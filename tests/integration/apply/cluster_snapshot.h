// What a test compares to prove "every cluster is exactly as before": every object of the
// kinds an apply touches, in every namespace, without what the server alone sets (uid,
// resourceVersion, timestamps, managedFields, generation).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "engine/kube/client.h"

namespace meshform::apply::testing {

using Kinds = std::vector<std::pair<std::string, std::string>>;  // apiVersion, kind

// Namespaces, ConfigMaps, Secrets, ServiceAccounts, Services, Deployments, CRDs, RBAC.
Kinds CommonKinds();

// "apiVersion/Kind/[ns/]name" -> normalized object. Kinds the server does not know count as
// empty.
using Snapshot = std::map<std::string, nlohmann::json>;
Snapshot TakeSnapshot(kube::Client& client, const Kinds& kinds);

// Lines describing every difference (empty when equal).
std::vector<std::string> Differences(const Snapshot& before, const Snapshot& after);

nlohmann::json Normalize(nlohmann::json object);

// The steps a rollback-at-step-k test fails at: 1, 1 + stride, 1 + 2 * stride, ... and always
// the last. Failing at every step of a from-nothing apply costs O(steps²) writes on real
// servers; an odd stride still fails first, last, spread over the order and at both parities
// (the executor test alternates its parallelism by parity).
std::vector<int> SampledSteps(int steps, int stride);

}  // namespace meshform::apply::testing
