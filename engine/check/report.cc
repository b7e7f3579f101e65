// Reports of checks (see report.h).
#include "engine/check/report.h"

#include <algorithm>

namespace meshform::check {

using nlohmann::json;

const char* ResultName(Result result) {
  switch (result) {
    case Result::kPass:
      return "pass";
    case Result::kWarn:
      return "warn";
    case Result::kFail:
      return "fail";
  }
  return "fail";
}

bool Report::Failed() const { return Count(Result::kFail) > 0; }

size_t Report::Count(Result result) const {
  return static_cast<size_t>(std::count_if(checks.begin(), checks.end(),
                                           [&](const Check& c) { return c.result == result; }));
}

json ReportJson(const Report& report, const std::string& topology, const std::string& kind) {
  json categories = json::array();
  for (const auto& c : report.checks) {
    if (categories.empty() || categories.back()["name"] != c.category) {
      categories.push_back({{"name", c.category}, {"checks", json::array()}});
    }
    json check = {{"name", c.name},
                  {"result", ResultName(c.result)},
                  {"message", c.message},
                  {"details", c.details},
                  {"objects", c.objects}};
    if (!c.cluster.empty()) check["cluster"] = c.cluster;
    if (!c.hint.empty()) check["hint"] = c.hint;
    categories.back()["checks"].push_back(std::move(check));
  }
  return {{"format_version", "1"},
          {"topology", topology},
          {"kind", kind},
          {"result", report.Failed() ? "fail" : (report.Count(Result::kWarn) ? "warn" : "pass")},
          {"summary",
           {{"pass", report.Count(Result::kPass)},
            {"warn", report.Count(Result::kWarn)},
            {"fail", report.Count(Result::kFail)}}},
          {"categories", std::move(categories)}};
}

}  // namespace meshform::check
