// The previous run's warning (see previous_run_warning.h).
#include "engine/cli/previous_run_warning.h"

#include <ostream>

#include "engine/apply/journal_file.h"
#include "engine/apply/previous_run.h"

namespace meshform::cli {

void WarnAboutPreviousRun(const std::string& topology, const std::string& journal_folder,
                          const std::string& then, std::ostream& err) {
  auto run = apply::ReadPreviousRun(apply::JournalPath(journal_folder, topology));
  if (!run) return;
  std::string text = apply::DescribeUnfinished(*run);
  if (!text.empty()) err << "Warning: " << text << "\n" << then << "\n";
}

}  // namespace meshform::cli
