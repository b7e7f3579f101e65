// Loading and merging kubeconfig files (see kubeconfig.h); Resolve() is in kubeconfig_resolve.cc.
#include "engine/kube/kubeconfig.h"

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "engine/util/base64.h"

namespace meshform::kube {
namespace {

namespace fs = std::filesystem;

std::string Str(const YAML::Node& node, const char* key) {
  const YAML::Node value = node[key];
  if (!value || value.IsNull()) return "";
  return value.as<std::string>();
}

bool Bool(const YAML::Node& node, const char* key) {
  const YAML::Node value = node[key];
  return value && !value.IsNull() && value.as<bool>();
}

// Paths in a kubeconfig are relative to the folder of the file that holds them.
std::string Absolute(const std::string& path, const std::string& origin) {
  if (path.empty() || fs::path(path).is_absolute()) return path;
  if (path.rfind("~/", 0) == 0 && std::getenv("HOME") != nullptr) {
    return std::string(std::getenv("HOME")) + path.substr(1);
  }
  return (fs::path(origin).parent_path() / path).lexically_normal().string();
}

std::string DecodeData(const YAML::Node& node, const char* key, const std::string& where) {
  std::string text = Str(node, key);
  if (text.empty()) return "";
  auto decoded = util::Base64Decode(text);
  if (!decoded) throw KubeconfigError(where + ": " + key + " is not valid base64");
  return *decoded;
}

ExecConfig ParseExec(const YAML::Node& n, const std::string& origin) {
  ExecConfig exec;
  exec.command = Str(n, "command");
  if (exec.command.find('/') != std::string::npos) exec.command = Absolute(exec.command, origin);
  for (const auto& arg : n["args"]) exec.args.push_back(arg.as<std::string>());
  for (const auto& e : n["env"]) exec.env.emplace_back(Str(e, "name"), Str(e, "value"));
  exec.api_version = Str(n, "apiVersion");
  exec.install_hint = Str(n, "installHint");
  exec.provide_cluster_info = Bool(n, "provideClusterInfo");
  exec.interactive_mode = Str(n, "interactiveMode");
  return exec;
}

KubeconfigCluster ParseCluster(const YAML::Node& n, const std::string& where,
                               const std::string& origin) {
  KubeconfigCluster c;
  c.server = Str(n, "server");
  c.tls_server_name = Str(n, "tls-server-name");
  c.insecure_skip_tls_verify = Bool(n, "insecure-skip-tls-verify");
  c.certificate_authority = Absolute(Str(n, "certificate-authority"), origin);
  c.certificate_authority_data = DecodeData(n, "certificate-authority-data", where);
  c.proxy_url = Str(n, "proxy-url");
  c.disable_compression = Bool(n, "disable-compression");
  c.origin = origin;
  return c;
}

KubeconfigUser ParseUser(const YAML::Node& n, const std::string& where, const std::string& origin) {
  KubeconfigUser u;
  u.client_certificate = Absolute(Str(n, "client-certificate"), origin);
  u.client_certificate_data = DecodeData(n, "client-certificate-data", where);
  u.client_key = Absolute(Str(n, "client-key"), origin);
  u.client_key_data = DecodeData(n, "client-key-data", where);
  u.token = Str(n, "token");
  u.token_file = Absolute(Str(n, "tokenFile"), origin);
  u.username = Str(n, "username");
  u.password = Str(n, "password");
  if (n["exec"] && !n["exec"].IsNull()) u.exec = ParseExec(n["exec"], origin);
  if (n["auth-provider"] && !n["auth-provider"].IsNull()) {
    u.auth_provider = Str(n["auth-provider"], "name");
  }
  u.impersonate = Str(n, "as");
  u.impersonate_uid = Str(n, "as-uid");
  u.impersonate_groups_or_extra = (n["as-groups"] && n["as-groups"].size() > 0) ||
                                  (n["as-user-extra"] && n["as-user-extra"].size() > 0);
  u.origin = origin;
  return u;
}

// Calls `fn(name, body, where)` for each {name, <key>} entry of a top-level list.
template <typename Fn>
void ForEachNamed(const YAML::Node& root, const char* list, const char* key,
                  const std::string& origin, Fn fn) {
  for (const auto& entry : root[list]) {
    std::string name = Str(entry, "name");
    std::string where = origin + ": " + list + "[" + name + "]";
    if (name.empty()) throw KubeconfigError(origin + ": an entry of " + list + " has no name");
    fn(name, entry[key] ? entry[key] : YAML::Node(YAML::NodeType::Map), where);
  }
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw KubeconfigError("kubeconfig file " + path + " cannot be read");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

Kubeconfig Kubeconfig::Parse(const std::string& yaml, const std::string& origin) {
  Kubeconfig config;
  config.files_.push_back(origin);
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    throw KubeconfigError("kubeconfig " + origin + " is not valid YAML: " + e.what());
  }
  if (!root || root.IsNull()) return config;  // an empty file is an empty config
  if (!root.IsMap()) throw KubeconfigError("kubeconfig " + origin + " is not a YAML mapping");
  try {
    ForEachNamed(root, "clusters", "cluster", origin, [&](auto& name, auto& n, auto& where) {
      config.clusters_.try_emplace(name, ParseCluster(n, where, origin));
    });
    ForEachNamed(root, "users", "user", origin, [&](auto& name, auto& n, auto& where) {
      config.users_.try_emplace(name, ParseUser(n, where, origin));
    });
    ForEachNamed(root, "contexts", "context", origin, [&](auto& name, auto& n, auto&) {
      config.contexts_.try_emplace(
          name, KubeconfigContext{Str(n, "cluster"), Str(n, "user"), Str(n, "namespace"), origin});
    });
    config.current_context_ = Str(root, "current-context");
  } catch (const YAML::Exception& e) {
    throw KubeconfigError("kubeconfig " + origin + ": " + e.what());
  }
  return config;
}

void Kubeconfig::MergeLater(const Kubeconfig& later) {
  clusters_.insert(later.clusters_.begin(), later.clusters_.end());
  users_.insert(later.users_.begin(), later.users_.end());
  contexts_.insert(later.contexts_.begin(), later.contexts_.end());
  if (current_context_.empty()) current_context_ = later.current_context_;
  files_.insert(files_.end(), later.files_.begin(), later.files_.end());
}

Kubeconfig Kubeconfig::LoadChain(const std::vector<std::string>& paths) {
  Kubeconfig merged;
  std::set<std::string> seen;
  for (const auto& path : paths) {
    if (path.empty() || !seen.insert(path).second) continue;
    if (!fs::exists(path)) continue;  // kubectl skips missing files in the chain
    merged.MergeLater(Parse(ReadFile(path), path));
  }
  return merged;
}

Kubeconfig Kubeconfig::Load(const std::string& explicit_path) {
  if (!explicit_path.empty()) {
    if (!fs::exists(explicit_path)) {
      throw KubeconfigError("kubeconfig file " + explicit_path + " does not exist");
    }
    return Parse(ReadFile(explicit_path), explicit_path);
  }
  std::vector<std::string> chain;
  const char* env = std::getenv("KUBECONFIG");
  if (env != nullptr && *env != '\0') {
    std::stringstream in(env);
    for (std::string part; std::getline(in, part, ':');) chain.push_back(part);
  } else if (const char* home = std::getenv("HOME"); home != nullptr) {
    chain.push_back(std::string(home) + "/.kube/config");
  }
  return LoadChain(chain);
}

std::vector<std::string> Kubeconfig::ContextNames() const {
  std::vector<std::string> names;
  for (const auto& [name, _] : contexts_) names.push_back(name);
  return names;
}

}  // namespace meshform::kube
