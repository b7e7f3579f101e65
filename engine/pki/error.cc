// OpenSSL error queue → text, for pki::Error messages.
#include "engine/pki/error.h"

#include <openssl/err.h>

namespace meshform::pki {

std::string DrainOpenSslErrors() {
  std::string text;
  // ERR_get_error returns the code only: the attached "data" strings are deliberately dropped.
  while (unsigned long code = ERR_get_error()) {
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    if (!text.empty()) text += "; ";
    text += buffer;
  }
  return text;
}

void ThrowOpenSsl(std::string_view context) {
  std::string errors = DrainOpenSslErrors();
  std::string message(context);
  message += ": ";
  message += errors.empty() ? "unknown OpenSSL error" : errors;
  throw Error(message);
}

}  // namespace meshform::pki
