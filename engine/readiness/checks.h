// The predicates behind the readiness table (readiness_rules.cc), one per kind, plus the
// condition helpers they share. Each takes the live object and never throws on missing fields:
// a field not yet written by a controller means "in progress".
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/readiness/rules.h"

namespace meshform::readiness {

// The condition of `type` in status.conditions, or null.
const nlohmann::json* FindCondition(const nlohmann::json& object, const std::string& type);
// The condition's status ("True", "False", "Unknown"), or "" when absent.
std::string ConditionStatus(const nlohmann::json& object, const std::string& type);

ReadinessResult NamespaceActive(const nlohmann::json& live);
ReadinessResult CrdEstablished(const nlohmann::json& live);
ReadinessResult DeploymentAvailable(const nlohmann::json& live);
// kstatus's StatefulSet rule: generation observed, every wanted replica present and ready, and
// the rollout done (every replica above the partition updated, currentRevision ==
// updateRevision); with updateStrategy OnDelete only the counts decide.
ReadinessResult StatefulSetReady(const nlohmann::json& live);
// kstatus's DaemonSet rule: generation observed, and every node that should run a pod
// (desiredNumberScheduled) runs an updated, available one.
ReadinessResult DaemonSetReady(const nlohmann::json& live);
// A Job is ready when it completed (condition Complete True) and failed when its Failed
// condition is True. Stricter than kstatus (which calls a started Job current), like Helm's
// --wait-for-jobs: what depends on a Job usually needs its result.
ReadinessResult JobComplete(const nlohmann::json& live);
ReadinessResult LoadBalancerAddress(const nlohmann::json& live);
ReadinessResult TokenIssued(const nlohmann::json& live);
// KubeFed's Federated<Kind> objects: the sync controller observed this generation, its
// Propagation condition is True and every cluster of spec.placement.clusters is listed in
// status.clusters without an error status.
ReadinessResult KubefedPropagated(const nlohmann::json& live);
// Karmada's ResourceBinding (work.karmada.io/v1alpha2): the scheduler observed its generation
// (status.schedulerObservedGeneration), condition Scheduled True, every cluster of
// spec.clusters in status.aggregatedStatus applied and Healthy, and condition FullyApplied True.
ReadinessResult KarmadaFullyApplied(const nlohmann::json& live);
ReadinessResult ReadyCondition(const nlohmann::json& live);
ReadinessResult Exists(const nlohmann::json& live);

bool IsLoadBalancerService(const nlohmann::json& object);
bool IsServiceAccountTokenSecret(const nlohmann::json& object);
bool HasReadyCondition(const nlohmann::json& object);

}  // namespace meshform::readiness
