// UTF-8 validation: topology files are UTF-8 (and JSON strings, which the schema check and the
// model hold, must be valid UTF-8).
#pragma once

#include <cstddef>
#include <string>

namespace meshform::topology {

// The offset of the first byte that does not start or continue a valid UTF-8 sequence
// (overlong forms and surrogates included), or std::string::npos when `text` is valid.
size_t FindInvalidUtf8(const std::string& text);

}  // namespace meshform::topology
