#include "engine/util/logging.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "engine/util/error.h"

namespace meshform {

void SetUpLogging(const std::string& level) {
  auto parsed = spdlog::level::from_str(level);
  if (parsed == spdlog::level::off && level != "off") {
    throw Error("unknown log level '" + level + "' (use trace, debug, info, warn, error or off)");
  }
  auto logger = spdlog::stderr_color_mt("meshform");
  logger->set_pattern("%^%L%$ %H:%M:%S.%e %v");
  spdlog::set_default_logger(logger);
  spdlog::set_level(parsed);
}

}  // namespace meshform
