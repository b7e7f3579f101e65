// The meshform binary's command line: subcommands, --help, exit codes, unknown input; `check`
// against clusters that do not answer (a port on 127.0.0.1 nobody listens on).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/commands.h"
#include "tests/support/json_schema.h"
#include "tests/support/topology_gen.h"

namespace {

struct Run {
  int exit_code;
  std::string output;  // stdout and stderr together
};

Run Meshform(const std::string& args) {
  std::string cmd = std::string(MESHFORM_BINARY) + " " + args + " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  Run r{-1, ""};
  if (pipe == nullptr) return r;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.output.append(buf.data(), n);
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

TEST(Cli, TopLevelHelpListsEverySubcommand) {
  auto r = Meshform("--help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* name : {"validate", "plan", "show", "apply", "destroy", "check", "graph",
                           "render", "version", "completion"}) {
    EXPECT_NE(r.output.find(std::string("  ") + name), std::string::npos) << name;
  }
}

TEST(Cli, NoArgumentsIsAnError) { EXPECT_EQ(Meshform("").exit_code, 1); }

TEST(Cli, UnknownCommandIsNamed) {
  auto r = Meshform("frobnicate");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("unknown command 'frobnicate'"), std::string::npos) << r.output;
}

TEST(Cli, EverySubcommandHasHelp) {
  for (const char* name : {"validate", "plan", "show", "apply", "destroy", "check", "graph",
                           "render", "version", "completion"}) {
    auto r = Meshform(std::string(name) + " --help");
    EXPECT_EQ(r.exit_code, 0) << name << ": " << r.output;
    EXPECT_NE(r.output.find(std::string("Usage: meshform ") + name), std::string::npos) << r.output;
  }
}

TEST(Cli, MissingRequiredOptionIsReported) {
  auto r = Meshform("plan");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("--file"), std::string::npos) << r.output;
}

TEST(Cli, UnknownOptionIsReported) {
  auto r = Meshform("version --bogus");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("bogus"), std::string::npos) << r.output;
}

