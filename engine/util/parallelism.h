// meshform's concurrency is I/O-bound (requests to API servers), so it may run more threads than
// the machine has cores. TBB caps its worker threads at the core count unless a
// tbb::global_control says otherwise, and while several global_control objects are alive it
// applies the *smallest* of them. So there is exactly one, owned here: AllowParallelism raises
// the process-wide cap to the largest number of threads ever asked for (it never lowers it), and
// nothing else in meshform creates a global_control. Call it with the size of a task arena before
// creating the arena (ParallelFor and the executor's scheduler do).
#pragma once

#include <cstddef>
#include <functional>

namespace meshform {

void AllowParallelism(int threads);

// Runs fn(0) .. fn(count - 1), at most `threads` at once (at least one), and returns when all
// are done. For work that mostly waits (requests, other processes), whatever the core count.
void ParallelFor(size_t count, int threads, const std::function<void(size_t)>& fn);

}  // namespace meshform
