// Formatting and ordering of diagnostics; LoadError's message.
#include "engine/topology/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace meshform::topology {
namespace {

std::string JoinLines(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics) {
    if (!text.empty()) text += '\n';
    text += d.ToString();
  }
  return text;
}

auto Key(const Diagnostic& d) {
  return std::tie(d.location.file, d.location.line, d.location.column, d.field, d.message);
}

}  // namespace

std::string Diagnostic::ToString() const {
  std::string text = location.file + ":" + std::to_string(location.line) + ":" +
                     std::to_string(location.column) + ": ";
  if (!field.empty()) text += field + ": ";
  return text + message;
}

bool operator<(const Diagnostic& a, const Diagnostic& b) { return Key(a) < Key(b); }
bool operator==(const Diagnostic& a, const Diagnostic& b) { return Key(a) == Key(b); }

LoadError::LoadError(std::vector<Diagnostic> diagnostics)
    : meshform::Error(JoinLines(diagnostics)), diagnostics_(std::move(diagnostics)) {}

std::vector<Diagnostic> Diagnostics::Sorted() const {
  std::vector<Diagnostic> sorted = items_;
  std::stable_sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  return sorted;
}

}  // namespace meshform::topology
