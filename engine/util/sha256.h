// SHA-256 of a byte string, as "sha256:<64 hex digits>": the fingerprints meshform records
// (a topology's hash in a saved plan, an object's editable content).
#pragma once

#include <string>
#include <string_view>

namespace meshform {

std::string Sha256Hex(std::string_view bytes);

}  // namespace meshform
