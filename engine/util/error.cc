#include "engine/util/error.h"

namespace meshform {

std::string WithContext(const std::string& context, const std::string& message) {
  if (context.empty()) return message;
  return context + ": " + message;
}

}  // namespace meshform
