// The graph: edges from depends_on, unknown dependencies reported all at once with locations,
// cycles named with every address and location, dependency-first and reverse orders, DOT with
// one subgraph per cluster; the Dag underneath (repeats dropped, reversal, cycles refused by
// node index).
#include "engine/graph/graph.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace meshform::graph {
namespace {

Node N(const std::string& address, const std::string& cluster, std::vector<std::string> deps,
       int line = 0) {
  topology::Location l;
  if (line > 0) l = {"t.yaml", line, 3};
  return {address, cluster, std::move(deps), l};
}

size_t Position(const std::vector<size_t>& order, size_t node) {
  return std::find(order.begin(), order.end(), node) - order.begin();
}

TEST(Graph, TopologicalOrderPutsDependenciesFirstAndDestroyReverses) {
  auto g = Graph::Build({N("a/ns", "a", {}), N("a/secret", "a", {"a/ns", "ca/root"}),
                         N("ca/root", "", {}), N("b/remote", "b", {"a/secret"})});
  EXPECT_EQ(g.node_count(), 4u);
  EXPECT_EQ(g.edge_count(), 3u);
  auto order = g.TopologicalOrder();
  EXPECT_LT(Position(order, 0), Position(order, 1));
  EXPECT_LT(Position(order, 2), Position(order, 1));
  EXPECT_LT(Position(order, 1), Position(order, 3));
  auto destroy = g.DestroyOrder();
  EXPECT_LT(Position(destroy, 3), Position(destroy, 1));
  EXPECT_EQ(g.dependents(1), std::vector<size_t>{3});
}

TEST(Graph, UnknownDependenciesAreAllReported) {
  try {
    Graph::Build({N("x", "a", {"nope1"}, 4), N("y", "a", {"nope2"})});
    FAIL();
  } catch (const GraphError& e) {
    EXPECT_EQ(e.lines(),
              (std::vector<std::string>{"t.yaml:4:3: x depends on unknown resource nope1",
                                        "y depends on unknown resource nope2"}));
  }
}

TEST(Graph, CycleListsItsAddressesAndLocations) {
  try {
    Graph::Build(
        {N("free", "a", {}), N("a", "c", {"b"}, 10), N("b", "c", {"c"}, 11), N("c", "c", {"a"})});
    FAIL();
  } catch (const GraphError& e) {
    EXPECT_EQ(e.lines(),
              (std::vector<std::string>{"dependency cycle: a -> b -> c -> a", "  a (t.yaml:10:3)",
                                        "  b (t.yaml:11:3)", "  c"}));
  }
}

TEST(Graph, SelfDependencyIsACycle) { EXPECT_THROW(Graph::Build({N("a", "", {"a"})}), GraphError); }

TEST(Graph, LargeChainDoesNotOverflowTheStack) {
  std::vector<Node> nodes;
  for (int i = 0; i < 200000; ++i)
    nodes.push_back(
        N("n" + std::to_string(i), "",
          i ? std::vector<std::string>{"n" + std::to_string(i - 1)} : std::vector<std::string>{}));
  auto g = Graph::Build(std::move(nodes));
  EXPECT_EQ(g.TopologicalOrder().front(), 0u);
}

TEST(Dag, DropsRepeatedEdgesKeepsOrderAndReverses) {
  Dag dag = Dag::From({{}, {0, 0}, {1, 0, 1}});
  EXPECT_EQ(dag.edge_count(), 3u);
  EXPECT_EQ(dag.dependencies(2), (std::vector<size_t>{1, 0}));
  EXPECT_EQ(dag.dependents(0), (std::vector<size_t>{1, 2}));
  Dag back = dag.Reversed();
  EXPECT_EQ(back.dependencies(0), (std::vector<size_t>{1, 2}));
  EXPECT_EQ(back.dependents(2), (std::vector<size_t>{1, 0}));
  EXPECT_EQ(back.TopologicalOrder().front(), 2u);
  EXPECT_EQ(dag.TopologicalOrder().front(), 0u);
}

TEST(Dag, RefusesACycleNamingItsNodes) {
  try {
    Dag::From({{}, {2}, {3}, {1}});
    FAIL() << "a cycle was accepted";
  } catch (const CycleError& e) {
    std::vector<size_t> cycle = e.cycle();
    std::sort(cycle.begin(), cycle.end());
    EXPECT_EQ(cycle, (std::vector<size_t>{1, 2, 3}));
  }
}

TEST(Dot, OneSubgraphPerClusterAndEdgesFromDependencies) {
  auto g = Graph::Build({N("a/v1/Namespace/x", "a", {}), N("b/v1/Namespace/x", "b", {"ca/root"}),
                         N("ca/root", "", {})});
  std::string dot = ToDot(g, "t");
  EXPECT_EQ(dot,
            "digraph \"t\" {\n  rankdir=LR;\n  node [shape=box];\n"
            "  \"ca/root\" [label=\"ca/root\"];\n"
            "  subgraph \"cluster_a\" {\n    label=\"a\";\n"
            "    \"a/v1/Namespace/x\" [label=\"v1/Namespace/x\"];\n  }\n"
            "  subgraph \"cluster_b\" {\n    label=\"b\";\n"
            "    \"b/v1/Namespace/x\" [label=\"v1/Namespace/x\"];\n  }\n"
            "  \"ca/root\" -> \"b/v1/Namespace/x\";\n}\n");
}

}  // namespace
}  // namespace meshform::graph
