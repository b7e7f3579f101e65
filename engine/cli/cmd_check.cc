// meshform check: is every cluster of the topology reachable, may this user do what an apply
// needs (--pre), and does the live mesh match the topology? Prints one line per check (text or
// the JSON of schemas/check.schema.json); exits 0 when nothing failed, 1 when something did.
// --wait runs the checks again until they pass or the deadline. Reads only.
#include <chrono>
#include <iostream>
#include <sstream>
#include <thread>

#include "engine/check/cluster_checks.h"
#include "engine/check/control_plane.h"
#include "engine/check/networks.h"
#include "engine/check/preflight.h"
#include "engine/check/trust.h"
#include "engine/check/workloads.h"
#include "engine/cli/command.h"
#include "engine/cli/plan_pipeline.h"
#include "engine/cli/views/check_text.h"
#include "engine/plan/topology_hash.h"
#include "engine/state/lock.h"
#include "resources/state_objects.h"

namespace meshform::cli {

namespace {

using check::Check;
using check::Report;
using check::Result;

struct CheckRequest {
  PlanRequest plan;
  bool pre = false;
  std::vector<std::string> only;  // --cluster: report only these clusters' checks
  int parallelism = 32;
};

// What a check needs of the clients: short timeouts and few retries, so that an unreachable
// cluster is a failed check in seconds, not a minute of retries.
kube::ClientOptions ProbeClientOptions() {
  kube::ClientOptions o;
  o.connect_timeout = std::chrono::milliseconds(5000);
  o.timeout = std::chrono::milliseconds(20000);
  o.retry.max_attempts = 2;
  return o;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

Check DriftCheck(const plan::Plan& plan) {
  Check c{"drift", "plan", ""};
  c.objects.push_back("every object of the topology, as `meshform plan` reads it");
  if (!plan.HasChanges()) {
    c.message = "the clusters match the topology (a plan has no changes)";
    return c;
  }
  c.result = Result::kFail;
  for (const auto& change : plan.changes) {
    if (change.action != plan::Action::kNoOp)
      c.details.push_back(std::string(plan::ActionName(change.action)) + " " + change.address);
  }
  c.message = c.details.size() == 1
                  ? "1 object differs from the topology"
                  : std::to_string(c.details.size()) + " objects differ from the topology";
  c.hint = "see `meshform plan`; `meshform apply` converges them";
  return c;
}

// control-plane, networks and workloads: the live clusters against the desired objects.
std::vector<Check> VerificationChecks(const CompiledTopology& compiled,
                                      const kube::ClusterClients& clients) {
  std::vector<Check> out = check::ControlPlaneChecks(clients, compiled.topology, compiled.resources,
                                                     ProbeClientOptions());
  for (auto& c : check::NetworkChecks(clients, compiled.topology, compiled.resources))
    out.push_back(std::move(c));
  for (auto& c : check::WorkloadChecks(clients, compiled.topology, compiled.resources))
    out.push_back(std::move(c));
  return out;
}

// "topology/compiled": the file loaded and compiled, the renderer included.
Check CompiledCheck(const CompiledTopology& compiled) {
  Check c{"topology", "compiled", "", Result::kPass};
  size_t objects = 0;
  for (const auto& r : compiled.resources) objects += r.is_object();
  const auto& renderer = compiled.topology.mesh.renderer.command;
  c.message = std::to_string(objects) + " objects for " +
              std::to_string(compiled.topology.clusters.size()) + " clusters" +
              (renderer.empty() ? "" : " (renderer " + renderer.front() + " ran for each)");
  return c;
}

Check CompileFailedCheck(const std::string& errors) {
  Check c{"topology", "compiled", "", Result::kFail};
  c.message = "the topology does not compile";
  c.details = Lines(errors);
  c.hint =
      "fix what the lines above name (a renderer that is missing, fails or runs past "
      "mesh.renderer.timeoutSeconds is named with its cluster); `meshform validate` checks "
      "the file alone";
  return c;
}

// One round of every check.
Report RunChecks(const CompiledTopology& compiled, const CheckRequest& request) {
  Report report;
  std::vector<kube::ClusterContext> contexts;
  std::vector<std::string> names;
  for (const auto& c : compiled.topology.clusters) {
    contexts.push_back({c.name, c.context});
    names.push_back(c.name);
  }
  auto probes = check::ProbeClusters(contexts, request.plan.kubeconfig, ProbeClientOptions(),
                                     request.parallelism);
  report.checks = std::move(probes.checks);
  if (!probes.AllReachable(contexts.size())) {
    Check skipped{request.pre ? "permissions" : "drift", "skipped", "", Result::kFail};
    skipped.message = "not checked: a plan needs every cluster of the topology, and " +
                      std::to_string(contexts.size() - probes.reachable.size()) +
                      " cannot be used (above)";
    skipped.hint = "fix the clusters above first";
    report.checks.push_back(std::move(skipped));
    return report;
  }
  Planned planned{compiled, nullptr, plan::Plan{}, ""};
  std::ostringstream errors;
  try {
    planned.clients =
        ConnectClients(compiled.topology, request.plan.kubeconfig, ProbeClientOptions());
    planned.topology_hash = plan::TopologyHash(request.plan.file, compiled.resources);
  } catch (const std::exception& e) {
    errors << e.what() << "\n";
  }
  const bool plan_made = planned.clients && PlanAgain(planned, request.plan, errors);
  if (!plan_made) {
    Check failed{"plan", "planned", "", Result::kFail};
    failed.message = "no plan could be made from the live clusters";
    failed.details = Lines(errors.str());
    failed.hint = "see the problems above; `meshform plan -v` shows the requests";
    report.checks.push_back(std::move(failed));
    // The verification reads the live objects without a plan: a mesh broken so that no plan
    // can be made (an object another manager changed so that apply would be refused) is still
    // diagnosed. The preflight and drift need the plan.
    if (!planned.clients || request.pre) return report;
  }
  if (request.pre) {
    check::PreflightOptions options;
    options.parallelism = request.parallelism;
    for (auto& c : check::PlanPermissionChecks(*planned.clients, names, planned.plan,
                                               state::kLockNamespace, options)) {
      report.checks.push_back(std::move(c));
    }
  } else {
    auto renew = std::chrono::hours(24) * compiled.topology.ca.intermediate.renew_before_days;
    for (auto& c : check::TrustChecks(*planned.clients, names,
                                      std::chrono::duration_cast<std::chrono::seconds>(renew),
                                      std::chrono::system_clock::now())) {
      report.checks.push_back(std::move(c));
    }
    for (auto& c : VerificationChecks(compiled, *planned.clients))
      report.checks.push_back(std::move(c));
    if (plan_made) report.checks.push_back(DriftCheck(planned.plan));
  }
  return report;
}

Report OnlyClusters(Report report, const std::vector<std::string>& only) {
  if (only.empty()) return report;
  Report out;
  for (auto& c : report.checks) {
    if (c.cluster.empty() || std::find(only.begin(), only.end(), c.cluster) != only.end())
      out.checks.push_back(std::move(c));
  }
  return out;
}

// "90", "90s", "2m", "1h" -> seconds; nothing when malformed.
std::optional<std::chrono::seconds> ParseDuration(const std::string& text) {
  if (text.empty()) return std::nullopt;
  size_t used = 0;
  long long n = 0;
  try {
    n = std::stoll(text, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  std::string unit = text.substr(used);
  long long scale = unit.empty() || unit == "s" ? 1 : unit == "m" ? 60 : unit == "h" ? 3600 : 0;
  if (scale == 0 || n < 0) return std::nullopt;
  return std::chrono::seconds(n * scale);
}

}  // namespace

int RunCheck(const Args& args) {
  po::options_description options;
  options.add(TopologyOptions());
  options.add(ClusterOptions());
  po::options_description own("Check");
  own.add_options()("pre", "preflight: before an apply, may this user do what it needs?")(
      "output,o", po::value<std::string>()->default_value("text"), "text or json")(
      "wait", po::value<std::string>(),
      "run failing checks again until they pass or this long has passed (90s, 5m)")(
      "cluster", po::value<std::vector<std::string>>()->composing(),
      "report only this cluster's checks (and the topology-wide ones); repeatable");
  options.add(own);
  auto parsed = ParseCommand("check", "-f FILE [--pre] [-o text|json] [--wait 5m] [--cluster NAME]",
                             options, args);
  if (parsed.exit_code) return *parsed.exit_code;
  const auto& vars = parsed.vars;
  std::string output = vars["output"].as<std::string>();
  if (output != "text" && output != "json") {
    std::cerr << "meshform check: --output must be text or json\n";
    return 1;
  }
  std::optional<std::chrono::seconds> wait;
  if (vars.count("wait")) {
    wait = ParseDuration(vars["wait"].as<std::string>());
    if (!wait) {
      std::cerr << "meshform check: --wait takes a duration such as 90s, 5m or 1h\n";
      return 1;
    }
  }
  CheckRequest request;
  request.plan = RequestFrom(vars, plan::Mode::kApply);
  request.pre = vars.count("pre") > 0;
  request.parallelism = vars["parallelism"].as<int>();
  if (vars.count("cluster")) request.only = vars["cluster"].as<std::vector<std::string>>();
  std::ostringstream compile_errors;
  auto compiled = LoadAndCompile(request.plan.file, compile_errors);
  if (!compiled) {
    // The renderer runs here (with mesh.renderer.timeoutSeconds): a renderer that is missing,
    // fails or hangs is a failed check like any other, in text and in JSON.
    Report report;
    report.checks.push_back(CompileFailedCheck(compile_errors.str()));
    if (output == "json") {
      std::cout << check::ReportJson(report, "", request.pre ? "preflight" : "verification").dump(2)
                << "\n";
    } else {
      std::cerr << compile_errors.str();
      std::cout << RenderCheckText(report);
    }
    return report.ExitCode();
  }
  for (const auto& name : request.only) {
    bool known = false;
    for (const auto& c : compiled->topology.clusters) known = known || c.name == name;
    if (!known) {
      std::cerr << "meshform check: --cluster " << name << ": the topology has no such cluster\n";
      return 1;
    }
  }

  const auto deadline = std::chrono::steady_clock::now() + wait.value_or(std::chrono::seconds(0));
  auto checks_with_topology = [&] {
    Report r = OnlyClusters(RunChecks(*compiled, request), request.only);
    r.checks.insert(r.checks.begin(), CompiledCheck(*compiled));
    return r;
  };
  Report report = checks_with_topology();
  while (report.Failed() && std::chrono::steady_clock::now() < deadline) {
    auto left = std::chrono::duration_cast<std::chrono::seconds>(deadline -
                                                                 std::chrono::steady_clock::now());
    std::cerr << "waiting: " << report.Count(Result::kFail) << " checks failing, " << left.count()
              << "s left\n";
    std::this_thread::sleep_for(std::chrono::seconds(2));
    report = checks_with_topology();
  }
  if (wait && report.Failed()) {
    std::cerr << "meshform check: still failing after " << wait->count() << "s\n";
  }
  if (output == "json") {
    std::cout << check::ReportJson(report, compiled->topology.name,
                                   request.pre ? "preflight" : "verification")
                     .dump(2)
              << "\n";
  } else {
    std::cout << RenderCheckText(report);
  }
  return report.ExitCode();
}

}  // namespace meshform::cli
