#include "engine/cli/views/prompt.h"

#include <unistd.h>

#include <cctype>
#include <iostream>

namespace meshform::cli {

bool Confirm(const std::string& question, const std::string& detail, std::istream& in,
             std::ostream& out) {
  out << "\n"
      << question << "\n  " << detail << "\n  Only 'yes' will be accepted to approve.\n\n"
      << "  Enter a value: " << std::flush;
  std::string answer;
  if (!std::getline(in, answer)) return false;
  return answer == "yes";
}

bool Approved(bool auto_approve, const Approval& approval) {
  if (auto_approve) return true;
  if (!::isatty(STDIN_FILENO)) {
    std::cerr << "Error: not a terminal: meshform " << approval.verb
              << " needs -auto-approve to run without confirmation.\n";
    return false;
  }
  bool yes = Confirm(approval.question, approval.detail, std::cin, std::cout);
  if (!yes) {
    std::string verb = approval.verb;
    verb[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(verb[0])));
    std::cout << "\n" << verb << " cancelled.\n";
  }
  return yes;
}

}  // namespace meshform::cli
