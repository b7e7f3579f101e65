// A federation stand-in (KubeFed's sync controller, Karmada's controllers) on its own thread:
// one Syncer pass over every cluster's own client, every period until Stop(). Errors are
// logged, at most one line per distinct message, and the loop goes on.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "engine/kube/client.h"

namespace meshform::standins {

// One pass over all clusters; returns how many member objects it wrote or deleted.
class Syncer {
 public:
  virtual ~Syncer() = default;
  virtual int Sync() = 0;
};

class SyncWorker {
 public:
  using MakeSyncer = std::function<std::unique_ptr<Syncer>(std::vector<kube::Client*>)>;

  // `name` ("kubefed", "karmada") prefixes its log lines.
  SyncWorker(std::string name, std::vector<std::unique_ptr<kube::Client>> clients,
             const MakeSyncer& make, std::chrono::milliseconds period);
  ~SyncWorker();

  void Start();
  void Stop();  // asks the loop to end and joins it

 private:
  void Loop();
  void SyncOnce();
  bool WaitPeriod();  // false when stopping

  std::string name_;
  std::vector<std::unique_ptr<kube::Client>> clients_;
  std::unique_ptr<Syncer> sync_;
  std::chrono::milliseconds period_;
  std::string last_error_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace meshform::standins
