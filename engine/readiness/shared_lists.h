// Observations of many waits at once. The waits of one run read the live objects of one
// (cluster, apiVersion, kind, namespace) through one LIST that all of them share, instead of one
// GET per object and poll: the requests grow with kinds × namespaces × polling rounds, not with
// the objects waited for. A wait asks for its object as of a LIST that started no earlier than
// a time it names (when it began waiting, then just after the LIST it saw last), so a shared
// answer is never older than what the wait needs; one LIST per group is in flight at a time.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <tuple>

#include "engine/kube/client.h"
#include "engine/kube/clock.h"
#include "engine/kube/resource.h"

namespace meshform::readiness {

struct SharedObservation {
  std::optional<nlohmann::json> live;  // nothing: the LIST did not hold it
  kube::TimePoint list_started;        // when the LIST that answered was sent
};

class SharedLists {
 public:
  explicit SharedLists(kube::Clock* clock = nullptr);

  // The object `ref` of `client`'s cluster as of a LIST sent at or after `not_before`: one under
  // way or done since then if there is one, else a new one. Throws the LIST's error (to the
  // waits whose own LIST it was; the others send another).
  SharedObservation Get(kube::Client& client, const kube::ObjectRef& ref,
                        kube::TimePoint not_before);

  size_t lists_sent() const;  // LIST calls made (each may be several pages)

 private:
  struct Group;
  using Key = std::tuple<const kube::Client*, std::string, std::string, std::string>;
  std::shared_ptr<Group> GroupOf(kube::Client& client, const kube::ObjectRef& ref);

  kube::Clock& clock_;
  mutable std::mutex mu_;
  std::map<Key, std::shared_ptr<Group>> groups_;
  size_t lists_sent_ = 0;
};

}  // namespace meshform::readiness
