// meshform plan against real local clusters: what it shows on empty clusters, after an apply,
// after out-of-band edits, when the topology drops a workload, when an object it does not own is
// in the way, and when another field manager owns a field.
#include <gtest/gtest.h>

#include "tests/integration/plan/seed_fixture.h"
#include "tests/support/clusters.h"

namespace meshform::testing {
namespace {

using nlohmann::json;

class PlanTest : public SeedTopology {};

TEST_F(PlanTest, EmptyClustersPlanEveryObjectAsCreate) {
  json plan = PlanJson();
  int objects = 0;
  for (const auto& c : plan["changes"]) {
    if (c["type"] != "object") continue;
    ++objects;
    EXPECT_EQ(c["action"], "create") << c["address"];
  }
  EXPECT_GT(objects, 40);
  EXPECT_EQ(plan["summary"]["add"], objects);
  EXPECT_EQ(Plan("--detailed-exitcode").exit_code, 2);
}

TEST_F(PlanTest, AfterApplyThereAreNoChanges) {
  auto apply = Apply();
  ASSERT_EQ(apply.exit_code, 0) << apply.out << apply.err;
  auto plan = Plan("--detailed-exitcode");
  EXPECT_EQ(plan.exit_code, 0) << plan.out << plan.err;
  EXPECT_NE(plan.out.find("No changes."), std::string::npos) << plan.out;
}

TEST_F(PlanTest, AnOutOfBandEditShowsExactlyThatDrift) {
  ASSERT_EQ(Apply().exit_code, 0);
  auto edit = Kubectl("shanghai", "label namespace sample --overwrite istio-injection=disabled");
  ASSERT_EQ(edit.exit_code, 0) << edit.err;
  auto changed = Changed(PlanJson());
  ASSERT_EQ(changed.size(), 1u) << json(changed).dump(2);
  EXPECT_EQ(changed[0]["address"], "shanghai/v1/Namespace/sample");
  EXPECT_EQ(changed[0]["action"], "update");
  ASSERT_EQ(changed[0]["fields"].size(), 1u);
  EXPECT_EQ(changed[0]["fields"][0]["path"], ".metadata.labels.istio-injection");
  EXPECT_EQ(changed[0]["fields"][0]["before"], "disabled");
  EXPECT_EQ(changed[0]["fields"][0]["after"], "enabled");
  auto text = Plan();
  EXPECT_NE(text.out.find("~ .metadata.labels.istio-injection: \"disabled\" -> \"enabled\""),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("Plan: 0 to add, 1 to change, 0 to destroy."), std::string::npos);
}

TEST_F(PlanTest, AWorkloadRemovedFromTheTopologyIsPlannedForDeletion) {
  ASSERT_EQ(Apply().exit_code, 0);
  std::string text = SeedText();
  auto at = text.find("  - name: sleep");
  ASSERT_NE(at, std::string::npos);
  Write(text.substr(0, at));
  auto changed = Changed(PlanJson());
  int deletes = 0;
  for (const auto& c : changed) {
    std::string address = c["address"];
    if (c["action"] == "delete") {
      ++deletes;
      EXPECT_NE(address.find("sleep"), std::string::npos) << address;
      EXPECT_EQ(c["reason"], "no longer in the topology");
    } else {
      // Only the inventory itself changes besides the deletions.
      EXPECT_NE(address.find("meshform-inventory"), std::string::npos) << address;
    }
  }
  EXPECT_GE(deletes, 1);
}

// A CRD and its custom resource dropped from the topology together: the apply that prunes them
// deletes the custom resource first (before, with no order, the CRD could go first and take the
// custom resource's kind with it). One step at a time, so the journal's order is the order of
// the deletes.
TEST_F(PlanTest, APrunedCrdIsDeletedAfterItsCustomResources) {
  const std::string manifests = R"(
manifests:
  - cluster: beijing
    documents:
      - apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.prune.meshform.test}
        spec:
          group: prune.meshform.test
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget}
          versions:
            - name: v1
              served: true
              storage: true
              schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
      - apiVersion: prune.meshform.test/v1
        kind: Widget
        metadata: {name: w1, namespace: default}
        spec: {size: 1}
)";
  Write(SeedText() + manifests);
  auto first = Apply();
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  Write(SeedText());
  const std::string crd =
      "beijing/apiextensions.k8s.io/v1/CustomResourceDefinition/widgets.prune.meshform.test";
  const std::string cr = "beijing/prune.meshform.test/v1/Widget/default/w1";
  bool planned = false;
  for (const auto& c : Changed(PlanJson())) {
    if (c["address"] != cr) continue;
    planned = true;
    EXPECT_EQ(c["action"], "delete");
    EXPECT_NE(c["depends_on"].dump().find(crd), std::string::npos) << c.dump();
  }
  EXPECT_TRUE(planned);
  auto second = Apply("--parallelism 1");
  ASSERT_EQ(second.exit_code, 0) << second.out << second.err;
  std::string journal = ReadFile(".meshform/journal-" + name_ + ".json");
  auto cr_at = journal.find("\"what\":\"" + cr + "\"");
  auto crd_at = journal.find("\"what\":\"" + crd + "\"");
  ASSERT_NE(cr_at, std::string::npos) << journal;
  ASSERT_NE(crd_at, std::string::npos) << journal;
  EXPECT_LT(cr_at, crd_at) << "the CRD was deleted before its custom resource";
  auto after = Plan("--detailed-exitcode");
  EXPECT_EQ(after.exit_code, 0) << after.out << after.err;
}

