// The subcommands of the meshform binary and the option parsing they share.
#pragma once

#include <boost/program_options.hpp>
#include <functional>
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

// One option a command accepts, as shell completion needs it.
struct OptionInfo {
  std::string long_name;   // "--file"
  std::string short_name;  // "-f", or ""
  bool takes_value = false;
};

// The options `run` (a subcommand's Run function) accepts, read from its own ParseCommand call:
// while describing, ParseCommand records them and returns exit code 0 at once, so the command
// stops before doing anything. Completion is generated from this, so it cannot go stale.
std::vector<OptionInfo> DescribeOptions(const std::function<int(const Args&)>& run);

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

// A subcommand for shell completion: its name and its Run function.
struct CommandEntry {
  std::string name;
  std::function<int(const Args&)> run;
};
// meshform completion bash: a completion script for `commands` (main.cc's table).
int RunCompletion(const Args& args, const std::vector<CommandEntry>& commands);

}  // namespace meshform::cli