TEST(Cli, VersionPrintsTheProjectVersion) {
  auto r = Meshform("version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.output.rfind(std::string("meshform ") + MESHFORM_VERSION + " (commit ", 0), 0u)
      << r.output;
}

TEST(Cli, BadLogLevelIsRejected) {
  auto r = Meshform("--log-level loud version");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("unknown log level 'loud'"), std::string::npos) << r.output;
}

// A kubeconfig whose contexts one, two and three point at a closed port.
std::string DeadKubeconfig(const std::string& dir) {
  std::string y = "apiVersion: v1\nkind: Config\nclusters:\n";
  for (const char* c : {"one", "two", "three"})
    y += std::string("- name: ") + c + "\n  cluster: {server: 'https://127.0.0.1:1'}\n";
  y += "users:\n- name: u\n  user: {token: not-a-real-token}\ncontexts:\n";
  for (const char* c : {"one", "two", "three"})
    y += std::string("- name: ") + c + "\n  context: {cluster: " + c + ", user: u}\n";
  std::string path = dir + "/kubeconfig";
  meshform::testing::WriteFile(path, y);
  return path;
}

TEST(Cli, CheckNamesEveryUnreachableClusterWithAHint) {
  std::string dir = meshform::testing::MakeTempDir("meshform-check");
  std::string kubeconfig = DeadKubeconfig(dir);
  meshform::testing::WriteFile(
      dir + "/t.yaml", meshform::testing::GeneratedTopology("dead", 1, {"one", "two", "three"}));
  auto r = Meshform("check --pre -f " + dir + "/t.yaml --kubeconfig " + kubeconfig);
  EXPECT_EQ(r.exit_code, 1) << r.output;
  for (const char* c : {"one", "two", "three"}) {
    EXPECT_NE(r.output.find(std::string("\u00d7 ") + c + ": "), std::string::npos) << r.output;
  }
  EXPECT_NE(r.output.find("hint: check that the API server at https://127.0.0.1:1 runs"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("not checked: a plan needs every cluster"), std::string::npos)
      << r.output;
  EXPECT_EQ(r.output.find("not-a-real-token"), std::string::npos) << "a credential was printed";

  auto json =
      Meshform("check -o json -f " + dir + "/t.yaml --kubeconfig " + kubeconfig + " --cluster two");
  EXPECT_EQ(json.exit_code, 1);
  EXPECT_NE(json.output.find("\"kind\": \"verification\""), std::string::npos) << json.output;
  EXPECT_EQ(json.output.find("\"cluster\": \"one\""), std::string::npos) << json.output;
  EXPECT_NE(json.output.find("\"cluster\": \"two\""), std::string::npos) << json.output;
}

// A renderer that hangs past mesh.renderer.timeoutSeconds is a failed "topology" check, named,
// in text and in JSON; no cluster is contacted (the kubeconfig's server does not answer).
TEST(Cli, CheckReportsARendererThatHangsAsAFailedCheck) {
  std::string dir = meshform::testing::MakeTempDir("meshform-check");
  std::string kubeconfig = DeadKubeconfig(dir);
  meshform::testing::WriteFile(dir + "/hang.sh", "#!/bin/sh\nsleep 30\n");
  ASSERT_EQ(std::system(("chmod +x " + dir + "/hang.sh").c_str()), 0);
  std::string topology = meshform::testing::GeneratedTopology("hang", 1, {"one", "two", "three"});
  auto at = topology.find("  renderer: {command: [");
  ASSERT_NE(at, std::string::npos);
  topology.replace(at, topology.find('\n', at) - at,
                   "  renderer: {command: [" + dir + "/hang.sh], timeoutSeconds: 1}");
  meshform::testing::WriteFile(dir + "/t.yaml", topology);
  auto text = Meshform("check -f " + dir + "/t.yaml --kubeconfig " + kubeconfig);
  EXPECT_EQ(text.exit_code, 1) << text.output;
  EXPECT_NE(text.output.find("topology\n"), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("the topology does not compile"), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("hang.sh"), std::string::npos) << text.output;
  auto json = Meshform("check --pre -o json -f " + dir + "/t.yaml --kubeconfig " + kubeconfig);
  EXPECT_EQ(json.exit_code, 1) << json.output;
  EXPECT_NE(json.output.find("\"name\": \"topology\""), std::string::npos) << json.output;
  EXPECT_NE(json.output.find("\"result\": \"fail\""), std::string::npos) << json.output;
}

TEST(Cli, APlanJsonThatCouldNotBeMadeSaysItErrored) {
  std::string dir = meshform::testing::MakeTempDir("meshform-plan");
  std::string kubeconfig = DeadKubeconfig(dir);
  meshform::testing::WriteFile(
      dir + "/t.yaml", meshform::testing::GeneratedTopology("dead", 1, {"one", "two", "three"}));
  auto r = meshform::testing::RunCommand(std::string(MESHFORM_BINARY) + " plan -o json -f " + dir +
                                         "/t.yaml --kubeconfig " + kubeconfig);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto doc = nlohmann::json::parse(r.out);  // stdout is still a plan document
  EXPECT_EQ(meshform::testing::SchemaViolations("plan.schema.json", doc),
            std::vector<std::string>{});
  EXPECT_EQ(doc["errored"], true);
  EXPECT_EQ(doc["applyable"], false);
  EXPECT_EQ(doc["complete"], false);
  EXPECT_EQ(doc["changes"], nlohmann::json::array());
  ASSERT_FALSE(doc["errors"].empty());
  EXPECT_NE(doc["errors"].dump().find("127.0.0.1:1"), std::string::npos) << doc.dump(2);
  EXPECT_NE(r.err.find("127.0.0.1:1"), std::string::npos) << "stderr says it too";
  EXPECT_EQ((r.out + r.err).find("not-a-real-token"), std::string::npos);
}

TEST(Cli, CheckRejectsAnUnknownClusterAndABadWait) {
  std::string dir = meshform::testing::MakeTempDir("meshform-check");
  meshform::testing::WriteFile(
      dir + "/t.yaml", meshform::testing::GeneratedTopology("dead", 1, {"one", "two", "three"}));
  auto unknown = Meshform("check -f " + dir + "/t.yaml --cluster four");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.output.find("--cluster four: the topology has no such cluster"),
            std::string::npos)
      << unknown.output;
  auto wait = Meshform("check -f " + dir + "/t.yaml --wait soon");
  EXPECT_EQ(wait.exit_code, 1);
  EXPECT_NE(wait.output.find("--wait takes a duration"), std::string::npos) << wait.output;
}

}  // namespace

// With -json nothing can ask for confirmation: refused before the topology file is even read
// (it does not exist here), with the reason on stderr and a stream of two events on stdout.
TEST(Cli, ApplyAndDestroyJsonWithoutApprovalAreRefusedBeforeReadingAnything) {
  for (const char* command : {"apply -json", "destroy --json"}) {
    auto r = meshform::testing::RunCommand(std::string(MESHFORM_BINARY) + " " + command +
                                           " -f /nonexistent/topology.yaml");
    EXPECT_EQ(r.exit_code, 1) << command;
    EXPECT_NE(r.err.find("-json cannot ask for confirmation: give -auto-approve"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(r.err.find("nonexistent"), std::string::npos) << r.err;
    std::vector<nlohmann::json> lines;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    ASSERT_EQ(lines.size(), 2u) << r.out;
    EXPECT_EQ(lines[0]["type"], "version");
    EXPECT_EQ(lines[1]["type"], "change_summary");
    EXPECT_EQ(lines[1]["outcome"], "failed");
    EXPECT_EQ(lines[1]["exit_code"], 1);
    for (const auto& e : lines) {
      EXPECT_TRUE(meshform::testing::SchemaViolations("apply-events.schema.json", e).empty())
          << e.dump();
    }
  }
}
