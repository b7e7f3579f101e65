// The subcommands of the meshform binary and the option parsing they share.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

namespace meshform::cli {

namespace po = boost::program_options;

using Args = std::vector<std::string>;

// Parses `args` (the words after the subcommand) against `options`, plus --help.
// Returns the parsed map, or an exit code when parsing failed (1) or --help was printed (0).
struct Parsed {
  po::variables_map vars;
  std::optional<int> exit_code;
};
Parsed ParseCommand(const std::string& name, const std::string& usage,
                    po::options_description options, const Args& args,
                    const po::positional_options_description* positional = nullptr);

// Option sets shared by several subcommands.
po::options_description TopologyOptions();  // -f/--file
po::options_description ClusterOptions();   // --kubeconfig, --parallelism

int RunValidate(const Args& args);
int RunPlan(const Args& args);
int RunShow(const Args& args);
int RunApply(const Args& args);
int RunDestroy(const Args& args);
int RunGraph(const Args& args);
int RunRender(const Args& args);
int RunCheck(const Args& args);
int RunVersion(const Args& args);

}  // namespace meshform::cli
