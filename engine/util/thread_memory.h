// Memory a thread keeps for itself. meshform runs a thread per step that waits for readiness
// (see engine/apply/scheduler.h), so an apply of thousands of objects has thousands of threads.
// The binary allocates through TBB's scalable allocator (tbbmalloc_proxy), which keeps freed
// blocks in per-thread caches; hundreds of idle waiting threads, each with its caches, held more
// memory than everything meshform had live (an apply of 400 workloads: 425 MiB resident for
// under 100 MiB live). A thread about to sleep hands its caches back first.
#pragma once

namespace meshform {

// Returns this thread's cached free blocks to the allocator's shared pool. Cheap; nothing when
// the scalable allocator does not serve malloc (tests, sanitizer builds: it was never started).
void ReleaseThreadCaches();

}  // namespace meshform
