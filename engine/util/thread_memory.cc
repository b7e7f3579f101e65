#include "engine/util/thread_memory.h"

#include <oneapi/tbb/scalable_allocator.h>

namespace meshform {

void ReleaseThreadCaches() { scalable_allocation_command(TBBMALLOC_CLEAN_THREAD_BUFFERS, nullptr); }

}  // namespace meshform
