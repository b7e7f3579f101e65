// The confirmation that apply and destroy ask for before changing anything, as Terraform asks
// it: the question, what will happen, "Only 'yes' will be accepted to approve.", one line read.
#pragma once

#include <iosfwd>
#include <string>

namespace meshform::cli {

// Prints `question` and `detail`, reads a line from `in`; true only for "yes".
bool Confirm(const std::string& question, const std::string& detail, std::istream& in,
             std::ostream& out);

// What `meshform <verb>` asks before acting: approved at once with -auto-approve; refused with
// an error when stdin is not a terminal; else Confirm on stdin/stdout, printing
// "<Verb> cancelled." when not approved.
struct Approval {
  std::string verb;      // "apply", "destroy"
  std::string question;  // "Do you want to perform these actions?"
  std::string detail;    // "meshform will perform the actions described above."
};
bool Approved(bool auto_approve, const Approval& approval);

}  // namespace meshform::cli
