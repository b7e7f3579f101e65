// What the verification categories (control-plane, networks, workloads) share: the desired
// objects of a compiled topology selected by kind, the live object a desired one names, and
// whether a live Deployment is available. Reads only.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/check/report.h"
#include "engine/kube/client.h"
#include "engine/topology/model.h"
#include "resources/resource.h"

namespace meshform::check {

// The desired objects of `desired` of this kind ("" = any) and apiVersion group ("" = any) that
// `keep` accepts, in address order.
std::vector<const resources::Resource*> DesiredObjects(
    const resources::ResourceSet& desired, const std::string& kind, const std::string& group = "",
    const std::function<bool(const resources::Resource&)>& keep = nullptr);

// The live object named by a desired manifest, nothing when it does not exist.
std::optional<nlohmann::json> LiveOf(kube::Client& client, const nlohmann::json& desired);

// Why a live Deployment is not available ("" when it is): Available condition True, the
// controller has seen the latest generation and availableReplicas reaches spec.replicas.
std::string DeploymentUnavailable(const nlohmann::json& deployment);

// A label or annotation of an object's metadata, "" when absent.
std::string MetadataValue(const nlohmann::json& object, const char* field, const std::string& key);

// "kubectl --context <the cluster's context>", for hints.
std::string Kubectl(const topology::Topology& t, const std::string& cluster);

// A failed check of `category`/`name` about `cluster` for an exception raised while reading.
Check ReadFailure(const std::string& category, const std::string& name, const std::string& cluster,
                  const std::string& object, const std::exception& e);

}  // namespace meshform::check
