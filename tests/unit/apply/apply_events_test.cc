// The -json event stream of apply and destroy (cli/views/apply_events.h): every event one line,
// valid against schemas/apply-events.schema.json, with the fields the schema promises; the
// stream of a failed run that rolls back is in a sensible order; no secret reaches it; lines
// stay whole when many threads report at once.
#include "engine/cli/views/apply_events.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <thread>

#include "engine/apply/executor.h"
#include "tests/support/json_schema.h"
#include "tests/unit/apply/fake_runner.h"

namespace meshform::apply {
namespace {

using cli::ApplyEvents;
using json = nlohmann::json;

const char* kSchema = "apply-events.schema.json";

// A change of a namespaced object (cluster-scoped when `ns` is empty) in cluster "beijing".
plan::Change Object(const std::string& kind, const std::string& ns, const std::string& name,
                    plan::Action action, std::vector<std::string> deps = {}) {
  json object = {{"apiVersion", kind == "Deployment" ? "apps/v1" : "v1"},
                 {"kind", kind},
                 {"metadata", {{"name", name}}}};
  if (!ns.empty()) object["metadata"]["namespace"] = ns;
  plan::Change c =
      testing::MakeChange(resources::ObjectAddress("beijing", object), action, std::move(deps));
  c.cluster = c.resource.cluster = "beijing";
  c.resource.object = object;
  return c;
}

std::vector<json> Lines(const std::string& text) {
  std::vector<json> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    try {
      out.push_back(json::parse(line));
    } catch (const std::exception&) {
      ADD_FAILURE() << "not one JSON document a line: " << line;
    }
  }
  return out;
}

void ExpectValid(const std::vector<json>& events) {
  for (const auto& e : events) {
    EXPECT_EQ(meshform::testing::SchemaViolations(kSchema, e), std::vector<std::string>{})
        << e.dump();
  }
}

std::vector<std::string> Types(const std::vector<json>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) out.push_back(e["type"].get<std::string>());
  return out;
}

ExecuteOptions Options() {
  ExecuteOptions o;
  o.parallelism = 1;
  o.rollback = true;
  return o;
}

TEST(ApplyEvents, AFailedRunThatRollsBackIsASensibleStreamOfValidLines) {
  plan::Plan p;
  p.changes = {Object("Namespace", "", "sample", plan::Action::kCreate),
               Object("Deployment", "sample", "helloworld", plan::Action::kCreate,
                      {"beijing/v1/Namespace/sample"}),
               Object("ConfigMap", "sample", "broken", plan::Action::kCreate,
                      {"beijing/apps/v1/Deployment/sample/helloworld"})};
  testing::FakeRunner runner;
  runner.fail = {p.changes[2].address};
  Journal journal;
  std::ostringstream out;
  ApplyEvents events(out, "apply");
  events.Version();
  events.Planned(p);
  ExecuteResult result = Execute(p, runner, journal, events, Options());
  events.Ended(ExitCode(result.outcome));

  auto lines = Lines(out.str());
  ExpectValid(lines);
  EXPECT_EQ(Types(lines),
            (std::vector<std::string>{
                "version", "planned_change", "planned_change", "planned_change", "change_summary",
                "apply_start", "apply_complete", "apply_start", "apply_complete", "apply_start",
                "apply_errored", "rollback_start", "rollback_complete", "rollback_start",
                "rollback_complete", "rollback_start", "rollback_complete", "change_summary"}));
  EXPECT_EQ(lines.front()["ui"], "1.0");
  EXPECT_EQ(lines.front()["command"], "apply");
  EXPECT_EQ(lines[4]["changes"],
            json({{"add", 3}, {"change", 0}, {"remove", 0}, {"operation", "plan"}}));
  const json& last = lines.back();
  EXPECT_EQ(last["outcome"], "rolled-back");
  EXPECT_EQ(last["exit_code"], 1);
  EXPECT_EQ(last["@level"], "error");
  EXPECT_EQ(last["changes"]["operation"], "apply");
  EXPECT_EQ(last["undone_steps"], 3);  // the fake's failing step wrote before it threw
  // Rollback undoes dependents first.
  EXPECT_EQ(lines[11]["address"], p.changes[2].address);
  EXPECT_EQ(lines[15]["address"], "beijing/v1/Namespace/sample");
  EXPECT_EQ(lines[10]["@level"], "error");
  EXPECT_EQ(lines[10]["error"], "failed: " + p.changes[2].address);
}

