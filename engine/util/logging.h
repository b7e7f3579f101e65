// Process-wide logging set-up: spdlog to stderr, level from -v / --log-level.
#pragma once

#include <string>

namespace meshform {

// Accepts trace, debug, info, warn, error, off. Throws meshform::Error for anything else.
void SetUpLogging(const std::string& level);

}  // namespace meshform
