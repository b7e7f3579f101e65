// Relative paths in a topology file resolve against the folder of the topology file.
#pragma once

#include <string>

namespace meshform::topology {

// The absolute folder of `topology_file` (the working directory when it has no folder).
std::string TopologyFolder(const std::string& topology_file);

// `path` made absolute against `folder` and lexically normalised; absolute paths stay.
std::string ResolvePath(const std::string& folder, const std::string& path);

// The renderer's argv[0]: resolved like ResolvePath when it contains a '/', else left for PATH.
std::string ResolveCommand(const std::string& folder, const std::string& command);

}  // namespace meshform::topology
