#include "engine/cli/command.h"

#include <iostream>

namespace meshform::cli {

namespace {

// Where ParseCommand records a command's options while DescribeOptions runs it; null otherwise.
thread_local std::vector<OptionInfo>* t_describing = nullptr;

void Record(const po::options_description& options, std::vector<OptionInfo>& out) {
  for (const auto& o : options.options()) {
    OptionInfo info;
    info.long_name = "--" + o->long_name();
    std::string short_name =
        o->canonical_display_name(po::command_line_style::allow_dash_for_short);
    if (short_name.size() == 2 && short_name[0] == '-') info.short_name = short_name;
    info.takes_value = o->semantic()->max_tokens() > 0;
    out.push_back(info);
  }
}

// Terraform's habit: long options with one dash (-auto-approve, -out plan.json). A word of
// more than one letter after a single dash that names a long option gets its second dash.
Args WithTerraformDashes(const Args& args, const po::options_description& options) {
  Args out;
  for (const auto& a : args) {
    bool single = a.size() > 2 && a[0] == '-' && a[1] != '-';
    std::string word = single ? a.substr(1, a.find('=') - 1) : "";
    bool known =
        single && options.find_nothrow(word, false, true, true) != nullptr && word.size() > 1;
    out.push_back(known ? "-" + a : a);
  }
  return out;
}

}  // namespace

Parsed ParseCommand(const std::string& name, const std::string& usage,
                    po::options_description options, const Args& args,
                    const po::positional_options_description* positional) {
  options.add_options()("help,h", "show this help");
  Parsed parsed;
  if (t_describing != nullptr) {
    Record(options, *t_describing);
    parsed.exit_code = 0;
    return parsed;
  }
  try {
    auto parser = po::command_line_parser(WithTerraformDashes(args, options)).options(options);
    if (positional != nullptr) parser.positional(*positional);
    po::store(parser.run(), parsed.vars);
    if (parsed.vars.count("help")) {
      std::cout << "Usage: meshform " << name << " " << usage << "\n\n" << options << "\n";
      parsed.exit_code = 0;
      return parsed;
    }
    po::notify(parsed.vars);
  } catch (const po::error& e) {
    std::cerr << "meshform " << name << ": " << e.what() << "\n"
              << "Run 'meshform " << name << " --help' for usage.\n";
    parsed.exit_code = 1;
  }
  return parsed;
}

std::vector<OptionInfo> DescribeOptions(const std::function<int(const Args&)>& run) {
  std::vector<OptionInfo> out;
  t_describing = &out;
  try {
    run({});
  } catch (...) {
    t_describing = nullptr;
    throw;
  }
  t_describing = nullptr;
  return out;
}

po::options_description TopologyOptions() {
  po::options_description o("Topology");
  o.add_options()("file,f", po::value<std::string>()->required(), "the topology file");
  return o;
}

po::options_description ClusterOptions() {
  po::options_description o("Clusters");
  o.add_options()("kubeconfig", po::value<std::string>(),
                  "kubeconfig file (default: $KUBECONFIG, else ~/.kube/config)")(
      "parallelism", po::value<int>()->default_value(32), "how many changes run at once");
  return o;
}

}  // namespace meshform::cli
