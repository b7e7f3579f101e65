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

// Where the previous run's journal is kept when a new run starts: journal-<topology>.previous.json.
std::string PreviousJournalPath(const std::string& path);

class JournalFile : public JournalSink {
 public:
  // Creates the folder, keeps the previous run's journal (renamed to PreviousJournalPath), opens
  // a new file 0600 and writes the run's first record: {"run": {"mode", "by", "started"}}.
  // Throws meshform::Error naming the path.
  explicit JournalFile(const std::string& path, const std::string& mode = "apply");
  ~JournalFile() override;
  JournalFile(const JournalFile&) = delete;
  JournalFile& operator=(const JournalFile&) = delete;

  void Write(size_t id, const Effect& effect) override;
  // The run's last record: {"finished": "<outcome>"}. A journal without it was interrupted.
  void Finish(const std::string& outcome);
  const std::string& path() const { return path_; }

 private:
  void Append(const std::string& line);

  std::string path_;
  std::mutex mu_;
  int fd_ = -1;
};

}  // namespace meshform::apply
