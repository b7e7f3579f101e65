// What `meshform check` and the preflight of apply and destroy report: checks grouped in
// categories, each passed, a warning or failed, about one cluster or the whole topology, with
// what was found, the details (each missing permission), a one-line hint saying what to do, and
// the objects looked at. Rendered for people by cli/views/check_text.h and as the JSON of
// schemas/check.schema.json by ReportJson.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace meshform::check {

enum class Result { kPass, kWarn, kFail };
const char* ResultName(Result result);  // "pass", "warn", "fail"

struct Check {
  Check() = default;
  Check(std::string category_, std::string name_, std::string cluster_ = "",
        Result result_ = Result::kPass, std::string message_ = "")
      : category(std::move(category_)),
        name(std::move(name_)),
        cluster(std::move(cluster_)),
        result(result_),
        message(std::move(message_)) {}

  std::string category;  // "clusters", "permissions", ...
  std::string name;      // a stable id within the category: "reachable", "missing", ...
  std::string cluster;   // "" when the check is not about one cluster
  Result result = Result::kPass;
  std::string message;               // one line: what was found
  std::vector<std::string> details;  // one line each (a missing permission, ...)
  std::string hint;                  // what to do; set for warnings and failures
  std::vector<std::string> objects;  // what was looked at (addresses, API paths)
};

struct Report {
  std::vector<Check> checks;  // in the order they ran, categories together

  bool Failed() const;  // any check failed (warnings do not fail)
  // 0 when nothing failed, 1 otherwise (the exit code of `meshform check`).
  int ExitCode() const { return Failed() ? 1 : 0; }
  size_t Count(Result result) const;
};

// The document of schemas/check.schema.json.
nlohmann::json ReportJson(const Report& report, const std::string& topology,
                          const std::string& kind);

}  // namespace meshform::check
