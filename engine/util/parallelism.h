// meshform's concurrency is I/O-bound (requests to API servers), so it may run more threads than
// the machine has cores. TBB caps its worker threads at the core count unless told otherwise;
// AllowParallelism raises that cap process-wide (never lowers it). Call it once with the
// --parallelism of the command before creating task arenas of that size.
#pragma once

#include <cstddef>
#include <functional>

namespace meshform {

void AllowParallelism(int threads);

// Runs fn(0) .. fn(count - 1), at most `threads` at once (at least one), and returns when all
// are done. For work that mostly waits (requests, other processes), whatever the core count.
void ParallelFor(size_t count, int threads, const std::function<void(size_t)>& fn);

}  // namespace meshform
