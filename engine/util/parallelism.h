// meshform's concurrency is I/O-bound (requests to API servers), so it may run more threads than
// the machine has cores. TBB caps its worker threads at the core count unless told otherwise;
// AllowParallelism raises that cap process-wide (never lowers it). Call it once with the
// --parallelism of the command before creating task arenas of that size.
#pragma once

namespace meshform {

void AllowParallelism(int threads);

}  // namespace meshform
