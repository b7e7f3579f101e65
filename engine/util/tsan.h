// Happens-before edges for ThreadSanitizer where the synchronisation that orders two threads is
// inside a library TSan cannot see: Debian's libtbb is not built with TSan, so TSan does not
// know that a TBB task starts after the code that spawned it, nor that task_group::wait and
// parallel_for return after every task ended. TsanRelease(token) where work is handed over,
// TsanAcquire(token) where it is picked up (the same address), before the task reads anything
// its spawner wrote. Nothing in other builds.
#pragma once

#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
#endif

namespace meshform {

inline void TsanRelease([[maybe_unused]] const void* token) {
#if defined(__SANITIZE_THREAD__)
  __tsan_release(const_cast<void*>(token));
#endif
}

inline void TsanAcquire([[maybe_unused]] const void* token) {
#if defined(__SANITIZE_THREAD__)
  __tsan_acquire(const_cast<void*>(token));
#endif
}

}  // namespace meshform
