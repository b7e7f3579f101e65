// Plans for the view tests, made in memory: every action, sensitive Secrets (the CA's and a
// remote secret), a placeholder, a conflict, both kinds of drift, a generated value.
#pragma once

#include <string>
#include <vector>

#include "engine/plan/plan.h"

namespace meshform::testing {

// Secret values that the sample plan's live and desired Secrets hold; none may ever be shown.
const std::vector<std::string>& SampleSecrets();

plan::Plan SamplePlan();

// `n` ConfigMaps in each of `clusters` to create, each with `fields` changed fields (updates when
// fields > 0): for splitting into parts.
plan::Plan BigPlan(const std::vector<std::string>& clusters, int n, int fields);

}  // namespace meshform::testing
