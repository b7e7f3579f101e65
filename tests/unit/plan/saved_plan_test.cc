// A saved plan stays the plan that was shown while only the server and the controllers write to
// its objects (an HPA's status, every 15 s), and becomes stale at any edit; digests of Secrets'
// content never reach the plan file.
#include "engine/plan/saved_plan.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/ssa/editable_content.h"
#include "resources/resource.h"

namespace meshform::plan {
namespace {

using nlohmann::json;

json LiveHpa(const std::string& resource_version, int max_replicas, int current) {
  return {{"apiVersion", "autoscaling/v2beta1"},
          {"kind", "HorizontalPodAutoscaler"},
          {"metadata",
           {{"name", "istiod"},
            {"namespace", "istio-system"},
            {"uid", "u-1"},
            {"resourceVersion", resource_version},
            {"managedFields",
             json::array({{{"manager", "kube-controller-manager"},
                           {"operation", "Update"},
                           {"time", "2026-12-07T13:00:" + resource_version + "Z"}}})}}},
          {"spec", {{"maxReplicas", max_replicas}, {"minReplicas", 1}}},
          {"status", {{"currentReplicas", current}}}};
}

Change ChangeOf(const json& live, const std::string& kind = "HorizontalPodAutoscaler") {
  json desired = live;
  desired["kind"] = kind;
  desired.erase("status");
  Change c;
  c.address = "beijing/" + kind + "/istio-system/istiod";
  c.cluster = "beijing";
  c.action = Action::kUpdate;
  c.resource = resources::MakeObject("beijing", desired, "mesh", {});
  c.live = live;
  c.planned_resource_version = live["metadata"]["resourceVersion"];
  c.planned_uid = live["metadata"]["uid"];
  c.planned_content_digest = ssa::EditableContentDigest(live);
  return c;
}

Plan PlanOf(Change c) {
  Plan p;
  p.topology_name = "mesh";
  p.topology_hash = "sha256:t";
  p.changes.push_back(std::move(c));
  return p;
}

TEST(StalePlan, StatusOnlyMoveKeepsThePlan) {
  SavedPlan saved = SavedPlanOf(PlanOf(ChangeOf(LiveHpa("10", 5, 1))), "mesh.yaml");
  EXPECT_TRUE(StalePlanProblems(saved, PlanOf(ChangeOf(LiveHpa("11", 5, 2)))).empty());
}

TEST(StalePlan, AnEditMakesItStaleNamingTheObject) {
  SavedPlan saved = SavedPlanOf(PlanOf(ChangeOf(LiveHpa("10", 5, 1))), "mesh.yaml");
  auto problems = StalePlanProblems(saved, PlanOf(ChangeOf(LiveHpa("11", 7, 1))));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("beijing/HorizontalPodAutoscaler/istio-system/istiod"),
            std::string::npos);
  EXPECT_NE(problems[0].find("resourceVersion 10 -> 11"), std::string::npos);
}

TEST(StalePlan, ADeletedAndRecreatedObjectIsStaleEvenWithTheSameContent) {
  SavedPlan saved = SavedPlanOf(PlanOf(ChangeOf(LiveHpa("10", 5, 1))), "mesh.yaml");
  json again = LiveHpa("12", 5, 1);
  again["metadata"]["uid"] = "u-2";
  EXPECT_EQ(StalePlanProblems(saved, PlanOf(ChangeOf(again))).size(), 1u);
}

class SavedPlanFile : public ::testing::Test {
 protected:
  std::string path_ = (std::filesystem::temp_directory_path() /
                       ("meshform-saved-plan-" + std::to_string(::getpid()) + ".json"))
                          .string();
  void TearDown() override { std::filesystem::remove(path_); }
  std::string Text() const {
    std::ifstream in(path_);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
};

TEST_F(SavedPlanFile, RecordsTheDigestAndKeepsAStatusOnlyMove) {
  WriteSavedPlan(PlanOf(ChangeOf(LiveHpa("10", 5, 1))), "mesh.yaml", path_);
  EXPECT_NE(Text().find(ssa::EditableContentDigest(LiveHpa("10", 5, 1))), std::string::npos);
  SavedPlan saved = ReadSavedPlan(path_);
  EXPECT_TRUE(StalePlanProblems(saved, PlanOf(ChangeOf(LiveHpa("11", 5, 3)))).empty());
}

TEST_F(SavedPlanFile, NoDigestOfASecretSoAnyMoveOfItIsStale) {
  json secret = {{"apiVersion", "v1"},
                 {"kind", "Secret"},
                 {"metadata",
                  {{"name", "istiod"},
                   {"namespace", "istio-system"},
                   {"uid", "u-1"},
                   {"resourceVersion", "10"}}},
                 {"data", {{"key", "c2VjcmV0"}}}};
  WriteSavedPlan(PlanOf(ChangeOf(secret, "Secret")), "mesh.yaml", path_);
  EXPECT_EQ(Text().find("planned_content_digest"), std::string::npos);
  EXPECT_EQ(Text().find(ssa::EditableContentDigest(secret)), std::string::npos);
  secret["metadata"]["resourceVersion"] = "11";
  EXPECT_EQ(StalePlanProblems(ReadSavedPlan(path_), PlanOf(ChangeOf(secret, "Secret"))).size(), 1u);
}

}  // namespace
}  // namespace meshform::plan
