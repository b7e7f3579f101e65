// Timing helpers the whole-run benchmarks share: wall time of a piece of work, and the median
// of several runs.
#pragma once

#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

namespace meshform::bench {

inline double Seconds(const std::function<void()>& work) {
  auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

inline double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace meshform::bench
