// Reading a whole file with the operating system's reason when it cannot be read.
#pragma once

#include <string>

namespace meshform::topology {

// Reads `path` into `*text`; on failure returns false and sets `*error` (e.g. "No such file or
// directory", "Is a directory", "larger than 64 MiB").
bool ReadWholeFile(const std::string& path, std::string* text, std::string* error);

}  // namespace meshform::topology
