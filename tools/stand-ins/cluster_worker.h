// One cluster's stand-ins on one thread: the kubelet (PodStarter) and the cloud controller
// (LoadBalancerAssigner), each run every ~200 ms until Stop(). Errors (a cluster going away)
// are logged, at most one line per distinct message, and the loop goes on.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "engine/kube/client.h"
#include "tools/stand-ins/address_pool.h"
#include "tools/stand-ins/load_balancer.h"
#include "tools/stand-ins/pod_starter.h"

namespace meshform::standins {

class ClusterWorker {
 public:
  ClusterWorker(std::unique_ptr<kube::Client> client, int index, std::chrono::milliseconds period);
  ~ClusterWorker();

  void Start();
  void Stop();  // asks the loop to end and joins it

 private:
  void Loop();
  void SyncOnce();
  bool WaitPeriod();  // false when stopping

  std::unique_ptr<kube::Client> client_;
  AddressPool pool_;
  PodStarter pods_;
  LoadBalancerAssigner load_balancers_;
  std::chrono::milliseconds period_;
  std::string last_error_;
  int passes_ = 0;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace meshform::standins
