// Boost.Graph depth-first search: back edges are cycles; finish order is a topological order.
#include "engine/graph/cycle.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/topological_sort.hpp>

namespace meshform::graph {

namespace {

// An edge u -> v means "u depends on v".
using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using Vertex = boost::graph_traits<BoostGraph>::vertex_descriptor;
using Edge = boost::graph_traits<BoostGraph>::edge_descriptor;

BoostGraph MakeGraph(const std::vector<std::vector<size_t>>& dependencies) {
  BoostGraph g(dependencies.size());
  for (size_t u = 0; u < dependencies.size(); ++u)
    for (size_t v : dependencies[u]) boost::add_edge(u, v, g);
  return g;
}

// Records DFS tree parents and the first back edge.
struct CycleVisitor : boost::default_dfs_visitor {
  std::vector<Vertex>* parent;
  std::vector<Vertex>* cycle;
  void tree_edge(Edge e, const BoostGraph& g) const {
    (*parent)[boost::target(e, g)] = boost::source(e, g);
  }
  void back_edge(Edge e, const BoostGraph& g) const {
    if (!cycle->empty()) return;
    Vertex from = boost::source(e, g), to = boost::target(e, g);
    // The DFS path runs to -> ... -> from; the back edge closes it.
    for (Vertex v = from; v != to; v = (*parent)[v]) cycle->push_back(v);
    cycle->push_back(to);
    std::reverse(cycle->begin(), cycle->end());
  }
};

std::string LocationText(const topology::Location& l) {
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

}  // namespace

std::vector<size_t> FindCycle(const std::vector<std::vector<size_t>>& dependencies) {
  BoostGraph g = MakeGraph(dependencies);
  std::vector<Vertex> parent(dependencies.size());
  std::vector<Vertex> cycle;
  CycleVisitor visitor;
  visitor.parent = &parent;
  visitor.cycle = &cycle;
  boost::depth_first_search(g, boost::visitor(visitor));
  return {cycle.begin(), cycle.end()};
}

std::vector<std::string> DescribeCycle(const std::vector<Node>& nodes,
                                       const std::vector<size_t>& cycle) {
  std::string path;
  for (size_t i : cycle) path += nodes[i].address + " -> ";
  path += nodes[cycle.front()].address;
  std::vector<std::string> lines = {"dependency cycle: " + path};
  for (size_t i : cycle) {
    std::string line = "  " + nodes[i].address;
    if (!nodes[i].origin.file.empty()) line += " (" + LocationText(nodes[i].origin) + ")";
    lines.push_back(line);
  }
  return lines;
}

std::vector<size_t> TopologicalSort(const std::vector<std::vector<size_t>>& dependencies) {
  BoostGraph g = MakeGraph(dependencies);
  std::vector<Vertex> order;
  order.reserve(dependencies.size());
  // With u -> v meaning "u depends on v", Boost's reverse topological order lists v before u:
  // dependencies first.
  boost::topological_sort(g, std::back_inserter(order));
  return {order.begin(), order.end()};
}

}  // namespace meshform::graph
