// The scheduler runs every node after all it waits for, never more than `parallelism` at
// once, and starts nothing new after the first failure.
#include "engine/apply/scheduler.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "engine/apply/execution_graph.h"
#include "engine/util/parallelism.h"

namespace meshform::apply {
namespace {

// A diamond with a tail: 0 -> {1, 2} -> 3 -> 4, plus independent 5.
graph::Dag Diamond() { return graph::Dag::From({{}, {0}, {0}, {1, 2}, {3}, {}}); }

TEST(Scheduler, RunsEveryNodeAfterItsDependencies) {
  graph::Dag dag = Diamond();
  std::mutex mu;
  std::vector<size_t> order;
  auto result = RunDag(dag, {8, true, false}, [&](size_t i) {
    std::lock_guard<std::mutex> lock(mu);
    order.push_back(i);
    return true;
  });
  ASSERT_TRUE(result.AllSucceeded());
  ASSERT_EQ(order.size(), 6u);
  auto pos = [&](size_t n) { return std::find(order.begin(), order.end(), n) - order.begin(); };
  for (size_t i = 0; i < dag.size(); ++i) {
    for (size_t d : dag.dependencies(i)) EXPECT_LT(pos(d), pos(i)) << d << " before " << i;
  }
}

// One parallelism cap: TBB applies the smallest of all live global_control objects, so a cap
// set earlier for a smaller arena (a plan's ParallelFor) must not hold the executor below its
// own --parallelism. 16 nodes that each wait until all 16 run can only finish if all run at once.
TEST(Scheduler, ReachesItsParallelismAfterASmallerArenaRaisedTheCap) {
  AllowParallelism(2);
  ParallelFor(4, 2, [](size_t) {});
  const int wanted = 16;
  std::vector<std::vector<size_t>> edges(wanted);
  std::mutex mu;
  std::condition_variable all_in;
  int arrived = 0;
  auto result = RunDag(graph::Dag::From(edges), {wanted, true, false}, [&](size_t) {
    std::unique_lock<std::mutex> lock(mu);
    ++arrived;
    all_in.notify_all();
    return all_in.wait_for(lock, std::chrono::seconds(20), [&] { return arrived == wanted; });
  });
  EXPECT_TRUE(result.AllSucceeded()) << "only " << arrived << " of " << wanted << " ran at once";
}

TEST(Scheduler, NeverExceedsParallelismAndReachesIt) {
  const int cap = 4;
  std::vector<std::vector<size_t>> edges(24);  // 24 independent nodes
  std::atomic<int> running{0}, peak{0};
  std::mutex mu;
  std::condition_variable cv;
  int arrived = 0;
  auto result = RunDag(graph::Dag::From(edges), {cap, true, false}, [&](size_t) {
    int now = ++running;
    int seen = peak.load();
    while (now > seen && !peak.compare_exchange_weak(seen, now)) {
    }
    {
      // The first `cap` nodes meet here: proves `cap` nodes do run at once.
      std::unique_lock<std::mutex> lock(mu);
      if (arrived < cap) {
        ++arrived;
        cv.notify_all();
        cv.wait_for(lock, std::chrono::seconds(30), [&] { return arrived >= cap; });
      }
    }
    --running;
    return true;
  });
  EXPECT_TRUE(result.AllSucceeded());
  EXPECT_EQ(peak.load(), cap);
}

TEST(Scheduler, FirstFailureStopsNewWorkAndRunningStepsFinish) {
  // 0 fails while 1 is running; 2 waits for 1; 3 waits for 0; 4 independent but queued later.
  graph::Dag dag = graph::Dag::From({{}, {}, {1}, {0}, {2}});
  std::atomic<bool> zero_failed{false};
  std::atomic<bool> one_started{false};
  std::atomic<bool> one_finished{false};
  auto result = RunDag(dag, {2, true, false}, [&](size_t i) {
    if (i == 0) {
      // Fail only once 1 is running, whichever of the two threads picked which node first.
      while (!one_started.load()) std::this_thread::yield();
      zero_failed = true;
      return false;
    }
    if (i == 1) {
      one_started = true;
      while (!zero_failed.load()) std::this_thread::yield();
      one_finished = true;
      return true;
    }
    return true;
  });
  EXPECT_TRUE(result.stopped);
  EXPECT_EQ(result.states[0], NodeState::kFailed);
  EXPECT_EQ(result.states[1], NodeState::kSucceeded);  // was running: it finished
  EXPECT_TRUE(one_finished.load());
  EXPECT_EQ(result.states[2], NodeState::kNotStarted);  // ready only after the failure
  EXPECT_EQ(result.states[3], NodeState::kNotStarted);  // depends on the failed node
  EXPECT_EQ(result.states[4], NodeState::kNotStarted);
}

TEST(Scheduler, ExceptionsCountAsFailures) {
  auto result = RunDag(graph::Dag::From({{}, {0}}), {2, true, false}, [&](size_t i) -> bool {
    if (i == 0) throw std::runtime_error("boom");
    return true;
  });
  EXPECT_EQ(result.states[0], NodeState::kFailed);
  EXPECT_EQ(result.states[1], NodeState::kNotStarted);
}

TEST(Scheduler, ReleaseOnFailureStillRunsDependents) {
  std::atomic<int> ran{0};
  auto result = RunDag(graph::Dag::From({{}, {0}, {1}}), {2, false, true}, [&](size_t i) {
    ++ran;
    return i != 0;
  });
  EXPECT_EQ(ran.load(), 3);
  EXPECT_EQ(result.states[2], NodeState::kSucceeded);
}

TEST(Scheduler, DestroyPlansReverseTheEdges) {
  plan::Plan p;
  p.mode = plan::Mode::kDestroy;
  plan::Change ns, dep;
  ns.address = "c/v1/Namespace/a";
  dep.address = "c/apps/v1/Deployment/a/x";
  dep.resource.depends_on = {ns.address};
  p.changes = {dep, ns};
  graph::Dag dag = ExecutionGraph(p);
  EXPECT_EQ(dag.dependencies(1), std::vector<size_t>{0});  // the namespace waits for the deployment
  EXPECT_TRUE(dag.dependencies(0).empty());
  p.mode = plan::Mode::kApply;
  graph::Dag forward = ExecutionGraph(p);
  EXPECT_EQ(forward.dependencies(0), std::vector<size_t>{1});
}

// Issue 13: a node waiting for readiness gives its slot back. With one slot, the first node
// waits (slot given back) until the second has run: that can only happen if the second started
// while the first was still waiting. It then takes a slot again before it ends.
TEST(Scheduler, AWaitingNodeGivesItsSlotBackSoAnotherStarts) {
  std::mutex mu;
  std::condition_variable cv;
  bool second_ran = false;
  std::vector<std::vector<size_t>> edges(2);
  auto result = RunDag(graph::Dag::From(edges), {1, true, false}, [&](size_t i) {
    if (i == 1) {
      std::lock_guard<std::mutex> lock(mu);
      second_ran = true;
      cv.notify_all();
      return true;
    }
    SlotGivenBack waiting;
    std::unique_lock<std::mutex> lock(mu);
    return cv.wait_for(lock, std::chrono::seconds(20), [&] { return second_ran; });
  });
  EXPECT_TRUE(result.AllSucceeded()) << "the second node never started while the first waited";
}

// Slots stay capped while nodes give theirs back and take one again: at no time do more than
// `cap` nodes hold one, and nodes did wait without one meanwhile (so the test can fail).
TEST(Scheduler, SlotsStayCappedWhileNodesGiveThemBackAndTakeThemAgain) {
  const int cap = 3;
  std::vector<std::vector<size_t>> edges(30);
  for (size_t i = 10; i < 30; ++i) edges[i] = {i - 10};  // three waves
  std::atomic<int> holding{0}, peak{0}, waiting{0}, peak_waiting{0};
  auto raise = [](std::atomic<int>& to, int now) {
    int seen = to.load();
    while (now > seen && !to.compare_exchange_weak(seen, now)) {
    }
  };
  auto result = RunDag(graph::Dag::From(edges), {cap, true, false}, [&](size_t) {
    raise(peak, ++holding);
    {
      --holding;
      SlotGivenBack given;
      raise(peak_waiting, ++waiting);
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      --waiting;
    }
    raise(peak, ++holding);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    --holding;
    return true;
  });
  EXPECT_TRUE(result.AllSucceeded());
  EXPECT_LE(peak.load(), cap);
  EXPECT_GT(peak_waiting.load(), cap) << "nodes never waited beyond the cap without a slot";
}

}  // namespace
}  // namespace meshform::apply
