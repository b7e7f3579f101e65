// Small string helpers that several modules need.
#pragma once

#include <string>
#include <vector>

namespace meshform::util {

// The parts with `separator` between them ("a\nb" for {"a", "b"}).
std::string Join(const std::vector<std::string>& parts, const std::string& separator = "\n");

}  // namespace meshform::util
