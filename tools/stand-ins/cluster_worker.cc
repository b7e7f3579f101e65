// One cluster's stand-in loop (see cluster_worker.h).
#include "tools/stand-ins/cluster_worker.h"

#include <spdlog/spdlog.h>

namespace meshform::standins {

ClusterWorker::ClusterWorker(std::unique_ptr<kube::Client> client, int index,
                             std::chrono::milliseconds period)
    : client_(std::move(client)),
      pool_(index),
      pods_(*client_, pool_),
      load_balancers_(*client_, pool_),
      period_(period) {}

ClusterWorker::~ClusterWorker() { Stop(); }

void ClusterWorker::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void ClusterWorker::Stop() {
  {
    std::lock_guard guard(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool ClusterWorker::WaitPeriod() {
  std::unique_lock guard(mu_);
  return !cv_.wait_for(guard, period_, [this] { return stopping_; });
}

void ClusterWorker::Loop() {
  spdlog::info("{}: stand-ins running (kubelet: pods, cloud: load balancers)", client_->cluster());
  do {
    SyncOnce();
  } while (WaitPeriod());
  spdlog::info("{}: stand-ins stopped", client_->cluster());
}

void ClusterWorker::SyncOnce() {
  try {
    pods_.Sync();
    // Services are listed whole (no selector finds LoadBalancers): every fifth pass, so that
    // a thousand workloads' Services do not keep the API servers busy.
    if (passes_++ % 5 == 0) load_balancers_.Sync();
    if (!last_error_.empty()) spdlog::info("{}: reachable again", client_->cluster());
    last_error_.clear();
  } catch (const std::exception& error) {
    if (last_error_ != error.what()) spdlog::warn("{}: {}", client_->cluster(), error.what());
    last_error_ = error.what();
  }
}

}  // namespace meshform::standins
