// meshform show PLANFILE: a saved plan (`plan --out`) printed again as text, JSON or a
// pull-request comment, exactly as `plan` printed it, without contacting any cluster.
#include <iostream>

#include "engine/cli/command.h"
#include "engine/cli/plan_output.h"
#include "engine/plan/plan_from_json.h"
#include "engine/plan/saved_plan.h"
#include "engine/util/error.h"

namespace meshform::cli {

int RunShow(const Args& args) {
  po::options_description options;
  options.add_options()("plan", po::value<std::string>()->required(),
                        "the saved plan (meshform plan --out FILE)");
  options.add(PlanOutputOptions());
  po::positional_options_description positional;
  positional.add("plan", 1);
  auto parsed = ParseCommand("show",
                             "PLANFILE [-o text|json|markdown] [--max-bytes N] "
                             "[--out-markdown FILE]",
                             options, args, &positional);
  if (parsed.exit_code) return *parsed.exit_code;
  auto output = PlanOutputFrom(parsed.vars, "show", std::cerr);
  if (!output) return 1;
  std::string path = parsed.vars["plan"].as<std::string>();
  auto document = plan::ReadPlanDocument(path);  // its errors name the file
  plan::Plan p;
  try {
    p = plan::PlanFromJson(document);
  } catch (const std::exception& e) {
    throw Error(WithContext("plan file " + path, e.what()));
  }
  PrintPlan(p, *output, std::cout);
  return 0;
}

}  // namespace meshform::cli
