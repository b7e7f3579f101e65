// The hand-built seed-shaped plan (see mini_mesh.h).
#include "tests/integration/apply/mini_mesh.h"

#include <algorithm>

#include "resources/placeholder.h"
#include "resources/resource.h"

namespace meshform::apply::testing {

namespace {

using nlohmann::json;
using plan::Action;

plan::Change Object(const std::string& cluster, json object, std::vector<std::string> deps,
                    Action action = Action::kCreate) {
  plan::Change c;
  c.resource = resources::MakeObject(cluster, std::move(object), "mini", {});
  c.resource.depends_on = std::move(deps);
  c.resource.sensitive = c.resource.object_kind() == "Secret";
  c.address = c.resource.address;
  c.cluster = cluster;
  c.action = action;
  return c;
}

plan::Change Value(const std::string& address, const std::string& cluster, const std::string& type,
                   json params, std::vector<std::string> deps) {
  plan::Change c;
  c.resource = resources::MakeValue(address, cluster, {type, std::move(params)}, true, {});
  c.resource.depends_on = std::move(deps);
  c.address = address;
  c.cluster = cluster;
  c.action = Action::kCreate;
  return c;
}

json Namespace(const std::string& name) {
  return {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name}}}};
}

json Crd(const MiniMesh& m) {
  json version = {{"name", "v1"},
                  {"served", true},
                  {"storage", true},
                  {"schema",
                   {{"openAPIV3Schema",
                     {{"type", "object"}, {"x-kubernetes-preserve-unknown-fields", true}}}}}};
  return {{"apiVersion", "apiextensions.k8s.io/v1"},
          {"kind", "CustomResourceDefinition"},
          {"metadata", {{"name", "gateways." + m.crd_group()}}},
          {"spec",
           {{"group", m.crd_group()},
            {"scope", "Namespaced"},
            {"names", {{"plural", "gateways"}, {"singular", "gateway"}, {"kind", "Gateway"}}},
            {"versions", json::array({version})}}}};
}

void AddCluster(const MiniMesh& m, const std::string& c, std::vector<plan::Change>& out) {
  std::string ns_addr = c + "/v1/Namespace/" + m.ns();
  std::string ca = "ca/intermediate/" + c;
  out.push_back(Object(c, Namespace(m.ns()), {}));
  out.push_back(Value(ca, "", "ca-intermediate",
                      {{"cluster", c},
                       {"subject", {{"O", "Istio"}, {"CN", "Intermediate CA"}}},
                       {"dnsNames", {"istiod.istio-system.svc"}},
                       {"validityDays", 30},
                       {"keyBits", 2048}},
                      {"ca/root"}));
  json cacerts = {{"apiVersion", "v1"},
                  {"kind", "Secret"},
                  {"metadata", {{"name", "cacerts"}, {"namespace", m.ns()}}},
                  {"data",
                   {{"ca-cert.pem", resources::MakePlaceholder(ca, "cert", "base64")},
                    {"ca-key.pem", resources::MakePlaceholder(ca, "key", "base64")},
                    {"root-cert.pem", resources::MakePlaceholder(ca, "root", "base64")},
                    {"cert-chain.pem", resources::MakePlaceholder(ca, "chain", "base64")}}}};
  out.push_back(Object(c, cacerts, {ns_addr, ca}));
  json sa = {{"apiVersion", "v1"},
             {"kind", "ServiceAccount"},
             {"metadata", {{"name", "reader"}, {"namespace", m.ns()}}}};
  out.push_back(Object(c, sa, {ns_addr}));
  json token_secret = {{"apiVersion", "v1"},
                       {"kind", "Secret"},
                       {"type", "kubernetes.io/service-account-token"},
                       {"metadata",
                        {{"name", "reader-token"},
                         {"namespace", m.ns()},
                         {"annotations", {{"kubernetes.io/service-account.name", "reader"}}}}}};
  std::string sa_addr = c + "/v1/ServiceAccount/" + m.ns() + "/reader";
  out.push_back(Object(c, token_secret, {sa_addr}));
  std::string token_addr = "token/" + c + "/" + m.ns() + "/reader";
  out.push_back(Value(token_addr, c, "service-account-token",
                      {{"cluster", c},
                       {"namespace", m.ns()},
                       {"serviceAccount", "reader"},
                       {"secret", "reader-token"}},
                      {c + "/v1/Secret/" + m.ns() + "/reader-token"}));
  out.push_back(
      Value("endpoint/" + c, c, "cluster-endpoint", {{"cluster", c}, {"context", c}}, {}));
  json crd = Crd(m);
  std::string crd_addr =
      c + "/apiextensions.k8s.io/v1/CustomResourceDefinition/gateways." + m.crd_group();
  out.push_back(Object(c, crd, {}));
  json gw = {{"apiVersion", m.crd_group() + "/v1"},
             {"kind", "Gateway"},
             {"metadata", {{"name", "cross-network"}, {"namespace", m.ns()}}},
             {"spec", {{"servers", {{{"port", 443}, {"tls", {{"mode", "AUTO_PASSTHROUGH"}}}}}}}}};
  out.push_back(Object(c, gw, {crd_addr, ns_addr}));
}

