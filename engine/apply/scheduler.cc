// The scheduler of the executor (see scheduler.h). Worker threads of its own, not TBB: its work
// blocks on the network and on readiness, and a node that waits gives its slot back, so the
// number of threads follows the work (slot holders + nodes waiting without a slot + idle workers)
// while `parallelism` caps the slots. One mutex guards every count; TSan sees all of it.
#include "engine/apply/scheduler.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <system_error>
#include <thread>

#include "engine/util/thread_memory.h"

namespace meshform::apply {

bool ScheduleResult::AllSucceeded() const {
  return std::all_of(states.begin(), states.end(),
                     [](NodeState s) { return s == NodeState::kSucceeded; });
}

// What SlotGivenBack talks to: the run whose node the current thread is running.
class Slots {
 public:
  virtual void GiveBack() = 0;
  virtual void TakeAgain() = 0;

 protected:
  ~Slots() = default;
};

namespace {

thread_local Slots* current_slots = nullptr;

class Run : public Slots {
 public:
  Run(const graph::Dag& dag, const ScheduleOptions& options, const std::function<bool(size_t)>& run)
      : dag_(dag),
        options_(options),
        run_(run),
        parallelism_(std::max(1, options.parallelism)),
        remaining_(dag.size()),
        states_(dag.size(), NodeState::kNotStarted) {}

  ScheduleResult Execute() {
    std::vector<std::thread> threads;
    {
      std::unique_lock<std::mutex> lock(mu_);
      for (size_t i = 0; i < dag_.size(); ++i) {
        remaining_[i] = dag_.dependencies(i).size();
        if (remaining_[i] == 0) Ready(i);
      }
      StartWorkers();
      if (threads_.empty() && pending_ > 0)
        throw std::system_error(EAGAIN, std::generic_category(), "cannot start a worker thread");
      done_.wait(lock, [&] { return pending_ == 0; });
      exiting_ = true;
      wake_.notify_all();
      threads.swap(threads_);
    }
    for (auto& t : threads) t.join();
    return {states_, stopped_};
  }

  void GiveBack() override {
    std::lock_guard<std::mutex> lock(mu_);
    --held_;
    StartWorkers();
    wake_.notify_all();
  }

  void TakeAgain() override {
    std::unique_lock<std::mutex> lock(mu_);
    ++resuming_;  // ahead of every node not yet started (see CanStart)
    wake_.wait(lock, [&] { return held_ < parallelism_; });
    --resuming_;
    ++held_;
  }

 private:
  void Ready(size_t i) {
    ready_.push_back(i);
    ++pending_;
  }

  bool CanStart() const {
    return !ready_.empty() && (stopped_ || held_ + resuming_ < parallelism_);
  }

  // Enough idle workers for every ready node a slot is free for (after a failure: one, which
  // drops the ready nodes). A worker that cannot be started is not fatal once one runs: the
  // running ones take the ready nodes in turn.
  void StartWorkers() {
    size_t free = static_cast<size_t>(std::max(0, parallelism_ - held_ - resuming_));
    size_t wanted = std::min(ready_.size(), stopped_ ? size_t{1} : free);
    while (idle_ < wanted) {
      try {
        threads_.emplace_back([this] { Worker(); });
      } catch (const std::system_error&) {
        return;
      }
      ++idle_;
    }
  }

  void Worker() {
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      wake_.wait(lock, [&] { return exiting_ || CanStart(); });
      if (exiting_) return;
      size_t i = ready_.front();
      ready_.pop_front();
      if (stopped_) {  // a failure stopped the run: the node never starts
        Finished();
        continue;
      }
      --idle_;
      ++held_;
      lock.unlock();
      bool ok = RunNode(i);
      lock.lock();
      --held_;
      ++idle_;
      states_[i] = ok ? NodeState::kSucceeded : NodeState::kFailed;
      if (!ok && options_.stop_on_failure) stopped_ = true;
      if (ok || options_.release_dependents_on_failure) {
        for (size_t next : dag_.dependents(i)) {
          if (--remaining_[next] == 0) Ready(next);
        }
      }
      Finished();
      StartWorkers();
      wake_.notify_all();
    }
  }

  bool RunNode(size_t i) {
    current_slots = this;
    bool ok = false;
    try {
      ok = run_(i);
    } catch (...) {
      ok = false;
    }
    current_slots = nullptr;
    return ok;
  }

  void Finished() {
    if (--pending_ == 0) done_.notify_all();
  }

  const graph::Dag& dag_;
  const ScheduleOptions& options_;
  const std::function<bool(size_t)>& run_;
  const int parallelism_;

  std::mutex mu_;                  // guards everything below
  std::condition_variable wake_;   // workers (a node is ready, or exit) and nodes taking a slot
  std::condition_variable done_;   // Execute: no node is ready or running any more
  std::vector<size_t> remaining_;  // dependencies not yet succeeded, per node
  std::vector<NodeState> states_;
  std::deque<size_t> ready_;
  size_t pending_ = 0;  // ready or running nodes
  int held_ = 0;        // slots held by running nodes
  int resuming_ = 0;    // nodes waiting to take a slot again
  size_t idle_ = 0;     // workers not running a node
  bool stopped_ = false;
  bool exiting_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace

ScheduleResult RunDag(const graph::Dag& dag, const ScheduleOptions& options,
                      const std::function<bool(size_t)>& run) {
  Run r(dag, options, run);
  return r.Execute();
}

SlotGivenBack::SlotGivenBack() : slots_(current_slots) {
  if (slots_ == nullptr) return;
  current_slots = nullptr;  // nested: nothing more to give back
  slots_->GiveBack();
  ReleaseThreadCaches();  // the thread now mostly sleeps: its free memory is of use elsewhere
}

SlotGivenBack::~SlotGivenBack() {
  if (slots_ == nullptr) return;
  slots_->TakeAgain();
  current_slots = slots_;
}

}  // namespace meshform::apply
