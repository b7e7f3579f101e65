// Proves: intermediates can be issued, inspected and assessed from several threads at once
// (as the apply executor does); every result is a distinct, valid intermediate of the root.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "engine/pki/assess.h"
#include "engine/pki/inspect.h"
#include "engine/pki/verify.h"
#include "tests/unit/pki/pki_test_util.h"

namespace meshform::pki {
namespace {

TEST(pki_Concurrency, ParallelIssuanceFromOneRoot) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 3;
  const CaBundle& root = testing::TestRoot();
  std::vector<std::vector<CaBundle>> issued(kThreads);
  std::vector<std::string> failures(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      try {
        for (int i = 0; i < kPerThread; ++i) {
          std::string cluster = "c" + std::to_string(t) + "-" + std::to_string(i);
          CaBundle bundle = testing::TestIntermediate(root, cluster);
          auto decision = AssessIntermediate(CacertsFromData(CacertsData(bundle, root.cert_pem)),
                                             root.cert_pem, testing::Now(), std::chrono::days(30));
          if (!decision.reuse()) failures[t] += cluster + ": " + decision.reason + "\n";
          issued[t].push_back(std::move(bundle));
        }
      } catch (const std::exception& e) {
        failures[t] += e.what();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  std::set<std::string> serials, keys, subjects;
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(failures[t], "") << "thread " << t;
    for (const CaBundle& bundle : issued[t]) {
      CertInfo info = Inspect(bundle.cert_pem);
      serials.insert(info.serial);
      subjects.insert(info.subject);
      keys.insert(bundle.key_pem);
      EXPECT_TRUE(VerifyChain(bundle.cert_pem, "", root.cert_pem, testing::Now()));
      EXPECT_TRUE(KeyMatchesCert(bundle.key_pem, bundle.cert_pem));
    }
  }
  EXPECT_EQ(serials.size(), size_t{kThreads * kPerThread});
  EXPECT_EQ(keys.size(), size_t{kThreads * kPerThread});
  EXPECT_EQ(subjects.size(), size_t{kThreads * kPerThread});
}

}  // namespace
}  // namespace meshform::pki
