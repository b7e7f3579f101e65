// Small helpers shared by every Transport implementation (see transport.h).
#include "engine/kube/transport.h"

namespace meshform::kube {

std::string HttpResponse::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

}  // namespace meshform::kube
