#include "engine/util/thread_memory.h"

#include <dlfcn.h>
#include <oneapi/tbb/scalable_allocator.h>

namespace meshform {
namespace {

// Whether TBB's scalable allocator serves this process's malloc (the meshform binary loads
// tbbmalloc_proxy; tests and sanitizer builds do not). Its command must not be sent otherwise:
// an allocator that never started crashes on it.
bool ScalableAllocatorInUse() {
  static const bool in_use = dlsym(RTLD_DEFAULT, "__TBB_malloc_proxy") != nullptr;
  return in_use;
}

}  // namespace

void ReleaseThreadCaches() {
  if (ScalableAllocatorInUse())
    scalable_allocation_command(TBBMALLOC_CLEAN_THREAD_BUFFERS, nullptr);
}

}  // namespace meshform
