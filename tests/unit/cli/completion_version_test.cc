// meshform completion bash: every subcommand and its real options (a few known ones checked),
// valid bash that completes subcommands and flags when sourced; meshform version -o json: the
// version and the commit, the same as the text form says.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/commands.h"

namespace meshform::testing {
namespace {

CommandResult MeshformRun(const std::string& args) {
  return RunCommand(std::string(MESHFORM_BINARY) + " " + args);
}

// What the sourced script offers for the words of a command line (the last one being completed).
std::string Complete(const std::string& script_path, const std::string& words) {
  auto r = RunCommand("bash -c 'source " + script_path + "; COMP_WORDS=(" + words +
                      "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _meshform; "
                      "echo \"${COMPREPLY[*]}\"'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

TEST(Completion, CoversEveryCommandAndItsOptions) {
  auto r = MeshformRun("completion bash");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* command : {"validate", "plan", "apply", "destroy", "check", "graph", "render",
                              "version", "completion"}) {
    EXPECT_NE(r.out.find(std::string("    ") + command + ")\n"), std::string::npos) << command;
  }
  for (const char* flag :
       {"--detailed-exitcode", "--auto-approve", "--no-rollback", "--target", "--gitops-repo-url",
        "--pre", "--kubeconfig", "--parallelism", " -f ", " -o ", "--help"}) {
    EXPECT_NE(r.out.find(flag), std::string::npos) << flag;
  }
  EXPECT_NE(r.out.find("complete -o default -F _meshform meshform"), std::string::npos);
  auto fish = MeshformRun("completion fish");  // only bash is supported
  EXPECT_EQ(fish.exit_code, 1);
  EXPECT_NE(fish.err.find("unsupported shell 'fish'"), std::string::npos) << fish.err;
}

TEST(Completion, SourcedScriptCompletesCommandsAndFlags) {
  std::string dir = MakeTempDir("meshform-completion");
  std::string script = dir + "/meshform";
  WriteFile(script, MeshformRun("completion bash").out);
  EXPECT_EQ(RunCommand("bash -n " + script).exit_code, 0);
  EXPECT_EQ(Complete(script, "meshform pl"), "plan\n");
  EXPECT_EQ(Complete(script, "meshform -v ren"), "render\n");
  std::string render = Complete(script, "meshform render --gitops-r");
  EXPECT_EQ(render, "--gitops-repo-url --gitops-revision\n");
  EXPECT_EQ(Complete(script, "meshform apply --no-r"), "--no-rollback\n");
  // The value of an option is left to bash's file name completion.
  EXPECT_EQ(Complete(script, "meshform plan -f top"), "\n");
}

TEST(Version, JsonHoldsTheVersionAndTheCommitTheTextNames) {
  auto text = MeshformRun("version");
  auto js = MeshformRun("version -o json");
  ASSERT_EQ(js.exit_code, 0) << js.err;
  auto doc = nlohmann::json::parse(js.out);
  EXPECT_EQ(doc.size(), 2u);
  EXPECT_EQ(doc.at("version"), MESHFORM_VERSION);
  std::string commit = doc.at("commit");
  EXPECT_FALSE(commit.empty());
  EXPECT_EQ(text.out, std::string("meshform ") + MESHFORM_VERSION + " (commit " + commit + ")\n");
  EXPECT_EQ(MeshformRun("version -o yaml").exit_code, 1);
}

}  // namespace
}  // namespace meshform::testing
