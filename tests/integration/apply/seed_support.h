// Helpers for the seed tests: planning the seed example through the CLI's pipeline, running
// plans for real, checking that each desired object is present and right, and running the
// meshform binary as a child process.
#pragma once

#include <string>
#include <vector>

#include "engine/apply/result.h"
#include "engine/cli/plan_pipeline.h"

namespace meshform::apply::testing {

// examples/seed-two-networks/topology.yaml in the source tree.
std::string SeedTopology();

// Plans `file` against the test clusters; fails the test (fatally) when no plan can be made.
cli::Planned PlanOrDie(const std::string& file, const std::string& kubeconfig, plan::Mode mode);

// Problems with object `desired` (placeholders substituted from `values`) in the live cluster:
// missing, or a field of `desired` with another value live. Empty when present and right.
std::vector<std::string> CheckObject(kube::Client& client, const plan::Change& change,
                                     const values::ValueStore& values);

// Runs the meshform binary with `args`; returns its exit status, its output in `output`.
int RunMeshform(const std::vector<std::string>& args, std::string* output);

// Starts the meshform binary; returns its pid; its stdout goes to `output_path`.
int StartMeshform(const std::vector<std::string>& args, const std::string& output_path);

// The meshform binary built beside the tests.
std::string MeshformBinary();

}  // namespace meshform::apply::testing
