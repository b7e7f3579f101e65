// The readiness table: which rule decides when an object of a kind is ready. Add a kind by
// adding a row (and its predicate in readiness_checks.cc); nothing else changes.
#include "engine/readiness/rules.h"

#include <cctype>

#include "engine/kube/resource.h"
#include "engine/readiness/checks.h"

namespace meshform::readiness {
namespace {

using nlohmann::json;

bool Matches(const ReadinessRule& rule, const json& object) {
  return rule.kind == object.value("kind", "") &&
         rule.group == kube::GroupOf(object.value("apiVersion", "")) &&
         (!rule.applies || rule.applies(object));
}

const ReadinessRule& GenericReadyRule() {
  static const ReadinessRule rule{"", "", nullptr, "Ready condition", ReadyCondition};
  return rule;
}

const ReadinessRule& ExistsRule() {
  static const ReadinessRule rule{"", "", nullptr, "exists", Exists};
  return rule;
}

}  // namespace

ReadinessResult ReadinessResult::Ready(std::string message) {
  return {Readiness::kReady, std::move(message)};
}
ReadinessResult ReadinessResult::InProgress(std::string message) {
  return {Readiness::kInProgress, std::move(message)};
}
ReadinessResult ReadinessResult::Failed(std::string message) {
  return {Readiness::kFailed, std::move(message)};
}

const std::vector<ReadinessRule>& ReadinessRules() {
  static const std::vector<ReadinessRule> rules = {
      {"", "Namespace", nullptr, "Namespace Active", NamespaceActive},
      {"apiextensions.k8s.io", "CustomResourceDefinition", nullptr, "CRD Established",
       CrdEstablished},
      {"apps", "Deployment", nullptr, "Deployment available", DeploymentAvailable},
      {"apps", "StatefulSet", nullptr, "StatefulSet ready", StatefulSetReady},
      {"apps", "DaemonSet", nullptr, "DaemonSet available", DaemonSetReady},
      {"batch", "Job", nullptr, "Job complete", JobComplete},
      {"", "Service", IsLoadBalancerService, "Service load-balancer address", LoadBalancerAddress},
      {"", "Secret", IsServiceAccountTokenSecret, "service-account token issued", TokenIssued},
      // KubeFed's federated types (the ones meshform writes, and Service): propagated to every
      // placed member cluster by the sync controller.
      {"types.kubefed.io", "FederatedNamespace", nullptr, "KubeFed propagated", KubefedPropagated},
      {"types.kubefed.io", "FederatedDeployment", nullptr, "KubeFed propagated", KubefedPropagated},
      {"types.kubefed.io", "FederatedService", nullptr, "KubeFed propagated", KubefedPropagated},
      // Karmada: a template's ResourceBinding, which a PropagationPolicy's wait observes
      // (ReadinessSubject).
      {"work.karmada.io", "ResourceBinding", nullptr, "Karmada propagated", KarmadaFullyApplied},
      // Kinds that are ready as soon as they exist, even if a Ready condition shows up.
      {"", "ConfigMap", nullptr, "exists", Exists},
      {"", "Secret", nullptr, "exists", Exists},
      {"", "Service", nullptr, "exists", Exists},
  };
  return rules;
}

const ReadinessRule* TableRuleFor(const json& object) {
  for (const ReadinessRule& rule : ReadinessRules()) {
    if (Matches(rule, object)) return &rule;
  }
  return nullptr;
}

const ReadinessRule& RuleFor(const json& object) {
  if (const ReadinessRule* rule = TableRuleFor(object)) return *rule;
  if (HasReadyCondition(object)) return GenericReadyRule();
  return ExistsRule();
}

json ReadinessSubject(const json& object) {
  if (object.value("kind", "") != "PropagationPolicy" ||
      kube::GroupOf(object.value("apiVersion", "")) != "policy.karmada.io") {
    return object;
  }
  const json spec = object.value("spec", json::object());
  const json selectors = spec.value("resourceSelectors", json::array());
  if (!selectors.is_array() || selectors.empty() || !selectors[0].is_object()) return object;
  std::string name = selectors[0].value("name", "");
  if (name.empty()) return object;  // a label selector: no one binding to wait for
  std::string binding = name + "-" + selectors[0].value("kind", "");
  for (auto& ch : binding) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  const json metadata = object.value("metadata", json::object());
  return {{"apiVersion", "work.karmada.io/v1alpha2"},
          {"kind", "ResourceBinding"},
          {"metadata", {{"name", binding}, {"namespace", metadata.value("namespace", "")}}}};
}

bool ReadyOnceExists(const json& object) {
  const ReadinessRule* rule = TableRuleFor(object);
  return rule != nullptr && rule->name == "exists";
}

}  // namespace meshform::readiness
