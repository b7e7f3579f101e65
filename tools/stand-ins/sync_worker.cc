// A federation stand-in's loop (see sync_worker.h).
#include "tools/stand-ins/sync_worker.h"

#include <spdlog/spdlog.h>

namespace meshform::standins {
namespace {

std::vector<kube::Client*> Pointers(const std::vector<std::unique_ptr<kube::Client>>& clients) {
  std::vector<kube::Client*> pointers;
  for (const auto& c : clients) pointers.push_back(c.get());
  return pointers;
}

}  // namespace

SyncWorker::SyncWorker(std::string name, std::vector<std::unique_ptr<kube::Client>> clients,
                       const MakeSyncer& make, std::chrono::milliseconds period)
    : name_(std::move(name)),
      clients_(std::move(clients)),
      sync_(make(Pointers(clients_))),
      period_(period) {}

SyncWorker::~SyncWorker() { Stop(); }

void SyncWorker::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void SyncWorker::Stop() {
  {
    std::lock_guard guard(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool SyncWorker::WaitPeriod() {
  std::unique_lock guard(mu_);
  return !cv_.wait_for(guard, period_, [this] { return stopping_; });
}

void SyncWorker::Loop() {
  spdlog::info("{} stand-in running over {} clusters", name_, clients_.size());
  do {
    SyncOnce();
  } while (WaitPeriod());
  spdlog::info("{} stand-in stopped", name_);
}

void SyncWorker::SyncOnce() {
  try {
    sync_->Sync();
    if (!last_error_.empty()) spdlog::info("{}: clusters reachable again", name_);
    last_error_.clear();
  } catch (const std::exception& error) {
    if (last_error_ != error.what()) spdlog::warn("{}: {}", name_, error.what());
    last_error_ = error.what();
  }
}

}  // namespace meshform::standins
