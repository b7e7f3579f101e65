// meshform: plan and apply multi-cluster Istio service meshes.
#include <spdlog/spdlog.h>

#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "engine/cli/command.h"
#include "engine/util/error.h"
#include "engine/util/logging.h"

namespace {

using meshform::cli::Args;

struct Subcommand {
  const char* name;
  const char* summary;
  std::function<int(const Args&)> run;
};

int RunCompletion(const Args& args);

const std::vector<Subcommand>& Subcommands() {
  static const std::vector<Subcommand> kAll = {
      {"validate", "check a topology file (schema and semantics); no cluster contact",
       meshform::cli::RunValidate},
      {"plan", "show what apply would change in every cluster", meshform::cli::RunPlan},
      {"show", "print a saved plan (text, JSON or a pull-request comment); no cluster contact",
       meshform::cli::RunShow},
      {"apply", "converge the clusters to the topology (or to a saved plan)",
       meshform::cli::RunApply},
      {"destroy", "remove everything meshform manages for the topology", meshform::cli::RunDestroy},
      {"check", "check clusters, permissions (--pre) and the live mesh against the topology",
       meshform::cli::RunCheck},
      {"graph", "print the resource dependency graph as DOT", meshform::cli::RunGraph},
      {"render", "write plain per-cluster manifests", meshform::cli::RunRender},
      {"version", "print the version and the commit it was built from", meshform::cli::RunVersion},
      {"completion", "print a shell completion script (bash)", RunCompletion},
  };
  return kAll;
}

// The completion script covers every subcommand, itself included.
int RunCompletion(const Args& args) {
  std::vector<meshform::cli::CommandEntry> entries;
  for (const auto& c : Subcommands()) entries.push_back({c.name, c.run});
  return meshform::cli::RunCompletion(args, entries);
}

void PrintUsage(std::ostream& out) {
  out << "Usage: meshform [-v | --log-level LEVEL] <command> [options]\n\nCommands:\n";
  for (const auto& c : Subcommands()) {
    out << "  " << c.name << std::string(12 - std::string(c.name).size(), ' ') << c.summary << "\n";
  }
  out << "\nRun 'meshform <command> --help' for a command's options.\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> words(argv + 1, argv + argc);
  std::string level = "warn";
  // Global options may come before or after the subcommand.
  std::vector<std::string> rest;
  for (size_t i = 0; i < words.size(); ++i) {
    const auto& w = words[i];
    if (w == "-v" || w == "--verbose") {
      level = "debug";
    } else if (w == "-vv") {
      level = "trace";
    } else if (w == "--log-level" && i + 1 < words.size()) {
      level = words[++i];
    } else if (w.rfind("--log-level=", 0) == 0) {
      level = w.substr(12);
    } else {
      rest.push_back(w);
    }
  }
  try {
    meshform::SetUpLogging(level);
  } catch (const meshform::Error& e) {
    std::cerr << "meshform: " << e.what() << "\n";
    return 1;
  }
  if (rest.empty() || rest[0] == "--help" || rest[0] == "-h" || rest[0] == "help") {
    PrintUsage(rest.empty() ? std::cerr : std::cout);
    return rest.empty() ? 1 : 0;
  }
  if (rest[0] == "--version") rest[0] = "version";
  for (const auto& c : Subcommands()) {
    if (rest[0] != c.name) continue;
    try {
      return c.run(Args(rest.begin() + 1, rest.end()));
    } catch (const std::exception& e) {
      std::cerr << "Error: " << e.what() << "\n";
      return 1;
    }
  }
  std::cerr << "meshform: unknown command '" << rest[0] << "'\n";
  PrintUsage(std::cerr);
  return 1;
}
