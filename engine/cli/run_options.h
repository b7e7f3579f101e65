// The options that apply and destroy share (-auto-approve, --no-rollback, --wait-timeout, the
// lock's lease and wait, --skip-preflight, -json) and the apply::RunOptions they turn into.
#pragma once

#include <string>

#include "engine/apply/run.h"
#include "engine/cli/command.h"

namespace meshform::cli {

// `title` names the group in --help ("Apply", "Destroy"); `rollback_help` and `wait_help` say
// what --no-rollback leaves and what --wait-timeout waits for in that command.
po::options_description RunFlags(const std::string& title, const std::string& rollback_help,
                                 const std::string& wait_help);

// With -json a run cannot ask for confirmation: true, with the reason on stderr, when neither
// -auto-approve nor a saved plan (`saved`) approves it.
bool RefusedWithoutApproval(const po::variables_map& vars, const std::string& command, bool saved);

// From the parsed RunFlags and ClusterOptions (and --force-conflicts where the command has it).
apply::RunOptions RunOptionsFrom(const po::variables_map& vars);

}  // namespace meshform::cli
