// Happens-before edges for ThreadSanitizer where the synchronisation that orders two threads is
// inside a library TSan cannot see: Debian's libtbb is not built with TSan, so TSan does not
// know that a TBB task starts after the code that spawned it, nor that task_group::wait and
// parallel_for return after every task ended. TsanRelease(token) where work is handed over,
// TsanAcquire(token) where it is picked up (the same address), before the task reads anything
// its spawner wrote. Nothing in other builds.
// A task must read which token to acquire from its own closure, which its spawner wrote: that
// one read is made between TsanIgnoreReadsBegin() and TsanIgnoreReadsEnd(), and is ordered in
// truth as long as the closure was complete before the spawner's TsanRelease (so the task must
// be built before it is released: task_group::defer, then run).
#pragma once

#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void* addr);
extern "C" void __tsan_release(void* addr);
extern "C" void AnnotateIgnoreReadsBegin(const char* file, int line);
extern "C" void AnnotateIgnoreReadsEnd(const char* file, int line);
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

inline void TsanIgnoreReadsBegin() {
#if defined(__SANITIZE_THREAD__)
  AnnotateIgnoreReadsBegin(__FILE__, __LINE__);
#endif
}

inline void TsanIgnoreReadsEnd() {
#if defined(__SANITIZE_THREAD__)
  AnnotateIgnoreReadsEnd(__FILE__, __LINE__);
#endif
}

}  // namespace meshform
