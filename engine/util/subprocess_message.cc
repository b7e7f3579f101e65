// FailureMessage (see subprocess.h): the reason a program failed and the tail of its stderr.
#include <string.h>  // sigabbrev_np

#include <sstream>
#include <vector>

#include "engine/util/subprocess.h"

namespace meshform::util {
namespace {

std::string SignalName(int signal) {
  const char* abbrev = sigabbrev_np(signal);
  return abbrev == nullptr ? "unknown signal" : std::string("SIG") + abbrev;
}

// "30 s", "0.25 s".
std::string Seconds(std::chrono::milliseconds ms) {
  std::string text = std::to_string(ms.count() / 1000);
  if (long long frac = ms.count() % 1000; frac != 0) {
    std::string digits = std::to_string(1000 + frac).substr(1);
    text += "." + digits.substr(0, digits.find_last_not_of('0') + 1);
  }
  return text + " s";
}

std::string Reason(const ProcessRequest& request, const ProcessResult& result) {
  switch (result.end) {
    case ProcessEnd::kNotStarted:
      return "cannot be started: " + result.start_error;
    case ProcessEnd::kTimedOut:
      return "timed out after " +
             (request.timeout ? Seconds(*request.timeout) : std::string("its timeout")) +
             " and was killed";
    case ProcessEnd::kSignaled:
      return "was killed by signal " + std::to_string(result.exit_code - 128) + " (" +
             SignalName(result.exit_code - 128) + ")";
    case ProcessEnd::kExited:
      break;
  }
  return "exited with status " + std::to_string(result.exit_code);
}

// The last kStderrTailLines non-blank lines of `err`, joined by " | " into one line (callers
// such as the compiler report one problem per line), keeping at most its last kStderrTailBytes.
std::string StderrTail(const std::string& err) {
  std::vector<std::string> lines;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);) {
    size_t end = line.find_last_not_of(" \t\r");
    if (end != std::string::npos) lines.push_back(line.substr(0, end + 1));
  }
  size_t first = lines.size() > kStderrTailLines ? lines.size() - kStderrTailLines : 0;
  std::string tail;
  for (size_t i = first; i < lines.size(); ++i) tail += (i == first ? "" : " | ") + lines[i];
  if (tail.size() > kStderrTailBytes) {
    size_t cut = tail.size() - kStderrTailBytes;
    while (cut < tail.size() && (static_cast<unsigned char>(tail[cut]) & 0xC0) == 0x80) ++cut;
    tail = "..." + tail.substr(cut);
  }
  if (first == 0) return tail;
  return "(" + std::to_string(first) + " earlier lines not shown) " + tail;
}

}  // namespace

std::string FailureMessage(const ProcessRequest& request, const ProcessResult& result) {
  std::string program = request.argv.empty() ? "" : request.argv[0];
  std::string message = "program \"" + program + "\" " + Reason(request, result);
  std::string tail = result.end == ProcessEnd::kNotStarted ? "" : StderrTail(result.err);
  return tail.empty() ? message : message + ": " + tail;
}

}  // namespace meshform::util
