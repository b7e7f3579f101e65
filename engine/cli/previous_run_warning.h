// The warning apply, destroy and plan print when the previous apply or destroy of the topology
// from this folder did not finish or left its rollback incomplete (apply/previous_run.h).
#pragma once

#include <iosfwd>
#include <string>

namespace meshform::cli {

// Prints "Warning: the previous apply ... <then>" on `err` when there is something to say.
void WarnAboutPreviousRun(const std::string& topology, const std::string& journal_folder,
                          const std::string& then, std::ostream& err);

}  // namespace meshform::cli
