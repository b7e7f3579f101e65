// The GitLab pipeline of examples/gitops, run by gitlab-ci-local with its shell executor against
// the local clusters, as a pipeline no one hand-holds: validate and plan (push), apply of the
// saved plan (the manual job), then someone edits a cluster with kubectl and the scheduled
// drift job must fail with the difference in drift.md; plan and apply again, and the drift job
// passes. And actionlint accepts the GitHub workflow and refuses a broken one.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "tests/integration/plan/seed_fixture.h"
#include "tests/support/clusters.h"

namespace meshform::testing {
namespace {

std::string NpmPrefix() {
  const char* prefix = std::getenv("MESHFORM_NPM_PREFIX");
  if (prefix != nullptr && *prefix != '\0') return prefix;
  const char* home = std::getenv("HOME");
  return std::string(home ? home : "/root") + "/.cache/meshform/npm";
}

std::string Quoted(const std::string& s) { return "'" + s + "'"; }

class GitlabPipeline : public SeedTopology {
 protected:
  void SetUp() override {
    SeedTopology::SetUp();
    gitlab_ci_local_ = NpmPrefix() + "/node_modules/.bin/gitlab-ci-local";
    ASSERT_TRUE(std::filesystem::exists(gitlab_ci_local_))
        << gitlab_ci_local_ << " is missing: tools/install-deps --npm installs it";
    WriteFile(dir_ + "/.gitlab-ci.yml",
              ReadFile(std::string(MESHFORM_SOURCE_DIR) + "/examples/gitops/gitlab-ci.yml"));
    auto git = RunCommand("cd " + Quoted(dir_) +
                          " && git init -q -b main && git add topology.yaml .gitlab-ci.yml && "
                          "git -c user.name=meshform -c user.email=ci@meshform.invalid commit "
                          "-q -m topology");
    ASSERT_EQ(git.exit_code, 0) << git.err;
  }

  // gitlab-ci-local in the repository, with meshform on PATH and the harness's kubeconfig.
  CommandResult Pipeline(const std::string& args) {
    return RunCommand("cd " + Quoted(dir_) + " && PATH=" + Quoted(MESHFORM_BINARY_DIR) +
                      ":\"$PATH\" KUBECONFIG=" + Quoted(TestKubeconfig()) + " " + gitlab_ci_local_ +
                      " --no-color " + args + " 2>&1");
  }

  std::string Artifact(const std::string& name) const { return ReadFile(dir_ + "/" + name); }

  std::string gitlab_ci_local_;
};

TEST_F(GitlabPipeline, PlansAppliesTheSavedPlanAndReportsDrift) {
  // A push: validate and plan run, apply waits for a person, drift only runs on a schedule.
  auto push = Pipeline("");
  ASSERT_EQ(push.exit_code, 0) << push.out;
  EXPECT_NE(push.out.find("starting shell (plan)"), std::string::npos) << push.out;
  EXPECT_EQ(push.out.find("starting shell (apply)"), std::string::npos) << push.out;
  EXPECT_EQ(push.out.find("starting shell (drift)"), std::string::npos) << push.out;
  std::string comment = Artifact("plan.md");
  EXPECT_EQ(comment.rfind("<!--", 0), 0u) << comment;
  EXPECT_NE(comment.find(name_), std::string::npos) << comment;
  EXPECT_NE(comment.find("<details>"), std::string::npos) << comment;
  auto saved = nlohmann::json::parse(Artifact("plan.json"));
  EXPECT_EQ(saved.value("mode", ""), "apply");
  EXPECT_FALSE(Changed(saved).empty());

  // The manual apply job applies exactly that saved plan.
  auto apply = Pipeline("apply");
  ASSERT_EQ(apply.exit_code, 0) << apply.out;
  EXPECT_NE(apply.out.find("Apply complete!"), std::string::npos) << apply.out;
  EXPECT_EQ(Plan("--detailed-exitcode").exit_code, 0);

  // No drift yet: the scheduled job passes.
  auto clean = Pipeline("--variable CI_PIPELINE_SOURCE=schedule drift");
  EXPECT_EQ(clean.exit_code, 0) << clean.out;

  // Someone relabels istio-system's network by hand: the drift job fails and says where.
  auto edit = Kubectl("beijing",
                      "label namespace istio-system topology.istio.io/network=elsewhere "
                      "--overwrite");
  ASSERT_EQ(edit.exit_code, 0) << edit.err;
  auto drift = Pipeline("--variable CI_PIPELINE_SOURCE=schedule drift");
  EXPECT_NE(drift.exit_code, 0) << drift.out;
  std::string report = Artifact("drift.md");
  EXPECT_NE(report.find("topology.istio.io/network"), std::string::npos) << report;
  EXPECT_NE(report.find("elsewhere"), std::string::npos) << report;

  // The next push plans the repair; kubectl now owns the label, so the apply job refuses it
  // until someone runs it with --force-conflicts (the documented variable); then drift passes.
  ASSERT_EQ(Pipeline("").exit_code, 0);
  auto refused = Pipeline("apply");
  EXPECT_NE(refused.exit_code, 0) << refused.out;
  EXPECT_NE(refused.out.find("conflict"), std::string::npos) << refused.out;
  auto repair = Pipeline("--variable MESHFORM_APPLY_OPTIONS=--force-conflicts apply");
  ASSERT_EQ(repair.exit_code, 0) << repair.out;
  auto after = Pipeline("--variable CI_PIPELINE_SOURCE=schedule drift");
  EXPECT_EQ(after.exit_code, 0) << after.out;
}

TEST(GithubWorkflow, ActionlintAcceptsTheExampleAndRefusesABrokenOne) {
  std::string lint = std::string(MESHFORM_SOURCE_DIR) + "/tools/actionlint ";
  auto good = RunCommand(lint + MESHFORM_SOURCE_DIR + "/examples/gitops/github-actions.yml");
  EXPECT_EQ(good.exit_code, 0) << good.out << good.err;
  std::string dir = MakeTempDir("meshform-actionlint");
  WriteFile(dir + "/broken.yml",
            "on: push\njobs:\n  plan:\n    runs-on: ubuntu-latest\n    steps:\n"
            "      - run: echo ${{ github.no_such_field }}\n");
  auto bad = RunCommand(lint + dir + "/broken.yml");
  EXPECT_EQ(bad.exit_code, 1) << bad.out << bad.err;
  EXPECT_NE(bad.out.find("no_such_field"), std::string::npos) << bad.out;
}

}  // namespace
}  // namespace meshform::testing
