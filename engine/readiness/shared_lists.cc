// SharedLists (see shared_lists.h).
#include "engine/readiness/shared_lists.h"

#include <condition_variable>
#include <exception>

namespace meshform::readiness {

using nlohmann::json;

struct SharedLists::Group {
  std::mutex mu;
  std::condition_variable done;  // a LIST of the group ended
  bool listing = false;          // a LIST is under way
  bool have = false;             // `objects` holds the answer of the LIST sent at `started`
  kube::TimePoint started{};
  std::map<std::string, json> objects;  // by name
};

SharedLists::SharedLists(kube::Clock* clock)
    : clock_(clock ? *clock : kube::RealClock::Instance()) {}

std::shared_ptr<SharedLists::Group> SharedLists::GroupOf(kube::Client& client,
                                                         const kube::ObjectRef& ref) {
  std::lock_guard<std::mutex> lock(mu_);
  auto& group = groups_[Key{&client, ref.api_version, ref.kind, ref.ns}];
  if (!group) group = std::make_shared<Group>();
  return group;
}

size_t SharedLists::lists_sent() const {
  std::lock_guard<std::mutex> lock(mu_);
  return lists_sent_;
}

SharedObservation SharedLists::Get(kube::Client& client, const kube::ObjectRef& ref,
                                   kube::TimePoint not_before) {
  std::shared_ptr<Group> group = GroupOf(client, ref);
  std::unique_lock<std::mutex> lock(group->mu);
  while (true) {
    if (group->have && group->started >= not_before) {
      auto it = group->objects.find(ref.name);
      if (it == group->objects.end()) return {std::nullopt, group->started};
      return {it->second, group->started};
    }
    if (group->listing) {  // wait for it: it either serves this wait or makes room for the next
      group->done.wait(lock);
      continue;
    }
    group->listing = true;
    const kube::TimePoint started = clock_.Now();
    lock.unlock();
    {
      std::lock_guard<std::mutex> count(mu_);
      ++lists_sent_;
    }
    std::map<std::string, json> objects;
    std::exception_ptr error;
    try {
      kube::ListOptions options;
      options.ns = ref.ns;
      for (auto& item : client.List(ref.api_version, ref.kind, options).items) {
        std::string name = item.value("metadata", json::object()).value("name", "");
        objects.emplace(std::move(name), std::move(item));
      }
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    group->listing = false;
    if (!error) {
      group->have = true;
      group->started = started;
      group->objects = std::move(objects);
    }
    group->done.notify_all();
    if (error) std::rethrow_exception(error);
  }
}

}  // namespace meshform::readiness
