// README.md of `meshform render`'s output: how to apply the folders, and every object left out
// with its reason and the `meshform apply --target` command that owns them.
#pragma once

#include <string>
#include <vector>

#include "resources/render_manifests.h"

namespace meshform::resources {

std::string RenderReadme(const RenderSource& source, const std::vector<std::string>& clusters,
                         const std::vector<LeftOut>& left_out);

}  // namespace meshform::resources
