// pki::Error, the one exception engine/pki throws, and helpers that append OpenSSL's error queue.
// Messages name what was being handled (a file, "ca-cert.pem", "root certificate") and never
// contain key material: only OpenSSL's library/reason strings are appended, not its extra data.
#pragma once

#include <string>
#include <string_view>

#include "engine/util/error.h"

namespace meshform::pki {

class Error : public meshform::Error {
 public:
  using meshform::Error::Error;
};

// Drains this thread's OpenSSL error queue into "reason; reason" (empty when the queue is empty).
std::string DrainOpenSslErrors();

// Throws Error("<context>: <OpenSSL errors>"), draining the queue.
[[noreturn]] void ThrowOpenSsl(std::string_view context);

}  // namespace meshform::pki
