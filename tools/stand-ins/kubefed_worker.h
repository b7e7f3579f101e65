// The KubeFed sync-controller stand-in (KubefedSync) on its own thread, over every cluster's
// own client, run every period until Stop(). Errors are logged, at most one line per distinct
// message, and the loop goes on.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "engine/kube/client.h"
#include "tools/stand-ins/kubefed_sync.h"

namespace meshform::standins {

class KubefedWorker {
 public:
  KubefedWorker(std::vector<std::unique_ptr<kube::Client>> clients,
                std::chrono::milliseconds period);
  ~KubefedWorker();

  void Start();
  void Stop();  // asks the loop to end and joins it

 private:
  void Loop();
  void SyncOnce();
  bool WaitPeriod();  // false when stopping

  std::vector<std::unique_ptr<kube::Client>> clients_;
  KubefedSync sync_;
  std::chrono::milliseconds period_;
  std::string last_error_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace meshform::standins
