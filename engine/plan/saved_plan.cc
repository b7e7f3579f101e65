#include "engine/plan/saved_plan.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/plan/plan_json.h"
#include "engine/util/error.h"

namespace meshform::plan {

using nlohmann::json;

void WriteSavedPlan(const Plan& plan, const std::string& topology_file, const std::string& path) {
  json doc = PlanToJson(plan);
  doc["topology"]["file"] = std::filesystem::absolute(topology_file).lexically_normal().string();
  std::string text = doc.dump(2) + "\n";
  std::string tmp = path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) throw Error("cannot write plan file " + path + ": " + std::strerror(errno));
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw Error("cannot write plan file " + path);
  }
}

json ReadPlanDocument(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error("cannot read plan file " + path);
  try {
    json doc = json::parse(in);
    if (!doc.is_object()) throw Error("not a JSON object");
    std::string version = doc.value("format_version", "");
    if (!ReadsPlanFormat(version)) throw Error("unsupported format_version '" + version + "'");
    return doc;
  } catch (const std::exception& e) {
    throw Error("plan file " + path + " is not a meshform plan: " + e.what());
  }
}

SavedPlan ReadSavedPlan(const std::string& path) {
  json doc = ReadPlanDocument(path);
  SavedPlan saved;
  try {
    saved.topology_file = doc.at("topology").at("file");
    saved.topology_hash = doc.at("topology").at("hash");
    saved.mode = doc.at("mode");
    if (doc.contains("options")) {
      saved.adopt = doc["options"].value("adopt", false);
      saved.targets = doc["options"].value("targets", std::vector<std::string>{});
    }
    for (const auto& c : doc.at("changes")) {
      saved.changes[c.at("address")] = {c.at("action"), c.value("planned_resource_version", ""),
                                        c.value("planned_uid", ""),
                                        c.value("planned_content_digest", "")};
    }
  } catch (const std::exception& e) {
    throw Error("plan file " + path + " is not a meshform plan: " + e.what());
  }
  return saved;
}

SavedPlan SavedPlanOf(const Plan& plan, const std::string& topology_file) {
  SavedPlan saved;
  saved.topology_file = std::filesystem::absolute(topology_file).lexically_normal().string();
  saved.topology_hash = plan.topology_hash;
  saved.mode = plan.mode == Mode::kDestroy ? "destroy" : "apply";
  saved.adopt = plan.adopt;
  saved.targets = plan.targets;
  for (const auto& c : plan.changes) {
    saved.changes[c.address] = {ActionName(c.action), c.planned_resource_version, c.planned_uid,
                                c.planned_content_digest};
  }
  return saved;
}

std::vector<std::string> StalePlanProblems(const SavedPlan& saved, const Plan& fresh) {
  std::vector<std::string> problems;
  if (saved.topology_hash != fresh.topology_hash) {
    problems.push_back("the topology changed since the plan was made (" + saved.topology_file +
                       ")");
  }
  std::string mode = fresh.mode == Mode::kDestroy ? "destroy" : "apply";
  if (saved.mode != mode) problems.push_back("the plan is a " + saved.mode + " plan");
  for (const auto& c : fresh.changes) {
    auto it = saved.changes.find(c.address);
    if (it == saved.changes.end()) {
      if (c.action != Action::kNoOp) problems.push_back(c.address + ": not in the saved plan");
      continue;
    }
    const SavedChange& s = it->second;
    // The object moved: stale unless only the server and controllers wrote to it since
    // (status, managedFields' times), which the editable content's digest tells.
    bool moved = s.resource_version != c.planned_resource_version &&
                 (s.content_digest.empty() || s.content_digest != c.planned_content_digest);
    if (moved || s.uid != c.planned_uid) {
      problems.push_back(
          c.address + ": changed in the cluster since the plan was made (resourceVersion " +
          (s.resource_version.empty() ? "none" : s.resource_version) + " -> " +
          (c.planned_resource_version.empty() ? "none" : c.planned_resource_version) + ")");
    } else if (s.action != ActionName(c.action)) {
      problems.push_back(c.address + ": planned to " + s.action + ", would now " +
                         ActionName(c.action));
    }
  }
  for (const auto& [address, s] : saved.changes) {
    if (s.action != "no-op" && fresh.Find(address) == nullptr) {
      problems.push_back(address + ": in the saved plan but no longer planned");
    }
  }
  return problems;
}

}  // namespace meshform::plan
