// The benchmark's objects and peers (see bench_objects.h).
#include "tests/bench/apply/bench_objects.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "engine/kube/kubeconfig.h"
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

void CreateNamespaces(const plan::ClusterClients& clients, const ObjectSets& sets) {
  for (const auto& [cluster, objects] : sets) {
    clients.For(cluster).Apply({{"apiVersion", "v1"},
                                {"kind", "Namespace"},
                                {"metadata", {{"name", NamespaceOf(objects)}}}});
  }
}

void DeleteNamespaces(const plan::ClusterClients& clients, const ObjectSets& sets) {
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

double HeyNoOpApplyRate(const std::string& kubeconfig, const std::vector<std::string>& clusters,
                        const ObjectSets& sets, int total, const std::string& dir) {
  auto config = kube::Kubeconfig::Load(kubeconfig);
  std::filesystem::path state = std::filesystem::path(kubeconfig).parent_path();
  std::string all;
  for (const auto& c : clusters) {
    const json& o = sets.at(c).at(0);
    std::string body = dir + "/hey-" + c + ".json";
    std::ofstream(body) << o.dump();
    std::ifstream token_file(state / c / "admin.token");
    std::string token;
    token_file >> token;
    std::string url = config.Resolve(c).server + "/api/v1/namespaces/" +
                      o["metadata"]["namespace"].get<std::string>() + "/configmaps/" +
                      o["metadata"]["name"].get<std::string>() +
                      "?fieldManager=meshform&force=true";
    all += "hey -n " + std::to_string(total / 3) +
           " -c 32 -m PATCH -T application/apply-patch+yaml" + " -H 'Authorization: Bearer " +
           token + "' -D " + body + " '" + url + "' > " + dir + "/hey-" + c + ".out & ";
  }
  all += "wait";
  if (std::system(all.c_str()) != 0) return 0;
  double sum = 0;
  for (const auto& c : clusters) {
    std::ifstream out(dir + "/hey-" + c + ".out");
    std::string line;
    while (std::getline(out, line)) {
      auto pos = line.find("Requests/sec:");
      if (pos != std::string::npos) sum += std::stod(line.substr(pos + 13));
      // "Status code distribution:" lines look like "  [200]\t1000 responses".
      if (line.find("responses") != std::string::npos && line.find("[200]") == std::string::npos) {
        std::cerr << "hey " << c << ": non-200 answers: " << line << "\n";
      }
    }
  }
  return sum;
}

}  // namespace meshform::bench
