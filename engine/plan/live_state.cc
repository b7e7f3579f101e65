#include "engine/plan/live_state.h"

#include <mutex>

#include "engine/kube/errors.h"
#include "engine/util/parallelism.h"
#include "resources/resource.h"

namespace meshform::plan {
namespace {

struct KindGroup {
  std::string cluster;
  std::string api_version;
  std::string kind;
  std::vector<const WantedObject*> objects;
};

std::vector<KindGroup> GroupByKind(const std::vector<WantedObject>& wanted) {
  std::map<std::string, KindGroup> groups;
  for (const auto& w : wanted) {
    auto& g = groups[w.cluster + " " + w.api_version + " " + w.kind];
    g.cluster = w.cluster;
    g.api_version = w.api_version;
    g.kind = w.kind;
    g.objects.push_back(&w);
  }
  std::vector<KindGroup> out;
  for (auto& [_, g] : groups) out.push_back(std::move(g));
  return out;
}

std::string Key(const std::string& ns, const std::string& name) { return ns + "/" + name; }

std::string KeyOf(const nlohmann::json& object) {
  const auto& meta = object.at("metadata");
  return Key(meta.value("namespace", ""), meta.value("name", ""));
}

// The namespace to LIST unowned objects in: the one all missing objects share, else all.
std::string CommonNamespace(const std::vector<const WantedObject*>& missing) {
  std::string ns = missing.front()->ns;
  for (const auto* w : missing) {
    if (w->ns != ns) return "";
  }
  return ns;
}

bool HasOwnershipLabels(const nlohmann::json& item, const std::string& topology) {
  auto labels = item["metadata"].value("labels", nlohmann::json::object());
  return labels.value(resources::kManagedByLabel, "") == resources::kManagedByValue &&
         labels.value(resources::kTopologyLabel, "") == topology;
}

class Reader {
 public:
  Reader(const std::string& topology, const kube::ClusterClients& clients)
      : topology_(topology), selector_(OwnershipSelector(topology)), clients_(clients) {}

  void Read(const KindGroup& g) {
    kube::Client& client = clients_.For(g.cluster);
    kube::ListOptions owned_opts;
    owned_opts.label_selector = selector_;
    kube::ListResult owned;
    try {
      owned = client.List(g.api_version, g.kind, owned_opts);
    } catch (const kube::NoKindMatch&) {
      return;  // not served yet (its CRD is not installed): nothing of it exists
    }
    std::set<std::string> found;
    for (auto& item : owned.items) {
      found.insert(KeyOf(item));
      Store(state_.owned, g.cluster, std::move(item));
    }
    std::vector<const WantedObject*> missing;
    for (const auto* w : g.objects) {
      if (!found.count(Key(w->ns, w->name))) missing.push_back(w);
    }
    if (!missing.empty()) ReadUnowned(client, g, missing);
  }

  LiveState Take() { return std::move(state_); }

 private:
  void ReadUnowned(kube::Client& client, const KindGroup& g,
                   const std::vector<const WantedObject*>& missing) {
    kube::ListOptions opts;
    opts.ns = CommonNamespace(missing);
    std::set<std::string> wanted;
    for (const auto* w : missing) wanted.insert(Key(w->ns, w->name));
    kube::ListResult all;
    try {
      all = client.List(g.api_version, g.kind, opts);
    } catch (const kube::NotFound&) {
      return;  // the namespace does not exist yet, so neither do the objects
    }
    for (auto& item : all.items) {
      if (!wanted.count(KeyOf(item))) continue;
      // Created with our labels between the two LISTs (another run applying): ours, not in the way.
      bool ours = HasOwnershipLabels(item, topology_);
      Store(ours ? state_.owned : state_.unowned, g.cluster, std::move(item));
    }
  }

  void Store(std::map<std::string, nlohmann::json>& into, const std::string& cluster,
             nlohmann::json item) {
    std::string address = resources::ObjectAddress(cluster, item);
    std::lock_guard<std::mutex> lock(mu_);
    into[address] = std::move(item);
  }

  std::string topology_;
  std::string selector_;
  const kube::ClusterClients& clients_;
  std::mutex mu_;
  LiveState state_;
};

}  // namespace

std::string OwnershipSelector(const std::string& topology) {
  return std::string(resources::kManagedByLabel) + "=" + resources::kManagedByValue + "," +
         resources::kTopologyLabel + "=" + topology;
}

LiveState ReadLiveState(const std::vector<WantedObject>& wanted, const std::string& topology,
                        const kube::ClusterClients& clients, int parallelism) {
  auto groups = GroupByKind(wanted);
  Reader reader(topology, clients);
  ParallelFor(groups.size(), parallelism, [&](size_t i) { reader.Read(groups[i]); });
  return reader.Take();
}

}  // namespace meshform::plan
