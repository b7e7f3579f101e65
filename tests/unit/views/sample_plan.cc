#include "tests/unit/views/sample_plan.h"

#include "resources/placeholder.h"

namespace meshform::testing {
namespace {

using nlohmann::json;
using plan::Action;
using plan::Change;
using ssa::FieldChange;
using ssa::PathElement;

ssa::Path P(const std::vector<std::string>& fields) {
  ssa::Path p;
  for (const auto& f : fields) p.push_back(PathElement::Field(f));
  return p;
}

Change Object(const std::string& cluster, const std::string& api_version, const std::string& kind,
              const std::string& ns, const std::string& name, Action action) {
  json meta = {{"name", name}};
  if (!ns.empty()) meta["namespace"] = ns;
  Change c;
  c.resource = resources::MakeObject(
      cluster, {{"apiVersion", api_version}, {"kind", kind}, {"metadata", meta}}, "seed", {});
  c.address = c.resource.address;
  c.cluster = cluster;
  c.action = action;
  if (action != Action::kCreate) {
    c.planned_resource_version = "41";
    c.planned_uid = "uid-" + name;
    c.planned_content_digest = "sha256:" + std::string(64, 'a');  // kept through a saved plan
  }
  return c;
}

FieldChange Field(FieldChange::Op op, ssa::Path path, std::optional<json> before,
                  std::optional<json> after) {
  return {op, std::move(path), std::move(before), std::move(after)};
}

}  // namespace

const std::vector<std::string>& SampleSecrets() {
  static const std::vector<std::string> kSecrets = {"LS0tLS1CRUdJTi-old-ca-key-material",
                                                    "c2hhbmdoYWktcmVhZGVyLXRva2Vu-old",
                                                    "c2hhbmdoYWktcmVhZGVyLXRva2Vu-new"};
  return kSecrets;
}

plan::Plan SamplePlan() {
  plan::Plan p;
  p.topology_name = "seed";
  p.topology_hash = "sha256:0123";
  p.inventory_cluster = "beijing";
  p.warnings = {"the renderer printed a deprecated field"};
  p.changes.push_back(Object("beijing", "v1", "Namespace", "", "sample", Action::kCreate));
  p.changes.back().resource.depends_on = {"beijing/v1/Namespace/istio-system"};

  Change web = Object("beijing", "apps/v1", "Deployment", "sample", "web", Action::kUpdate);
  web.diff.changes = {
      Field(FieldChange::Op::kChange, P({"spec", "replicas"}), 3, 1),
      Field(FieldChange::Op::kChange, P({"metadata", "annotations", "note"}), json(nullptr), "x"),
      Field(FieldChange::Op::kRemove, P({"metadata", "labels", "old"}), "yes", std::nullopt)};
  web.diff.conflicts = {{P({"spec", "replicas"}), "kubectl-edit"}};
  web.drift = plan::Drift::kChanged;
  p.changes.push_back(web);

  Change ca = Object("beijing", "v1", "Secret", "istio-system", "cacerts", Action::kUpdate);
  ca.resource.sensitive = true;
  ca.diff.changes = {Field(FieldChange::Op::kChange, P({"data", "ca-key.pem"}), SampleSecrets()[0],
                           resources::MakePlaceholder("ca/intermediate/beijing", "key", "base64"))};
  p.changes.push_back(ca);

  Change remote = Object("beijing", "v1", "Secret", "istio-system", "istio-remote-secret-shanghai",
                         Action::kUpdate);
  remote.diff.changes = {Field(FieldChange::Op::kChange, P({"data", "shanghai"}),
                               SampleSecrets()[1], SampleSecrets()[2])};
  p.changes.push_back(remote);

  Change gw = Object("shanghai", "v1", "Service", "istio-system", "gw", Action::kReplace);
  gw.reason = ".spec.clusterIP cannot be changed in place";
  gw.diff.changes = {
      Field(FieldChange::Op::kChange, P({"spec", "clusterIP"}), "10.0.0.1", "10.0.0.2")};
  p.changes.push_back(gw);
  Change old = Object("shanghai", "v1", "ConfigMap", "sample", "old", Action::kDelete);
  old.reason = "no longer in the topology";
  p.changes.push_back(old);
  p.changes.push_back(Object("shanghai", "v1", "Namespace", "", "istio-system", Action::kNoOp));
  Change gone = Object("shanghai", "apps/v1", "Deployment", "sample", "sleep", Action::kCreate);
  gone.drift = plan::Drift::kDeleted;
  p.changes.push_back(gone);

  Change value;
  value.resource =
      resources::MakeValue("ca/intermediate/shanghai", "", {"intermediate-ca", {}}, true, {});
  value.address = value.resource.address;
  value.action = Action::kCreate;
  value.reason = "reissue: expires within 30 days";
  p.changes.push_back(value);
  std::sort(p.changes.begin(), p.changes.end(),
            [](const Change& a, const Change& b) { return a.address < b.address; });
  return p;
}

plan::Plan BigPlan(const std::vector<std::string>& clusters, int n, int fields) {
  plan::Plan p;
  p.topology_name = "big";
  p.inventory_cluster = clusters.front();
  for (const auto& cluster : clusters) {
    for (int i = 0; i < n; ++i) {
      auto c = Object(cluster, "v1", "ConfigMap", "sample", "config-" + std::to_string(i),
                      fields > 0 ? Action::kUpdate : Action::kCreate);
      for (int f = 0; f < fields; ++f) {
        c.diff.changes.push_back(Field(FieldChange::Op::kChange,
                                       P({"data", "key-" + std::to_string(f)}),
                                       std::string(40, 'a'), std::string(40, 'b')));
      }
      p.changes.push_back(c);
    }
  }
  return p;
}

}  // namespace meshform::testing
