// Diagnostics: what the loader reports about a topology file, each pinned to file:line:col and
// to the dotted path of the field ("clusters[1].network"), and the error that carries them all.
#pragma once

#include <string>
#include <vector>

#include "engine/topology/model.h"
#include "engine/util/error.h"

namespace meshform::topology {

struct Diagnostic {
  Location location;    // file, 1-based line and column
  std::string field;    // dotted path, e.g. "clusters[1].network"; empty for YAML syntax errors
  std::string message;  // e.g. "unknown network 'network3' (did you mean 'network2'?)"
  // "file:line:col: field: message" ("file:line:col: message" when field is empty).
  std::string ToString() const;
};

bool operator<(const Diagnostic& a, const Diagnostic& b);
bool operator==(const Diagnostic& a, const Diagnostic& b);

// Thrown by the loader; what() lists every diagnostic, one per line, in file order.
class LoadError : public meshform::Error {
 public:
  explicit LoadError(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// Collects diagnostics from every stage; Sorted() orders them by position and drops repeats.
class Diagnostics {
 public:
  void Add(Diagnostic d) { items_.push_back(std::move(d)); }
  bool empty() const { return items_.empty(); }
  size_t size() const { return items_.size(); }
  std::vector<Diagnostic> Sorted() const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace meshform::topology
