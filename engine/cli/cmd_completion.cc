// meshform completion bash: a bash completion script for the subcommands and their options,
// generated from the options each subcommand really parses (DescribeOptions), so it cannot go
// stale. An option that takes a value completes file names (bash's default).
#include <iostream>
#include <sstream>

#include "engine/cli/command.h"

namespace meshform::cli {

namespace {

std::string Words(const std::vector<OptionInfo>& options, bool only_with_value) {
  std::string out;
  for (const auto& o : options) {
    if (only_with_value && !o.takes_value) continue;
    out += (out.empty() ? "" : " ") + o.long_name;
    if (!o.short_name.empty()) out += " " + o.short_name;
  }
  return out;
}

std::string BashCompletion(const std::vector<CommandEntry>& commands) {
  std::ostringstream s;
  std::string names;
  for (const auto& c : commands) names += c.name + " ";
  s << "# bash completion for meshform " << MESHFORM_VERSION
    << ", written by `meshform completion bash`.\n"
       "# Load it with: source <(meshform completion bash)\n"
       "_meshform() {\n"
       "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
       "  local command=\"\" i\n"
       "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
       "    case \"${COMP_WORDS[i]}\" in\n"
       "      --log-level) ((i++)) ;;\n"
       "      -*) ;;\n"
       "      *) command=\"${COMP_WORDS[i]}\"; break ;;\n"
       "    esac\n"
       "  done\n"
       "  local flags values\n"
       "  case \"$command\" in\n"
       "    \"\")\n"
       "      [[ \"$prev\" == --log-level ]] && return\n"
       "      COMPREPLY=($(compgen -W \""
    << names
    << "--help -h --version -v --verbose -vv --log-level\" -- \"$cur\"))\n"
       "      return ;;\n";
  for (const auto& c : commands) {
    auto options = DescribeOptions(c.run);
    s << "    " << c.name << ")\n      flags=\"" << Words(options, false) << "\"\n      values=\""
      << Words(options, true) << "\" ;;\n";
  }
  s << "    *) return ;;\n"
       "  esac\n"
       "  # The value of an option: bash's default completion (file names).\n"
       "  case \" $values \" in *\" $prev \"*) [[ -n \"$prev\" ]] && return ;; esac\n"
       "  COMPREPLY=($(compgen -W \"$flags\" -- \"$cur\"))\n"
       "}\n"
       "complete -o default -F _meshform meshform\n";
  return s.str();
}

}  // namespace

int RunCompletion(const Args& args, const std::vector<CommandEntry>& commands) {
  po::options_description own("Completion");
  own.add_options()("shell", po::value<std::string>()->required(), "the shell: bash");
  po::positional_options_description positional;
  positional.add("shell", 1);
  auto parsed = ParseCommand("completion", "bash", own, args, &positional);
  if (parsed.exit_code) return *parsed.exit_code;
  std::string shell = parsed.vars["shell"].as<std::string>();
  if (shell != "bash") {
    std::cerr << "meshform completion: unsupported shell '" << shell << "' (supported: bash)\n";
    return 1;
  }
  std::cout << BashCompletion(commands);
  return 0;
}

}  // namespace meshform::cli
