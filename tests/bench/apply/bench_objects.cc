// The benchmark's objects and peers (see bench_objects.h).
#include "tests/bench/apply/bench_objects.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "engine/kube/kubeconfig.h"
#include "engine/util/base64.h"
#include "resources/resource.h"

namespace meshform::bench {

using nlohmann::json;

ObjectSets MakeObjects(const std::vector<std::string>& clusters, const std::string& ns_prefix,
                       int per_cluster) {
  ObjectSets out;
  for (const auto& c : clusters) {
    for (int i = 0; i < per_cluster; ++i) {
      out[c].push_back({{"apiVersion", "v1"},
                        {"kind", "ConfigMap"},
                        {"metadata",
                         {{"name", "cm-" + std::to_string(i)},
                          {"namespace", ns_prefix + "-" + c},
                          {"labels", {{resources::kManagedByLabel, "meshform"}}}}},
                        {"data", {{"index", std::to_string(i)}, {"cluster", c}}}});
    }
  }
  return out;
}

plan::Plan PlanOf(const ObjectSets& sets, plan::Action action) {
  plan::Plan p;
  p.topology_name = "bench";
  for (const auto& [cluster, objects] : sets) {
    for (const auto& o : objects) {
      plan::Change c;
      c.resource.kind = resources::Resource::Kind::kObject;
      c.resource.object = o;
      c.resource.cluster = cluster;
      c.resource.address = resources::ObjectAddress(cluster, o);
      c.address = c.resource.address;
      c.cluster = cluster;
      c.action = action;
      if (action == plan::Action::kUpdate) c.live = o;
      p.changes.push_back(std::move(c));
    }
  }
  return p;
}

void WriteList(const std::vector<json>& objects, const std::string& path) {
  json list = {{"apiVersion", "v1"}, {"kind", "List"}, {"items", objects}};
  std::ofstream(path) << list.dump();
}

namespace {

std::string NamespaceOf(const std::vector<json>& objects) {
  return objects.at(0)["metadata"]["namespace"].get<std::string>();
}

}  // namespace

void CreateNamespaces(const kube::ClusterClients& clients, const ObjectSets& sets) {
  for (const auto& [cluster, objects] : sets) {
    clients.For(cluster).Apply({{"apiVersion", "v1"},
                                {"kind", "Namespace"},
                                {"metadata", {{"name", NamespaceOf(objects)}}}});
  }
}

void DeleteNamespaces(const kube::ClusterClients& clients, const ObjectSets& sets) {
  for (const auto& [cluster, objects] : sets) {
    kube::DeleteOptions o;
    o.ignore_not_found = true;
    clients.For(cluster).Delete({"v1", "Namespace", "", NamespaceOf(objects)}, o);
  }
  for (const auto& [cluster, objects] : sets) {
    while (clients.For(cluster).GetIfExists({"v1", "Namespace", "", NamespaceOf(objects)}))
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

namespace {

std::string AdminToken(const std::string& harness_kubeconfig, const std::string& cluster) {
  std::filesystem::path state = std::filesystem::path(harness_kubeconfig).parent_path();
  std::ifstream file(state / cluster / "admin.token");
  std::string token;
  file >> token;
  return token;
}

}  // namespace

std::string WriteTokenKubeconfig(const std::string& harness_kubeconfig,
                                 const std::vector<std::string>& clusters, const std::string& dir) {
  auto config = kube::Kubeconfig::Load(harness_kubeconfig);
  std::ostringstream y;
  y << "apiVersion: v1\nkind: Config\nclusters:\n";
  for (const auto& c : clusters) {
    auto cluster = config.Resolve(c);
    y << "- name: " << c << "\n  cluster:\n    server: " << cluster.server
      << "\n    certificate-authority-data: " << util::Base64Encode(cluster.tls.ca_pem) << "\n";
  }
  y << "users:\n";
  for (const auto& c : clusters)
    y << "- name: " << c << "\n  user:\n    token: " << AdminToken(harness_kubeconfig, c) << "\n";
  y << "contexts:\n";
  for (const auto& c : clusters)
    y << "- name: " << c << "\n  context: {cluster: " << c << ", user: " << c << "}\n";
  y << "current-context: " << clusters.at(0) << "\n";
  std::string path = dir + "/token.kubeconfig";
  std::ofstream(path) << y.str();
  std::filesystem::permissions(
      path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  return path;
}

double HeyNoOpApplyRate(const std::string& kubeconfig, const std::vector<std::string>& clusters,
                        const ObjectSets& sets, int total, const std::string& dir) {
  auto config = kube::Kubeconfig::Load(kubeconfig);
  std::string all;
  for (const auto& c : clusters) {
    const json& o = sets.at(c).at(0);
    std::string body = dir + "/hey-" + c + ".json";
    std::ofstream(body) << o.dump();
    std::string token = AdminToken(kubeconfig, c);
    std::string url = config.Resolve(c).server + "/api/v1/namespaces/" +
                      o["metadata"]["namespace"].get<std::string>() + "/configmaps/" +
                      o["metadata"]["name"].get<std::string>() +
                      "?fieldManager=meshform&force=true";
    all += "hey -n " + std::to_string(total / 3) +
           " -c 32 -m PATCH -T application/apply-patch+yaml" + " -H 'Authorization: Bearer " +
           token + "' -D " + body + " '" + url + "' > " + dir + "/hey-" + c + ".out & ";
  }
  all += "wait";
  auto start = std::chrono::steady_clock::now();
  if (std::system(all.c_str()) != 0) return 0;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const auto& c : clusters) {
    std::ifstream out(dir + "/hey-" + c + ".out");
    std::string line;
    while (std::getline(out, line)) {
      // "Status code distribution:" lines look like "  [200]\t1000 responses".
      if (line.find("responses") != std::string::npos && line.find("[200]") == std::string::npos) {
        std::cerr << "hey " << c << ": non-200 answers: " << line << "\n";
      }
    }
  }
  return (total / static_cast<int>(clusters.size())) * static_cast<double>(clusters.size()) /
         seconds;
}

}  // namespace meshform::bench