TEST(ApplyEvents, StepEventsNameTheObjectAndWhatItWaitsFor) {
  std::ostringstream out;
  ApplyEvents events(out, "apply");
  auto deployment = Object("Deployment", "sample", "helloworld", plan::Action::kUpdate);
  events.StepStarted(deployment);
  events.StillRunning(deployment.address, std::chrono::seconds(30));
  events.StepFinished(deployment, Seconds(31.25));
  auto lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 3u);
  ExpectValid(lines);
  for (const auto& e : lines) {
    EXPECT_EQ(e["address"], "beijing/apps/v1/Deployment/sample/helloworld");
    EXPECT_EQ(e["cluster"], "beijing");
    EXPECT_EQ(e["apiVersion"], "apps/v1");
    EXPECT_EQ(e["kind"], "Deployment");
    EXPECT_EQ(e["namespace"], "sample");
    EXPECT_EQ(e["name"], "helloworld");
    EXPECT_EQ(e["action"], "update");
    EXPECT_EQ(e["resource"], "object");
  }
  EXPECT_EQ(lines[0]["@message"], "beijing/apps/v1/Deployment/sample/helloworld: Modifying...");
  EXPECT_EQ(lines[1]["type"], "apply_progress");
  EXPECT_EQ(lines[1]["elapsed_seconds"], 30);
  EXPECT_EQ(lines[1]["waiting_for"], "Deployment available");
  EXPECT_NE(lines[1]["@message"].get<std::string>().find("[30s elapsed]"), std::string::npos);
  EXPECT_DOUBLE_EQ(lines[2]["elapsed_seconds"].get<double>(), 31.25);
  EXPECT_EQ(lines[2]["@message"],
            "beijing/apps/v1/Deployment/sample/helloworld: Modifications complete after 31.2s");

  auto ns = Object("Namespace", "", "sample", plan::Action::kDelete);
  EXPECT_EQ(cli::StepFields(ns)["namespace"], "");
  EXPECT_EQ(cli::WaitingFor(ns), "the object to be gone");
  plan::Change value;
  value.address = "ca/intermediate/beijing";
  value.action = plan::Action::kCreate;
  value.resource.kind = resources::Resource::Kind::kValue;
  value.resource.value.type = "intermediate-ca";
  json fields = cli::StepFields(value);
  EXPECT_EQ(fields["resource"], "value");
  EXPECT_EQ(fields["value_type"], "intermediate-ca");
  EXPECT_FALSE(fields.contains("kind"));
  EXPECT_EQ(cli::WaitingFor(value), "value intermediate-ca");
}

TEST(ApplyEvents, NoSecretReachesTheStreamOrTheErrors) {
  std::ostringstream out, errors;
  ApplyEvents events(out, "apply", &errors);
  auto secret = Object("Secret", "istio-system", "cacerts", plan::Action::kCreate);
  secret.resource.sensitive = true;
  secret.resource.object["data"] = {{"ca-key.pem", "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t"}};
  plan::Plan p;
  p.changes = {secret};
  p.warnings = {"an apply of this topology is running"};
  events.Planned(p);
  events.StepStarted(secret);
  events.StepFailed(secret,
                    "data[ca-key.pem]: Invalid value: \"-----BEGIN PRIVATE KEY-----MIIEv\"");
  events.UndoStarted(secret.address);
  events.UndoFinished(secret.address, false, "restoring token \"eyJhbGciOiJSUzI1NiJ9.secret\"");
  std::string text = out.str();
  EXPECT_EQ(text.find("BEGIN PRIVATE KEY"), std::string::npos) << text;
  EXPECT_EQ(text.find("LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t"), std::string::npos) << text;
  EXPECT_EQ(text.find("eyJhbGciOiJSUzI1NiJ9"), std::string::npos) << text;
  EXPECT_NE(text.find("Invalid value: (sensitive)"), std::string::npos) << text;
  // The errors go to stderr as well, as text; the plan's warnings only there.
  EXPECT_EQ(text.find("is running"), std::string::npos);
  EXPECT_EQ(errors.str(),
            "Warning: an apply of this topology is running\n"
            "Error: beijing/v1/Secret/istio-system/cacerts: data[ca-key.pem]: Invalid value: "
            "(sensitive)\nError: rolling back beijing/v1/Secret/istio-system/cacerts: restoring "
            "token (sensitive)\n");
  auto lines = Lines(text);
  EXPECT_EQ(Types(lines),
            (std::vector<std::string>{"planned_change", "change_summary", "apply_start",
                                      "apply_errored", "rollback_start", "rollback_errored"}));
  ExpectValid(lines);
}

