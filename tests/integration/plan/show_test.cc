// `meshform show` of a plan saved by `meshform plan --out` on real clusters: the text and the
// JSON are what plan itself printed (byte for byte, the JSON parsed), the JSON follows
// schemas/plan.schema.json, names the drift someone else made (a field another manager took
// over, an object deleted behind meshform's back) and the pull-request comment reads the same
// plan. show needs no cluster: it runs with an empty KUBECONFIG.
#include <gtest/gtest.h>

#include "tests/integration/plan/seed_fixture.h"
#include "tests/support/json_schema.h"
#include "tests/unit/views/markdown_check.h"

namespace meshform::testing {
namespace {

using nlohmann::json;

class PlanShowTest : public SeedTopology {
 protected:
  // show without any cluster: no kubeconfig at all.
  CommandResult Show(const std::string& args) {
    return RunCommand("KUBECONFIG=/nonexistent NO_COLOR=1 " MESHFORM_BINARY " show " + args);
  }

  // The name of the first object of `kind` the plan has in `cluster`.
  static std::string FirstOf(const json& plan, const std::string& cluster,
                             const std::string& kind) {
    for (const auto& c : plan["changes"]) {
      if (c["cluster"] == cluster && c.value("kind", "") == kind) return c["name"];
    }
    return "";
  }
};

TEST_F(PlanShowTest, ShowPrintsWhatPlanPrintedAndTheJsonNamesTheDrift) {
  ASSERT_EQ(Apply().exit_code, 0);
  std::string role = FirstOf(PlanJson(), "shanghai", "ClusterRole");
  ASSERT_FALSE(role.empty());
  ASSERT_EQ(Kubectl("shanghai", "delete clusterrole " + role).exit_code, 0);
  auto edit = Kubectl("shanghai", "label namespace sample --overwrite istio-injection=disabled");
  ASSERT_EQ(edit.exit_code, 0) << edit.err;

  std::string saved_text = dir_ + "/text-plan.json";
  auto text = Plan("--out " + saved_text);
  ASSERT_EQ(text.exit_code, 0) << text.err;
  std::string saved_line = "\nSaved the plan to " + saved_text + ".";
  auto at = text.out.rfind(saved_line);
  ASSERT_NE(at, std::string::npos) << text.out;
  auto shown = Show(saved_text);
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(shown.out, text.out.substr(0, at)) << "show prints plan's text, without the saved line";

  std::string saved_json = dir_ + "/json-plan.json";
  auto js = Plan("-o json --out " + saved_json);
  ASSERT_EQ(js.exit_code, 0) << js.err;
  json planned = json::parse(js.out);
  auto shown_json = Show(saved_json + " -o json");
  ASSERT_EQ(shown_json.exit_code, 0) << shown_json.err;
  EXPECT_EQ(json::parse(shown_json.out), planned);
  EXPECT_EQ(SchemaViolations("plan.schema.json", planned), std::vector<std::string>{});
  json saved_doc = json::parse(ReadFile(saved_json));
  EXPECT_EQ(SchemaViolations("plan.schema.json", saved_doc), std::vector<std::string>{});

  EXPECT_EQ(planned["format_version"], "1.1");
  EXPECT_EQ(planned["applyable"], true);
  EXPECT_EQ(planned["complete"], true);
  EXPECT_EQ(planned["errored"], false);
  std::map<std::string, std::string> drift;
  for (const auto& d : planned["drift"]) drift[d["address"]] = d["kind"];
  EXPECT_EQ(drift, (std::map<std::string, std::string>{
                       {"shanghai/rbac.authorization.k8s.io/v1/ClusterRole/" + role, "deleted"},
                       {"shanghai/v1/Namespace/sample", "changed"}}))
      << planned["drift"].dump(2);
  for (const auto& c : planned["changes"]) {
    if (c["address"] == "shanghai/v1/Namespace/sample") {
      EXPECT_EQ(c["actions"], json({"update"}));
    }
  }

  auto md = Show(saved_json + " -o markdown");
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_EQ(md.out.substr(0, md.out.find('\n')), "<!-- meshform plan: " + name_ + " -->");
  EXPECT_EQ(MarkdownProblems(md.out, 65000), std::vector<std::string>{}) << md.out;
  EXPECT_NE(md.out.find("| shanghai | 1 | 1 | 0 | 0 |"), std::string::npos) << md.out;
  EXPECT_NE(md.out.find("!       .metadata.labels.istio-injection: \"disabled\" -> \"enabled\""),
            std::string::npos)
      << md.out;
  auto plan_md = Plan("-o markdown");
  ASSERT_EQ(plan_md.exit_code, 0) << plan_md.err;
  EXPECT_EQ(plan_md.out, md.out) << "plan -o markdown and show -o markdown print the same comment";
}

TEST_F(PlanShowTest, ATargetedPlanIsIncomplete) {
  auto planned = PlanJson("--target shanghai/v1/Namespace/sample");
  EXPECT_EQ(planned["complete"], false);
  EXPECT_EQ(planned["applyable"], true);
  EXPECT_EQ(SchemaViolations("plan.schema.json", planned), std::vector<std::string>{});
}

}  // namespace
}  // namespace meshform::testing
