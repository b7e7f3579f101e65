// Writing `meshform render`'s files to the output folder, replacing an earlier render's: the
// folders of the topology's clusters are emptied of every file first, the folders an earlier
// render wrote for clusters no longer in the topology are removed, and so are the gitops files it
// wrote (recognised by resources::kRenderHeader). Nothing else in the folder is touched.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "resources/render_manifests.h"

namespace meshform::cli {

// Throws std::filesystem::filesystem_error, or meshform::Error when a file cannot be written.
void WriteRenderOutput(const std::filesystem::path& dir,
                       const std::vector<resources::RenderedFile>& files,
                       const std::vector<std::string>& clusters);

}  // namespace meshform::cli