TEST(ApplyEvents, TimestampsAreRfc3339InUtcWithMicroseconds) {
  auto t = std::chrono::system_clock::from_time_t(1796650205) + std::chrono::microseconds(123456);
  std::ostringstream out;
  ApplyEvents events(out, "destroy", nullptr, [t] { return t; });
  events.Version();
  EXPECT_EQ(Lines(out.str()).at(0)["@timestamp"], "2026-12-07T13:30:05.123456Z");
}

TEST(ApplyEvents, ACommandThatEndsBeforeItsRunSaysSo) {
  std::ostringstream refused;
  ApplyEvents early(refused, "destroy");
  early.Version();
  early.Ended(1);
  auto lines = Lines(refused.str());
  ExpectValid(lines);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1]["outcome"], "failed");
  EXPECT_EQ(lines[1]["exit_code"], 1);
  EXPECT_EQ(lines[1]["changes"]["operation"], "destroy");
  EXPECT_NE(lines[1]["@message"].get<std::string>().find("errors are on stderr"),
            std::string::npos);

  std::ostringstream nothing;
  ApplyEvents none(nothing, "apply");
  none.Planned(plan::Plan{});
  none.Ended(0);
  lines = Lines(nothing.str());
  ExpectValid(lines);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1]["outcome"], "no-changes");
  EXPECT_EQ(lines[1]["@message"], "No changes. Your clusters match the topology.");
}

TEST(ApplyEvents, LinesStayWholeWhenManyThreadsReport) {
  std::ostringstream out;
  ApplyEvents events(out, "apply");
  std::vector<plan::Change> changes;
  for (int i = 0; i < 8; ++i) {
    changes.push_back(
        Object("ConfigMap", "sample", "cm-" + std::to_string(i), plan::Action::kCreate));
  }
  std::vector<std::thread> threads;
  for (const auto& c : changes) {
    threads.emplace_back([&events, &c] {
      for (int i = 0; i < 100; ++i) {
        events.StepStarted(c);
        events.StillRunning(c.address, std::chrono::seconds(i));
        events.StepFinished(c, Seconds(i));
      }
    });
  }
  for (auto& t : threads) t.join();
  auto lines = Lines(out.str());
  EXPECT_EQ(lines.size(), 8u * 100u * 3u);
  std::set<std::string> addresses;
  for (const auto& e : lines) addresses.insert(e.value("address", ""));
  EXPECT_EQ(addresses.size(), 8u);
}

TEST(ApplyEventsSchema, RefusesWhatTheStreamMustNotHold) {
  auto ok = Object("Namespace", "", "sample", plan::Action::kCreate);
  json event = cli::StepFields(ok);
  event["type"] = "apply_errored";
  event["@timestamp"] = "2026-12-07T13:30:05.123456Z";
  event["@level"] = "error";
  event["@message"] = "x";
  event["error"] = "boom";
  EXPECT_TRUE(meshform::testing::SchemaViolations(kSchema, event).empty());
  json info = event;
  info["@level"] = "info";  // an error event at level info
  EXPECT_FALSE(meshform::testing::SchemaViolations(kSchema, info).empty());
  json no_kind = event;
  no_kind.erase("kind");  // an object event must name the kind
  EXPECT_FALSE(meshform::testing::SchemaViolations(kSchema, no_kind).empty());
  json data = event;
  data["data"] = {{"token", "x"}};  // nothing beyond the schema's fields
  EXPECT_FALSE(meshform::testing::SchemaViolations(kSchema, data).empty());
  json stamp = event;
  stamp["@timestamp"] = "2026-12-07 13:30:05";
  EXPECT_FALSE(meshform::testing::SchemaViolations(kSchema, stamp).empty());
  json summary = {{"type", "change_summary"},
                  {"@timestamp", "2026-12-07T13:30:05.123456Z"},
                  {"@level", "info"},
                  {"@message", "done"},
                  {"changes", {{"add", 1}, {"change", 0}, {"remove", 0}, {"operation", "apply"}}}};
  EXPECT_FALSE(meshform::testing::SchemaViolations(kSchema, summary).empty())
      << "a run's summary without outcome and exit code";
}

}  // namespace
}  // namespace meshform::apply
