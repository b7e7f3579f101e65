#include "engine/util/parallelism.h"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "engine/util/tsan.h"

namespace meshform {

namespace {
// ParallelFor's TSan token (util/tsan.h). One for the process, not one a call: parallel_for
// hands its body to the tasks by reference, so a task could not even read a per-call token's
// address before its acquire. (Calls that run at the same time thereby look ordered to TSan
// at their starts and ends.)
char parallel_for_token;
}  // namespace

void AllowParallelism(int threads) {
  static std::mutex mu;
  static std::unique_ptr<tbb::global_control> control;
  static int allowed = 0;
  std::lock_guard<std::mutex> lock(mu);
  if (threads <= allowed) return;
  allowed = threads;
  // One more than requested: the calling thread joins the arena as well.
  control = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                  static_cast<size_t>(threads) + 1);
}

void ParallelFor(size_t count, int threads, const std::function<void(size_t)>& fn) {
  threads = std::max(1, threads);
  AllowParallelism(threads);
  tbb::task_arena arena(threads);
  auto body = [&](size_t i) {
    TsanAcquire(&parallel_for_token);
    fn(i);
    TsanRelease(&parallel_for_token);  // every fn(i) happens before the return
  };
  TsanRelease(&parallel_for_token);  // what precedes, the body included, before every fn(i)
  arena.execute([&] { tbb::parallel_for(size_t{0}, count, body); });
  TsanAcquire(&parallel_for_token);
}

}  // namespace meshform
