// Shared helpers for the pki unit tests: a fixed clock, a cached ECDSA root, temporary
// folders, running the `openssl` command line, and reading certificates back with OpenSSL.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/pki/ca.h"
#include "engine/pki/openssl_ptr.h"

namespace meshform::pki::testing {

using Clock = std::chrono::system_clock;

// A fixed "now" (2026-01-15 10:00:00 UTC): no test depends on the wall clock.
Clock::time_point Now();
long long EpochSeconds(Clock::time_point time);

// An ECDSA root (CN "Test Root CA", 3650 days from Now()), generated once per process.
const CaBundle& TestRoot();

// An ECDSA intermediate for `cluster` signed by `root`, valid `days` from `now`.
CaBundle TestIntermediate(const CaBundle& root, const std::string& cluster, int days = 365,
                          Clock::time_point now = Now());

// A temporary folder, removed with everything in it when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

void WriteFile(const std::string& path, const std::string& text);
std::string ReadFile(const std::string& path);

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs a shell command (e.g. "openssl verify ...") and captures its output.
CommandResult RunCommand(const std::string& command);

// OpenSSL objects for reading certificates back in assertions.
internal::X509Ptr ParseCert(const std::string& pem);
internal::EvpPkeyPtr ParseKey(const std::string& pem);

// The values of the subject's entries, in order, as "O=Istio".
std::vector<std::string> NameEntries(const X509_NAME* name);

// The base64 lines of a PEM block: what must never appear in an error message.
std::vector<std::string> PemBodyLines(const std::string& pem);

// A non-CA certificate (basicConstraints CA:false) signed by `root`, made with the openssl CLI.
std::string LeafCertSignedBy(const CaBundle& root, const std::string& key_pem);

}  // namespace meshform::pki::testing
