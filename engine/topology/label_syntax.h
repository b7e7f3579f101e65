// Kubernetes label-key syntax: an optional DNS-1123 subdomain prefix (at most 253 characters)
// and '/', then a name of at most 63 letters, digits, '-', '_' and '.', starting and ending
// with a letter or digit.
#pragma once

#include <string>

namespace meshform::topology {

bool IsValidLabelKey(const std::string& key);

}  // namespace meshform::topology
