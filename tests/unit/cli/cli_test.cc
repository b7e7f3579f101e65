// The meshform binary's command line: subcommands, --help, exit codes, unknown input.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <memory>
#include <string>

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
  for (const char* name : {"validate", "plan", "apply", "destroy", "graph", "render", "version"}) {
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
  for (const char* name : {"validate", "plan", "apply", "destroy", "graph", "render", "version"}) {
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
  EXPECT_EQ(r.output, std::string("meshform ") + MESHFORM_VERSION + "\n");
}

TEST(Cli, BadLogLevelIsRejected) {
  auto r = Meshform("--log-level loud version");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("unknown log level 'loud'"), std::string::npos) << r.output;
}

}  // namespace
