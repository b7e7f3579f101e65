// The journal's local file (see journal_file.h).
#include "engine/apply/journal_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "engine/state/lock.h"
#include "engine/util/error.h"
#include "engine/util/redact.h"

namespace meshform::apply {

std::string JournalPath(const std::string& folder, const std::string& topology_name) {
  std::filesystem::path base = folder.empty() ? "." : folder;
  return (base / ".meshform" / ("journal-" + topology_name + ".json")).string();
}

json JournalRecord(size_t id, const Effect& effect) {
  json r = {{"id", id},
            {"step", effect.step},
            {"target", effect.target == Effect::Target::kObject ? "object" : "value"},
            {"what", effect.what},
            {"op", effect.op},
            {"state", EffectStateName(effect.state)}};
  if (!effect.cluster.empty()) r["cluster"] = effect.cluster;
  if (!effect.identity.is_null()) r["object"] = effect.identity;
  if (!effect.result_uid.empty()) r["uid"] = effect.result_uid;
  if (!effect.result_resource_version.empty()) {
    r["resourceVersion"] = effect.result_resource_version;
  }
  if (!effect.prior) {
    r["prior"] = nullptr;
  } else if (effect.target == Effect::Target::kObject) {
    util::RedactOptions redact;
    redact.sensitive = effect.sensitive;
    r["prior"] = util::Redacted(*effect.prior, redact);
  } else {
    r["prior"] = effect.sensitive ? util::RedactedFields(*effect.prior) : *effect.prior;
  }
  return r;
}

std::string PreviousJournalPath(const std::string& path) {
  std::string base = path;
  const std::string suffix = ".json";
  if (base.size() > suffix.size() &&
      base.compare(base.size() - suffix.size(), suffix.size(), suffix) == 0) {
    base.resize(base.size() - suffix.size());
  }
  return base + ".previous.json";
}

namespace {

std::string UtcNow() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace

JournalFile::JournalFile(const std::string& path, const std::string& mode) : path_(path) {
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  if (std::filesystem::exists(path, ec)) {
    std::filesystem::rename(path, PreviousJournalPath(path), ec);
    if (ec) throw Error("cannot keep the previous journal " + path + ": " + ec.message());
  }
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0600);
  if (fd_ < 0) throw Error("cannot write the journal " + path + ": " + std::strerror(errno));
  ::fchmod(fd_, 0600);
  json header = {{"mode", mode}, {"by", state::DefaultLockIdentity()}, {"started", UtcNow()}};
  Append(json{{"run", header}}.dump() + "\n");
}

JournalFile::~JournalFile() {
  if (fd_ >= 0) ::close(fd_);
}

void JournalFile::Write(size_t id, const Effect& effect) {
  Append(JournalRecord(id, effect).dump() + "\n");
}

void JournalFile::Finish(const std::string& outcome) {
  Append(json{{"finished", outcome}, {"at", UtcNow()}}.dump() + "\n");
}

void JournalFile::Append(const std::string& line) {
  std::lock_guard<std::mutex> lock(mu_);
  const char* p = line.data();
  size_t left = line.size();
  while (left > 0) {
    ssize_t n = ::write(fd_, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw Error("cannot write the journal " + path_ + ": " + std::strerror(errno));
    p += n;
    left -= static_cast<size_t>(n);
  }
}

}  // namespace meshform::apply
