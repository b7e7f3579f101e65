// What integration tests know about the real local clusters that tools/local-clusters started.
//
// tools/test (and so .ci/run) starts the clusters and exports:
//   KUBECONFIG                  the kubeconfig with one context per cluster
//   MESHFORM_TEST_CONTEXTS      the context names, space separated (e.g. "beijing shanghai
//   guangzhou")
// An integration test run without them fails: it never skips.
#pragma once

#include <string>
#include <vector>

namespace meshform::testing {

// The kubeconfig path; fails the current test (fatally) when KUBECONFIG is unset.
std::string TestKubeconfig();

// The contexts of the running local clusters; at least `min_count` of them, else a fatal failure.
std::vector<std::string> TestContexts(size_t min_count = 1);

// A name unique to this process and call, for objects a test creates (DNS-1123 safe).
std::string UniqueName(const std::string& prefix);

}  // namespace meshform::testing
