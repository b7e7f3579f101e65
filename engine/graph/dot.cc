// Graphviz DOT output: one subgraph per cluster.
#include <map>

#include "engine/graph/graph.h"

namespace meshform::graph {

namespace {

std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// The address without its cluster prefix, as the label inside a cluster box.
std::string Label(const Node& n) {
  if (!n.cluster.empty() && n.address.rfind(n.cluster + "/", 0) == 0)
    return n.address.substr(n.cluster.size() + 1);
  return n.address;
}

}  // namespace

std::string ToDot(const Graph& g, const std::string& title) {
  std::map<std::string, std::vector<size_t>> by_cluster;
  for (size_t i = 0; i < g.node_count(); ++i) by_cluster[g.node(i).cluster].push_back(i);
  std::string out = "digraph " + Quote(title) + " {\n  rankdir=LR;\n  node [shape=box];\n";
  for (const auto& [cluster, members] : by_cluster) {
    std::string indent = cluster.empty() ? "  " : "    ";
    if (!cluster.empty())
      out +=
          "  subgraph " + Quote("cluster_" + cluster) + " {\n    label=" + Quote(cluster) + ";\n";
    for (size_t i : members)
      out += indent + Quote(g.node(i).address) + " [label=" + Quote(Label(g.node(i))) + "];\n";
    if (!cluster.empty()) out += "  }\n";
  }
  for (size_t i = 0; i < g.node_count(); ++i)
    for (size_t d : g.dependencies(i))
      out += "  " + Quote(g.node(d).address) + " -> " + Quote(g.node(i).address) + ";\n";
  return out + "}\n";
}

}  // namespace meshform::graph
