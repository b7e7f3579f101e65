// The journal's local file: `.meshform/journal-<topology>.json` in the working directory. One
// JSON record a line, appended as the apply goes (a write-ahead log: a crash leaves every
// record written so far), mode 0600. Secret `data`/`stringData` and sensitive value fields are
// replaced by "(sensitive)": the file tells what was written where, never the secrets; rollback
// uses the complete in-memory journal.
#pragma once

#include <mutex>
#include <string>

#include "engine/apply/journal.h"

namespace meshform::apply {

// `.meshform/journal-<topology>.json` in `folder` ("": the working directory).
std::string JournalPath(const std::string& folder, const std::string& topology_name);

// The record written for an effect (also used by tests): redacted.
json JournalRecord(size_t id, const Effect& effect);

class JournalFile : public JournalSink {
 public:
  // Creates the folder, truncates the file (one journal per run) and opens it 0600.
  // Throws meshform::Error naming the path.
  explicit JournalFile(const std::string& path);
  ~JournalFile() override;
  JournalFile(const JournalFile&) = delete;
  JournalFile& operator=(const JournalFile&) = delete;

  void Write(size_t id, const Effect& effect) override;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace meshform::apply
