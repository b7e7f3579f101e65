// meshform-local-stand-ins: the kubelet and cloud controller that local clusters lack (as kwok
// and cloud-provider-kind do elsewhere). For each named kubeconfig context it starts Pending
// pods and gives LoadBalancer Services an address on 127.0.0.0/8, through the status
// subresource; across all of them it runs KubeFed's sync controller (kubefed_sync.h: any
// cluster with KubeFedClusters is a host, its members are the other contexts) and Karmada's
// propagation (karmada_sync.h: any cluster serving PropagationPolicies is a Karmada control
// plane), until SIGTERM or SIGINT.
//
//   meshform-local-stand-ins --kubeconfig PATH [--period-ms N] CONTEXT...
#include <signal.h>
#include <spdlog/spdlog.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "engine/kube/client.h"
#include "tools/stand-ins/cluster_worker.h"
#include "tools/stand-ins/karmada_sync.h"
#include "tools/stand-ins/kubefed_sync.h"
#include "tools/stand-ins/sync_worker.h"

namespace {

using meshform::standins::ClusterWorker;
using meshform::standins::SyncWorker;

struct Arguments {
  std::string kubeconfig;
  std::chrono::milliseconds period{200};
  std::vector<std::string> contexts;
};

// A federation stand-in's own clients: its writes carry its own field manager and user agent.
template <class Sync>
std::unique_ptr<SyncWorker> MakeSyncWorker(const Arguments& args, const std::string& name,
                                           const std::string& field_manager) {
  meshform::kube::ClientOptions options;
  options.field_manager = field_manager;
  options.user_agent = name + "-stand-in";
  std::vector<std::unique_ptr<meshform::kube::Client>> clients;
  for (const std::string& context : args.contexts) {
    clients.push_back(meshform::kube::Client::ForContext(context, args.kubeconfig, options));
  }
  auto make = [](std::vector<meshform::kube::Client*> clusters) {
    return std::unique_ptr<meshform::standins::Syncer>(new Sync(std::move(clusters)));
  };
  return std::make_unique<SyncWorker>(name, std::move(clients), make, args.period);
}

int Usage() {
  spdlog::error("usage: meshform-local-stand-ins --kubeconfig PATH [--period-ms N] CONTEXT...");
  return 2;
}

bool Parse(int argc, char** argv, Arguments& args) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if ((arg == "--kubeconfig" || arg == "--period-ms") && i + 1 < argc) {
      std::string value = argv[++i];
      if (arg == "--kubeconfig") args.kubeconfig = value;
      if (arg == "--period-ms") args.period = std::chrono::milliseconds(std::stoi(value));
    } else if (arg.rfind("--", 0) == 0) {
      return false;
    } else {
      args.contexts.push_back(arg);
    }
  }
  return !args.contexts.empty();
}

// Blocks SIGTERM and SIGINT in every thread (call before starting any) and returns the set.
sigset_t BlockStopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

}  // namespace

int main(int argc, char** argv) {
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  Arguments args;
  if (!Parse(argc, argv, args)) return Usage();
  sigset_t stop_signals = BlockStopSignals();
  std::vector<std::unique_ptr<ClusterWorker>> workers;
  std::vector<std::unique_ptr<SyncWorker>> federations;
  try {
    for (size_t i = 0; i < args.contexts.size(); ++i) {
      auto client = meshform::kube::Client::ForContext(args.contexts[i], args.kubeconfig);
      workers.push_back(
          std::make_unique<ClusterWorker>(std::move(client), static_cast<int>(i), args.period));
    }
    federations.push_back(MakeSyncWorker<meshform::standins::KubefedSync>(
        args, "kubefed", "kubefed-controller-manager"));
    federations.push_back(MakeSyncWorker<meshform::standins::KarmadaSync>(
        args, "karmada", "karmada-controller-manager"));
  } catch (const std::exception& error) {
    spdlog::error("{}", error.what());
    return 1;
  }
  for (auto& worker : workers) worker->Start();
  for (auto& federation : federations) federation->Start();
  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  spdlog::info("stopping on signal {}", strsignal(signal_number));
  for (auto& worker : workers) worker->Stop();
  for (auto& federation : federations) federation->Stop();
  return 0;
}