void AddRemoteSecret(const MiniMesh& m, std::vector<plan::Change>& out) {
  const std::string& primary = m.clusters[0];
  const std::string& remote = m.clusters[1];
  std::string kc = "kubeconfig/" + remote + "/" + m.ns() + "/reader";
  std::string token = "token/" + remote + "/" + m.ns() + "/reader";
  out.push_back(
      Value(kc, remote, "kubeconfig",
            {{"name", remote},
             {"server", resources::MakePlaceholder("endpoint/" + remote, "server")},
             {"certificateAuthorityData", resources::MakePlaceholder(token, "ca.crt", "base64")},
             {"token", resources::MakePlaceholder(token, "token")}},
            {token, "endpoint/" + remote}));
  json secret = {{"apiVersion", "v1"},
                 {"kind", "Secret"},
                 {"metadata",
                  {{"name", "istio-remote-secret-" + remote},
                   {"namespace", m.ns()},
                   {"labels", {{"istio/multiCluster", "true"}}}}},
                 {"stringData", {{remote, resources::MakePlaceholder(kc, "kubeconfig")}}}};
  out.push_back(Object(primary, secret, {primary + "/v1/Namespace/" + m.ns(), kc}));
}

}  // namespace

json MiniMesh::ExistingToUpdate() const {
  return {{"apiVersion", "v1"},
          {"kind", "ConfigMap"},
          {"metadata",
           {{"name", prefix + "-update"}, {"namespace", "default"}, {"labels", {{"keep", "me"}}}}},
          {"data", {{"a", "1"}, {"b", "2"}}}};
}

json MiniMesh::ExistingToDelete() const {
  return {{"apiVersion", "v1"},
          {"kind", "ConfigMap"},
          {"metadata", {{"name", prefix + "-delete"}, {"namespace", "default"}}},
          {"data", {{"x", "y"}}}};
}

plan::Plan MiniMeshPlan(const MiniMesh& m) {
  plan::Plan p;
  p.topology_name = "mini-" + m.prefix;
  p.inventory_cluster = m.clusters[0];
  p.changes.push_back(Value("ca/root", "", "ca-root",
                            {{"generate", true},
                             {"commonName", "mini root"},
                             {"organization", "Istio"},
                             {"validityDays", 30},
                             {"keyBits", 2048}},
                            {}));
  for (const auto& c : m.clusters) AddCluster(m, c, p.changes);
  AddRemoteSecret(m, p.changes);
  json update = m.ExistingToUpdate();
  update["data"] = {{"a", "changed"}, {"c", "3"}};
  p.changes.push_back(Object(m.clusters[0], update, {}, Action::kUpdate));
  p.changes.push_back(Object(m.clusters[0], m.ExistingToDelete(), {}, Action::kDelete));
  std::sort(p.changes.begin(), p.changes.end(),
            [](const plan::Change& a, const plan::Change& b) { return a.address < b.address; });
  return p;
}

}  // namespace meshform::apply::testing
