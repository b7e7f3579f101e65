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

// Where to look for wanted objects that the ownership LIST did not return (a first plan: all of
// them). Their namespaces are known, so the LISTs go to those namespaces, never unfiltered over
// the whole cluster: a cluster-wide LIST of Secrets reads every Secret of every application
// (data included) and needs cluster-wide read access to them. A namespace with one missing
// object reads just that one (fieldSelector metadata.name: a GET that answers "absent" with an
// empty list). Only when the missing objects are spread over more than kMaxNamespaceLists
// namespaces is one paged cluster-wide LIST cheaper than a LIST per namespace; cluster-scoped
// kinds have no namespace and are listed whole (few objects: CRDs, ClusterRoles, webhooks).
// The ownership LIST itself stays cluster-wide (by label, paged): it must also find owned
// objects in namespaces the topology no longer declares, to plan their deletion.
constexpr size_t kMaxNamespaceLists = 16;

struct UnownedRead {
  const KindGroup* group;
  kube::ListOptions options;
  std::set<std::string> wanted;  // ns/name
};

std::vector<UnownedRead> PlanUnownedReads(const KindGroup& g,
                                          const std::vector<const WantedObject*>& missing) {
  std::map<std::string, std::set<std::string>> by_ns;  // namespace → names
  for (const auto* w : missing) by_ns[w->ns].insert(w->name);
  std::vector<UnownedRead> reads;
  if (by_ns.size() > kMaxNamespaceLists || by_ns.count("")) {
    UnownedRead all{&g, {}, {}};
    for (const auto* w : missing) all.wanted.insert(Key(w->ns, w->name));
    if (missing.size() == 1) all.options.field_selector = "metadata.name=" + missing[0]->name;
    if (by_ns.size() == 1) all.options.ns = by_ns.begin()->first;
    reads.push_back(std::move(all));
    return reads;
  }
  for (const auto& [ns, names] : by_ns) {
    UnownedRead read{&g, {}, {}};
    read.options.ns = ns;
    if (names.size() == 1) read.options.field_selector = "metadata.name=" + *names.begin();
    for (const auto& name : names) read.wanted.insert(Key(ns, name));
    reads.push_back(std::move(read));
  }
  return reads;
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
    if (missing.empty()) return;
    auto reads = PlanUnownedReads(g, missing);
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& read : reads) unowned_reads_.push_back(std::move(read));
  }

  // The second round, after every Read: the unowned objects, one LIST per UnownedRead.
  void ReadAllUnowned(int parallelism) {
    ParallelFor(unowned_reads_.size(), parallelism,
                [&](size_t i) { ReadUnowned(unowned_reads_[i]); });
  }

  LiveState Take() { return std::move(state_); }

 private:
  void ReadUnowned(const UnownedRead& read) {
    const KindGroup& g = *read.group;
    kube::ListResult all;
    try {
      all = clients_.For(g.cluster).List(g.api_version, g.kind, read.options);
    } catch (const kube::NotFound&) {
      return;  // the namespace does not exist yet, so neither do the objects
    }
    for (auto& item : all.items) {
      if (!read.wanted.count(KeyOf(item))) continue;
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
  std::vector<UnownedRead> unowned_reads_;
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
  reader.ReadAllUnowned(parallelism);
  return reader.Take();
}

}  // namespace meshform::plan
