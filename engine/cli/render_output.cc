// Replacing an earlier render's output.
#include "engine/cli/render_output.h"

#include <algorithm>
#include <fstream>

#include "engine/util/error.h"

namespace meshform::cli {

namespace {

namespace fs = std::filesystem;

bool WrittenByRender(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  return line.rfind(resources::kRenderHeader, 0) == 0;
}

void RemoveFiles(const fs::path& folder, bool only_render_files) {
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (!entry.is_regular_file() && !entry.is_symlink()) continue;
    if (only_render_files && !WrittenByRender(entry.path())) continue;
    fs::remove(entry.path());
  }
}

void RemoveEarlierRender(const fs::path& dir, const std::vector<std::string>& clusters) {
  if (!fs::is_directory(dir)) return;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (!entry.is_directory()) continue;
    std::string name = entry.path().filename().string();
    if (std::find(clusters.begin(), clusters.end(), name) != clusters.end()) {
      RemoveFiles(entry.path(), false);
    } else if (name == "gitops") {
      RemoveFiles(entry.path(), true);
    } else if (WrittenByRender(entry.path() / "kustomization.yaml")) {
      RemoveFiles(entry.path(), false);
      std::error_code not_empty;  // a folder someone added to is left
      fs::remove(entry.path(), not_empty);
    }
  }
}

}  // namespace

void WriteRenderOutput(const fs::path& dir, const std::vector<resources::RenderedFile>& files,
                       const std::vector<std::string>& clusters) {
  RemoveEarlierRender(dir, clusters);
  for (const auto& file : files) {
    fs::path path = dir / file.path;
    fs::create_directories(path.parent_path());
    std::ofstream out(path);
    out << file.text;
    if (!out) throw Error("cannot write " + path.string());
  }
}

}  // namespace meshform::cli
