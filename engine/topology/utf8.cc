// A strict UTF-8 validator (RFC 3629 well-formed sequences only).
#include "engine/topology/utf8.h"

namespace meshform::topology {
namespace {

// Length of the sequence starting with `lead`, or 0 when it cannot start one; `low`/`high`
// bound the second byte (which excludes overlong forms, surrogates and values past U+10FFFF).
size_t SequenceLength(unsigned char lead, unsigned char* low, unsigned char* high) {
  *low = 0x80, *high = 0xBF;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (lead == 0xE0) *low = 0xA0;
    if (lead == 0xED) *high = 0x9F;
    return 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (lead == 0xF0) *low = 0x90;
    if (lead == 0xF4) *high = 0x8F;
    return 4;
  }
  return 0;
}

}  // namespace

size_t FindInvalidUtf8(const std::string& text) {
  size_t i = 0;
  while (i < text.size()) {
    unsigned char low = 0, high = 0;
    size_t length = SequenceLength(static_cast<unsigned char>(text[i]), &low, &high);
    if (length == 0 || i + length > text.size()) return i;
    for (size_t k = 1; k < length; ++k) {
      auto c = static_cast<unsigned char>(text[i + k]);
      if (c < (k == 1 ? low : 0x80) || c > (k == 1 ? high : 0xBF)) return i + k;
    }
    i += length;
  }
  return std::string::npos;
}

}  // namespace meshform::topology
