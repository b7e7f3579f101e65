// Readiness predicates per kind (see readiness_checks.h). Sources of the rules: kstatus
// (cli-utils), `kubectl rollout status` and Helm's ready checker; see notes/kube-api.md §9.
#include "engine/readiness/checks.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "engine/values/lb_address.h"
#include "engine/values/token.h"

namespace meshform::readiness {
namespace {

using nlohmann::json;

const json& Field(const json& object, const char* key) {
  static const json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

int64_t IntField(const json& object, const char* key, int64_t fallback) {
  const json& value = Field(object, key);
  return value.is_number_integer() ? value.get<int64_t>() : fallback;
}

std::string StringField(const json& object, const char* key) {
  const json& value = Field(object, key);
  return value.is_string() ? value.get<std::string>() : "";
}

// "waiting for ..." when status.observedGeneration lags metadata.generation, else "". An
// absent observedGeneration lags only when `required` (kinds whose controller always sets it).
std::string GenerationLag(const json& live, bool required) {
  int64_t generation = IntField(Field(live, "metadata"), "generation", 0);
  int64_t observed = IntField(Field(live, "status"), "observedGeneration", -1);
  if (observed >= generation || (observed < 0 && !required)) return "";
  return "waiting for the controller to observe generation " + std::to_string(generation) +
         (observed < 0 ? "" : " (observed " + std::to_string(observed) + ")");
}

}  // namespace

const json* FindCondition(const json& object, const std::string& type) {
  const json& conditions = Field(Field(object, "status"), "conditions");
  if (!conditions.is_array()) return nullptr;
  for (const json& condition : conditions) {
    if (StringField(condition, "type") == type) return &condition;
  }
  return nullptr;
}

std::string ConditionStatus(const json& object, const std::string& type) {
  const json* condition = FindCondition(object, type);
  return condition ? StringField(*condition, "status") : "";
}

ReadinessResult NamespaceActive(const json& live) {
  std::string phase = StringField(Field(live, "status"), "phase");
  if (phase == "Active") return ReadinessResult::Ready("Active");
  return ReadinessResult::InProgress(phase.empty() ? "no phase yet" : "phase " + phase);
}

ReadinessResult CrdEstablished(const json& live) {
  if (const json* names = FindCondition(live, "NamesAccepted");
      names && StringField(*names, "status") == "False") {
    return ReadinessResult::Failed("names not accepted: " + StringField(*names, "message"));
  }
  const json* established = FindCondition(live, "Established");
  if (established && StringField(*established, "status") == "True") {
    return ReadinessResult::Ready("Established");
  }
  return ReadinessResult::InProgress("not yet Established");
}

ReadinessResult DeploymentAvailable(const json& live) {
  if (std::string lag = GenerationLag(live, true); !lag.empty()) {
    return ReadinessResult::InProgress(lag);
  }
  if (const json* progressing = FindCondition(live, "Progressing");
      progressing && StringField(*progressing, "reason") == "ProgressDeadlineExceeded") {
    return ReadinessResult::Failed("progress deadline exceeded: " +
                                   StringField(*progressing, "message"));
  }
  const json& status = Field(live, "status");
  int64_t wanted = IntField(Field(live, "spec"), "replicas", 1);
  int64_t replicas = IntField(status, "replicas", 0);
  int64_t updated = IntField(status, "updatedReplicas", 0);
  int64_t available = IntField(status, "availableReplicas", 0);
  auto counts = [&](const std::string& what, int64_t have) {
    return std::to_string(have) + " of " + std::to_string(wanted) + " replicas " + what;
  };
  if (updated < wanted) return ReadinessResult::InProgress(counts("updated", updated));
  if (replicas > updated) {
    return ReadinessResult::InProgress(std::to_string(replicas - updated) +
                                       " old replicas pending termination");
  }
  if (available < wanted) return ReadinessResult::InProgress(counts("available", available));
  return ReadinessResult::Ready(counts("available", available));
}

ReadinessResult StatefulSetReady(const json& live) {
  if (std::string lag = GenerationLag(live, true); !lag.empty()) {
    return ReadinessResult::InProgress(lag);
  }
  const json& spec = Field(live, "spec");
  const json& status = Field(live, "status");
  int64_t wanted = IntField(spec, "replicas", 1);
  auto counts = [&](const std::string& what, int64_t have) {
    return std::to_string(have) + " of " + std::to_string(wanted) + " replicas " + what;
  };
  if (int64_t replicas = IntField(status, "replicas", 0); replicas < wanted) {
    return ReadinessResult::InProgress(counts("created", replicas));
  }
  if (int64_t ready = IntField(status, "readyReplicas", 0); ready < wanted) {
    return ReadinessResult::InProgress(counts("ready", ready));
  }
  const json& strategy = Field(spec, "updateStrategy");
  if (StringField(strategy, "type") == "OnDelete") {
    return ReadinessResult::Ready(counts("ready", wanted) + " (updateStrategy OnDelete)");
  }
  int64_t partition = IntField(Field(strategy, "rollingUpdate"), "partition", 0);
  if (partition > 0) {
    int64_t to_update = std::max<int64_t>(wanted - partition, 0);
    if (int64_t updated = IntField(status, "updatedReplicas", 0); updated < to_update) {
      return ReadinessResult::InProgress(std::to_string(updated) + " of " +
                                         std::to_string(to_update) +
                                         " replicas above the partition updated");
    }
    return ReadinessResult::Ready(counts("ready", wanted) + ", partitioned rollout done");
  }
  std::string current = StringField(status, "currentRevision");
  std::string update = StringField(status, "updateRevision");
  if (current != update) {
    return ReadinessResult::InProgress("rolling out revision " + update + " (" +
                                       std::to_string(IntField(status, "updatedReplicas", 0)) +
                                       " of " + std::to_string(wanted) + " updated)");
  }
  return ReadinessResult::Ready(counts("ready", wanted));
}

ReadinessResult DaemonSetReady(const json& live) {
  if (std::string lag = GenerationLag(live, true); !lag.empty()) {
    return ReadinessResult::InProgress(lag);
  }
  const json& status = Field(live, "status");
  if (!Field(status, "desiredNumberScheduled").is_number_integer()) {
    return ReadinessResult::InProgress("no scheduling status yet");
  }
  int64_t desired = IntField(status, "desiredNumberScheduled", 0);
  auto counts = [&](const std::string& what, int64_t have) {
    return std::to_string(have) + " of " + std::to_string(desired) + " nodes' pods " + what;
  };
  if (int64_t updated = IntField(status, "updatedNumberScheduled", 0); updated < desired) {
    return ReadinessResult::InProgress(counts("updated", updated));
  }
  if (int64_t available = IntField(status, "numberAvailable", 0); available < desired) {
    return ReadinessResult::InProgress(counts("available", available));
  }
  return ReadinessResult::Ready(counts("available", desired));
}

ReadinessResult JobComplete(const json& live) {
  const json& status = Field(live, "status");
  if (const json* failed = FindCondition(live, "Failed");
      failed && StringField(*failed, "status") == "True") {
    return ReadinessResult::Failed("failed: " + StringField(*failed, "reason") + " " +
                                   StringField(*failed, "message"));
  }
  std::string counts = std::to_string(IntField(status, "succeeded", 0)) + " succeeded, " +
                       std::to_string(IntField(status, "active", 0)) + " active, " +
                       std::to_string(IntField(status, "failed", 0)) + " failed";
  if (ConditionStatus(live, "Complete") == "True") {
    return ReadinessResult::Ready("complete (" + counts + ")");
  }
  if (StringField(status, "startTime").empty()) return ReadinessResult::InProgress("not started");
  return ReadinessResult::InProgress("running (" + counts + ")");
}

// KubeFed v0.x status (pkg/controller/sync/status): status.observedGeneration,
// conditions[type=Propagation] True when every placed cluster is in sync (reason CheckClusters
// when not), clusters[] {name, status} with status empty when the cluster is in sync.
ReadinessResult KubefedPropagated(const json& live) {
  if (std::string lag = GenerationLag(live, true); !lag.empty()) {
    return ReadinessResult::InProgress(lag);
  }
  std::string problems;
  const json& clusters = Field(Field(live, "status"), "clusters");
  std::vector<std::string> in_sync;
  for (const json& c : clusters.is_array() ? clusters : json::array()) {
    std::string status = StringField(c, "status");
    if (status.empty()) {
      in_sync.push_back(StringField(c, "name"));
    } else {
      problems += (problems.empty() ? "" : ", ") + StringField(c, "name") + ": " + status;
    }
  }
  const json* propagation = FindCondition(live, "Propagation");
  if (propagation == nullptr) return ReadinessResult::InProgress("not yet propagated");
  if (StringField(*propagation, "status") != "True") {
    std::string reason = StringField(*propagation, "reason");
    return ReadinessResult::InProgress("propagation " + (reason.empty() ? "pending" : reason) +
                                       (problems.empty() ? "" : " (" + problems + ")"));
  }
  const json& placed = Field(Field(Field(live, "spec"), "placement"), "clusters");
  for (const json& c : placed.is_array() ? placed : json::array()) {
    std::string name = StringField(c, "name");
    if (std::find(in_sync.begin(), in_sync.end(), name) == in_sync.end()) {
      return ReadinessResult::InProgress("not yet propagated to cluster " + name);
    }
  }
  return ReadinessResult::Ready("propagated to " + std::to_string(in_sync.size()) + " cluster" +
                                (in_sync.size() == 1 ? "" : "s"));
}

ReadinessResult KarmadaFullyApplied(const json& live) {
  int64_t generation = IntField(Field(live, "metadata"), "generation", 0);
  if (IntField(Field(live, "status"), "schedulerObservedGeneration", 0) < generation) {
    return ReadinessResult::InProgress("generation " + std::to_string(generation) +
                                       " not yet scheduled");
  }
  if (ConditionStatus(live, "Scheduled") != "True") {
    return ReadinessResult::InProgress("not yet scheduled");
  }
  const json& items = Field(Field(live, "status"), "aggregatedStatus");
  const json& targets = Field(Field(live, "spec"), "clusters");
  size_t done = 0;
  for (const json& target : targets.is_array() ? targets : json::array()) {
    std::string name = StringField(target, "name"), verdict = "not yet applied";
    for (const json& item : items.is_array() ? items : json::array()) {
      if (StringField(item, "clusterName") != name) continue;
      std::string health = StringField(item, "health");
      if (!Field(item, "applied").is_boolean() || !item["applied"].get<bool>()) {
        std::string message = StringField(item, "appliedMessage");
        verdict = "not applied" + (message.empty() ? "" : ": " + message);
      } else {
        verdict = health == "Healthy" ? "" : "health " + (health.empty() ? "Unknown" : health);
      }
    }
    if (!verdict.empty()) return ReadinessResult::InProgress("cluster " + name + ": " + verdict);
    ++done;
  }
  if (ConditionStatus(live, "FullyApplied") != "True") {
    return ReadinessResult::InProgress("not yet fully applied");
  }
  return ReadinessResult::Ready("propagated to " + std::to_string(done) + " cluster" +
                                (done == 1 ? "" : "s"));
}

ReadinessResult LoadBalancerAddress(const json& live) {
  if (auto fields = values::LbAddressFromService(live)) {
    return ReadinessResult::Ready("load-balancer address " + fields->at("address"));
  }
  return ReadinessResult::InProgress("no load-balancer address yet");
}

ReadinessResult TokenIssued(const json& live) {
  if (values::TokenFromSecret(live)) return ReadinessResult::Ready("token issued");
  return ReadinessResult::InProgress("token not yet issued");
}

ReadinessResult ReadyCondition(const json& live) {
  if (std::string lag = GenerationLag(live, false); !lag.empty()) {
    return ReadinessResult::InProgress(lag);
  }
  const json* ready = FindCondition(live, "Ready");
  std::string status = ready ? StringField(*ready, "status") : "";
  if (status == "True") return ReadinessResult::Ready("Ready");
  std::string why = ready ? StringField(*ready, "message") : "";
  return ReadinessResult::InProgress("Ready is " + (status.empty() ? "absent" : status) +
                                     (why.empty() ? "" : ": " + why));
}

ReadinessResult Exists(const json&) { return ReadinessResult::Ready("exists"); }

bool IsLoadBalancerService(const json& object) {
  return StringField(Field(object, "spec"), "type") == "LoadBalancer";
}

bool IsServiceAccountTokenSecret(const json& object) {
  return StringField(object, "type") == "kubernetes.io/service-account-token";
}

bool HasReadyCondition(const json& object) { return FindCondition(object, "Ready") != nullptr; }

}  // namespace meshform::readiness
