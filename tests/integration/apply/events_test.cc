// `meshform apply -json` and `meshform destroy -json` on the real local clusters, through the
// binary, with examples/direct: every line of stdout is one event valid against
// schemas/apply-events.schema.json, the stream is in a sensible order (version first, the plan,
// every started step ended, every rollback_start ended, the final change_summary last with the
// command's exit code), and no Secret data or token of the mesh appears in it. Three runs: a real
// apply, a destroy, and an apply that fails on a manifest the API server rejects (a port out of
// range, as cli_test's rollback crash) and rolls back.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "engine/util/base64.h"
#include "tests/support/clusters.h"
#include "tests/support/commands.h"
#include "tests/support/json_schema.h"
#include "tests/support/topology_gen.h"

namespace meshform::testing {
namespace {

using json = nlohmann::json;

std::string Direct() { return std::string(MESHFORM_SOURCE_DIR) + "/examples/direct/topology.yaml"; }

// Every line of `out` parsed and valid against the schema (failures name the line).
std::vector<json> ValidEvents(const std::string& out) {
  std::vector<json> events;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    json event;
    try {
      event = json::parse(line);
    } catch (const std::exception&) {
      ADD_FAILURE() << "not a JSON line: " << line;
      continue;
    }
    auto violations = SchemaViolations("apply-events.schema.json", event);
    EXPECT_TRUE(violations.empty()) << line << "\n" << ::testing::PrintToString(violations);
    events.push_back(event);
  }
  return events;
}

bool IsStepEnd(const std::string& type) {
  return type == "apply_complete" || type == "apply_errored";
}
bool IsUndoEnd(const std::string& type) {
  return type == "rollback_complete" || type == "rollback_errored";
}

// The order the schema's description promises; `exit_code` the command's.
void ExpectSensibleOrder(const std::vector<json>& events, int exit_code) {
  ASSERT_GE(events.size(), 2u);
  EXPECT_EQ(events.front()["type"], "version");
  const json& last = events.back();
  EXPECT_EQ(last["type"], "change_summary");
  EXPECT_EQ(last["exit_code"], exit_code);
  EXPECT_NE(last["changes"]["operation"], "plan");
  std::map<std::string, int> running, undoing;  // address -> open starts
  std::set<std::string> started;
  bool planned = false;
  std::string previous_time;
  for (size_t i = 1; i + 1 < events.size(); ++i) {
    const json& e = events[i];
    std::string type = e["type"].get<std::string>(), address = e.value("address", "");
    EXPECT_NE(type, "version") << i;
    EXPECT_GE(e["@timestamp"].get<std::string>(), previous_time) << i;
    previous_time = e["@timestamp"].get<std::string>();
    if (type == "planned_change") {
      EXPECT_FALSE(planned) << "a planned_change after the plan";
    }
    if (type == "change_summary") {
      EXPECT_FALSE(planned) << "two plan summaries";
      EXPECT_EQ(e["changes"]["operation"], "plan");
      planned = true;
    }
    if (type.rfind("apply_", 0) == 0 || type.rfind("rollback_", 0) == 0) {
      EXPECT_TRUE(planned) << type << " before the plan's summary";
    }
    if (type == "apply_start") {
      EXPECT_EQ(running[address]++, 0) << address << " started twice at once";
      started.insert(address);
    }
    if (type == "apply_progress") {
      EXPECT_EQ(running[address], 1) << address;
    }
    if (IsStepEnd(type)) {
      EXPECT_EQ(running[address]--, 1) << type << " without a start";
    }
    if (type == "rollback_start") {
      EXPECT_TRUE(started.count(address)) << "undoing a step that never ran: " << address;
      EXPECT_EQ(undoing[address]++, 0) << address;
    }
    if (IsUndoEnd(type)) {
      EXPECT_EQ(undoing[address]--, 1) << type << " without a start";
    }
  }
  for (const auto& [address, open] : running) EXPECT_EQ(open, 0) << address << " never ended";
  for (const auto& [address, open] : undoing) EXPECT_EQ(open, 0) << address << " never undone";
  EXPECT_TRUE(planned);
}

int Count(const std::vector<json>& events, const std::string& type) {
  int n = 0;
  for (const auto& e : events) n += e["type"] == type;
  return n;
}

// The mesh's secrets as they are now in the clusters: a piece of every value of every Secret
// meshform wrote (cacerts' keys, the root CA, the remote secret's kubeconfig, the reader's
// token), base64 and decoded, and the token inside a kubeconfig.
std::vector<std::string> MeshSecrets(const std::vector<std::string>& contexts) {
  std::vector<std::string> out;
  for (const auto& c : contexts) {
    auto r = Kubectl(c, "get secrets -A -l app.kubernetes.io/managed-by=meshform -o json");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const json list = json::parse(r.out);  // named: a range over a temporary's member dangles
    for (const auto& secret : list.at("items")) {
      const json data = secret.value("data", json::object());
      for (const auto& [key, value] : data.items()) {
        std::string encoded = value.get<std::string>();
        std::string decoded = util::Base64Decode(encoded).value_or("");
        if (encoded.size() >= 40) out.push_back(encoded.substr(encoded.size() / 2, 40));
        if (decoded.size() >= 40) out.push_back(decoded.substr(decoded.size() / 2, 40));
        // A kubeconfig's token (YAML or JSON): the characters after "token".
        size_t token = decoded.find("token");
        if (token != std::string::npos) {
          size_t start = decoded.find_first_not_of("\": ", token + 5);
          if (start != std::string::npos) out.push_back(decoded.substr(start, 40));
        }
      }
    }
  }
  return out;
}

void ExpectNoSecret(const std::string& out, const std::vector<std::string>& secrets) {
  EXPECT_EQ(out.find("PRIVATE KEY"), std::string::npos);
  for (const auto& s : secrets) {
    EXPECT_EQ(out.find(s), std::string::npos) << "a secret of the mesh is in the stream: " << s;
  }
}

class ApplyEventsOnClusters : public ::testing::Test {
 protected:
  void SetUp() override { contexts_ = TestContexts(2); }
  void TearDown() override { Meshform("destroy -auto-approve -f " + Direct()); }
  std::vector<std::string> contexts_;
};

TEST_F(ApplyEventsOnClusters, ARealApplyAndADestroyAreStreamsOfValidEvents) {
  auto apply = Meshform("apply -json -auto-approve -f " + Direct());
  ASSERT_EQ(apply.exit_code, 0) << apply.out << apply.err;
  auto events = ValidEvents(apply.out);
  ExpectSensibleOrder(events, 0);
  EXPECT_EQ(events.back()["outcome"], "succeeded");
  EXPECT_GT(events.back()["changes"]["add"].get<int>(), 10);
  EXPECT_EQ(Count(events, "apply_start"), Count(events, "planned_change"));
  EXPECT_EQ(Count(events, "apply_errored"), 0);
  EXPECT_EQ(Count(events, "rollback_start"), 0);
  EXPECT_EQ(apply.out.find("Apply complete!\n"), std::string::npos) << "text on stdout";
  auto secrets = MeshSecrets(contexts_);
  ASSERT_GE(secrets.size(), 8u) << "the mesh's Secrets were not found";
  ExpectNoSecret(apply.out, secrets);
  ExpectNoSecret(apply.err, secrets);

  // Nothing left to do: a stream still, with no steps.
  auto again = Meshform("apply --json -auto-approve -f " + Direct());
  EXPECT_EQ(again.exit_code, 0) << again.err;
  auto quiet = ValidEvents(again.out);
  ExpectSensibleOrder(quiet, 0);
  EXPECT_EQ(quiet.back()["outcome"], "no-changes");
  EXPECT_EQ(Count(quiet, "apply_start"), 0);

  auto destroy = Meshform("destroy -json -auto-approve -f " + Direct());
  ASSERT_EQ(destroy.exit_code, 0) << destroy.out << destroy.err;
  auto gone = ValidEvents(destroy.out);
  ExpectSensibleOrder(gone, 0);
  EXPECT_EQ(gone.front()["command"], "destroy");
  EXPECT_EQ(gone.back()["outcome"], "succeeded");
  EXPECT_EQ(gone.back()["changes"]["operation"], "destroy");
  EXPECT_GT(Count(gone, "apply_complete"), 10);
  for (const auto& e : gone) {
    if (e.contains("action") && e["resource"] == "object") {
      EXPECT_EQ(e["action"], "delete") << e.dump();
    }
  }
  ExpectNoSecret(destroy.out, secrets);
}

TEST_F(ApplyEventsOnClusters, AFailedApplyReportsItsErrorAndEveryUndoneStep) {
  std::string file = MakeTempDir("meshform-events") + "/topology.yaml";
  WriteFile(file, WithRejectedManifest(Direct()));
  auto apply = Meshform("apply -json -auto-approve -f " + file);
  ASSERT_EQ(apply.exit_code, 1) << apply.out << apply.err;
  auto events = ValidEvents(apply.out);
  ExpectSensibleOrder(events, 1);
  EXPECT_EQ(events.back()["outcome"], "rolled-back");
  const std::string bad = "shanghai/v1/Service/sample/out-of-range";
  bool errored = false;
  for (const auto& e : events) {
    if (e["type"] != "apply_errored") continue;
    EXPECT_EQ(e["address"], bad) << e.dump();
    EXPECT_EQ(e["kind"], "Service");
    EXPECT_EQ(e["namespace"], "sample");
    // The server's refusal, naming the object (1.20 refuses the port list as a 500).
    EXPECT_NE(e["error"].get<std::string>().find("Service sample/out-of-range"), std::string::npos)
        << e.dump();
    errored = true;
  }
  EXPECT_TRUE(errored) << apply.out;
  int undone = Count(events, "rollback_complete");
  EXPECT_GT(undone, 0);
  EXPECT_EQ(Count(events, "rollback_errored"), 0) << apply.out;
  EXPECT_EQ(events.back()["undone_steps"], undone);
  // Errors go to stderr as well; the text of the run does not go to stdout.
  EXPECT_NE(apply.err.find("Error: " + bad + ": "), std::string::npos) << apply.err;
  EXPECT_EQ(apply.out.find("Rolling back: undoing"), std::string::npos);  // the terminal's line
  // Every object the run created is undone. What it created inside a namespace it created
  // (shanghai's sample) goes with that namespace: reported undone once the namespace is gone.
  std::map<std::string, size_t> undone_at, completed_at;
  for (size_t i = 0; i < events.size(); ++i) {
    if (events[i]["type"] == "rollback_start")
      undone_at[events[i]["address"].get<std::string>()] = i;
    if (events[i]["type"] == "rollback_complete")
      completed_at[events[i]["address"].get<std::string>()] = i;
  }
  for (const auto& e : events) {
    if (e["type"] == "apply_complete" && e["resource"] == "object") {
      EXPECT_TRUE(completed_at.count(e["address"].get<std::string>()))
          << "not undone: " << e["address"];
    }
  }
  const std::string ns = "shanghai/v1/Namespace/sample";
  ASSERT_TRUE(completed_at.count(ns));
  int contents = 0;
  for (const auto& [address, at] : undone_at) {
    if (address.rfind("shanghai/apps/v1/Deployment/sample/", 0) == 0) {
      EXPECT_GT(at, completed_at[ns]) << address;
      ++contents;
    }
  }
  EXPECT_GT(contents, 0);
  ExpectNoSecret(apply.out, {});
}

}  // namespace
}  // namespace meshform::testing
