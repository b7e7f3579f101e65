#include "engine/util/parallelism.h"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace meshform {

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
  arena.execute([&] { tbb::parallel_for(size_t{0}, count, [&](size_t i) { fn(i); }); });
}

}  // namespace meshform