TEST_F(PlanTest, AnObjectMeshformDoesNotOwnIsAnErrorUnlessAdopted) {
  ASSERT_EQ(Kubectl("beijing", "create namespace sample").exit_code, 0);
  auto plan = Plan();
  EXPECT_EQ(plan.exit_code, 1);
  EXPECT_NE(plan.err.find("beijing/v1/Namespace/sample: exists but is not managed by meshform"),
            std::string::npos)
      << plan.err;
  EXPECT_NE(plan.err.find("--adopt"), std::string::npos);
  json adopted = PlanJson("--adopt");
  bool found = false;
  for (const auto& c : adopted["changes"]) {
    if (c["address"] == "beijing/v1/Namespace/sample") {
      found = true;
      EXPECT_EQ(c["action"], "update");
      EXPECT_NE(std::string(c["reason"]).find("adopted"), std::string::npos);
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(Kubectl("beijing", "delete namespace sample --timeout=60s").exit_code, 0);
}

// A saved plan is applied with the options it was made with: an --adopt plan adopts, a --target
// plan touches only its targets, and a saved destroy plan cleans up meshform's state as
// `meshform destroy` does (before, the first two were refused as stale and the third left the
// meshform-system namespace behind).
TEST_F(PlanTest, SavedAdoptTargetAndDestroyPlansApplyAsPlanned) {
  ASSERT_EQ(Kubectl("beijing", "create namespace sample").exit_code, 0);
  std::string adopt = dir_ + "/adopt.plan.json";
  auto planned = Plan("--adopt -out " + adopt);
  ASSERT_EQ(planned.exit_code, 0) << planned.err;
  auto applied = Meshform("apply " + adopt);
  ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;
  auto refused = Meshform("apply " + adopt + " --adopt");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("a saved plan is applied with the options it was made with"),
            std::string::npos)
      << refused.err;

  ASSERT_EQ(
      Kubectl("shanghai", "label namespace sample --overwrite istio-injection=disabled").exit_code,
      0);
  ASSERT_EQ(
      Kubectl("beijing", "label namespace sample --overwrite istio-injection=disabled").exit_code,
      0);
  std::string target = dir_ + "/target.plan.json";
  planned = Plan("--target shanghai/v1/Namespace/sample -out " + target);
  ASSERT_EQ(planned.exit_code, 0) << planned.err;
  applied = Meshform("apply " + target + " --force-conflicts");  // kubectl-label owns it now
  ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;
  EXPECT_EQ(
      Kubectl("shanghai", "get namespace sample -o jsonpath={.metadata.labels.istio-injection}")
          .out,
      "enabled");
  EXPECT_EQ(
      Kubectl("beijing", "get namespace sample -o jsonpath={.metadata.labels.istio-injection}").out,
      "disabled");  // not a target: untouched

  std::string destroy = dir_ + "/destroy.plan.json";
  planned = Plan("--destroy -out " + destroy);
  ASSERT_EQ(planned.exit_code, 0) << planned.err;
  applied = Meshform("apply " + destroy);
  ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;
  EXPECT_NE(Kubectl("beijing", "get namespace meshform-system").exit_code, 0)
      << "the state namespace was left behind";
}

TEST_F(PlanTest, AnotherFieldManagersConflictIsShown) {
  ASSERT_EQ(Apply().exit_code, 0);
  std::string manifest =
      "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: sample\n  labels:\n"
      "    istio-injection: disabled\n";
  auto r = Kubectl("beijing", "apply --server-side --field-manager=intruder --force-conflicts -f -",
                   manifest);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto changed = Changed(PlanJson());
  ASSERT_EQ(changed.size(), 1u);
  ASSERT_EQ(changed[0]["conflicts"].size(), 1u) << changed[0].dump(2);
  EXPECT_EQ(changed[0]["conflicts"][0]["manager"], "intruder");
  EXPECT_EQ(changed[0]["conflicts"][0]["path"], ".metadata.labels.istio-injection");
  EXPECT_NE(Plan().out.find("is owned by field manager \"intruder\""), std::string::npos);
}

}  // namespace
}  // namespace meshform::testing
