// The KubeFed stand-in's loop (see kubefed_worker.h).
#include "tools/stand-ins/kubefed_worker.h"

#include <spdlog/spdlog.h>

namespace meshform::standins {
namespace {

std::vector<kube::Client*> Pointers(const std::vector<std::unique_ptr<kube::Client>>& clients) {
  std::vector<kube::Client*> pointers;
  for (const auto& c : clients) pointers.push_back(c.get());
  return pointers;
}

}  // namespace

KubefedWorker::KubefedWorker(std::vector<std::unique_ptr<kube::Client>> clients,
                             std::chrono::milliseconds period)
    : clients_(std::move(clients)), sync_(Pointers(clients_)), period_(period) {}

KubefedWorker::~KubefedWorker() { Stop(); }

void KubefedWorker::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void KubefedWorker::Stop() {
  {
    std::lock_guard guard(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool KubefedWorker::WaitPeriod() {
  std::unique_lock guard(mu_);
  return !cv_.wait_for(guard, period_, [this] { return stopping_; });
}

void KubefedWorker::Loop() {
  spdlog::info("kubefed sync stand-in running over {} clusters", clients_.size());
  do {
    SyncOnce();
  } while (WaitPeriod());
  spdlog::info("kubefed sync stand-in stopped");
}

void KubefedWorker::SyncOnce() {
  try {
    sync_.Sync();
    if (!last_error_.empty()) spdlog::info("kubefed: clusters reachable again");
    last_error_.clear();
  } catch (const std::exception& error) {
    if (last_error_ != error.what()) spdlog::warn("kubefed: {}", error.what());
    last_error_ = error.what();
  }
}

}  // namespace meshform::standins
