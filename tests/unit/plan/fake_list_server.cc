// The paged LIST stand-in (see fake_list_server.h).
#include "tests/unit/plan/fake_list_server.h"

#include <sstream>

#include "tests/support/fake_transport.h"

namespace meshform::plan::testing {
namespace {

using nlohmann::json;

std::string Decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i] == '+' ? ' ' : s[i];
    }
  }
  return out;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, sep);) parts.push_back(part);
  return parts;
}

// "a=b,c=d" against the object's labels (the only selector form the reader sends).
bool LabelsMatch(const json& object, const std::string& selector) {
  const json labels = object["metadata"].value("labels", json::object());
  for (const auto& term : Split(selector, ',')) {
    auto eq = term.find('=');
    if (labels.value(term.substr(0, eq), "") != term.substr(eq + 1)) return false;
  }
  return true;
}

}  // namespace

void FakeListServer::Add(const std::string& kind, const std::string& ns, const std::string& name,
                         const std::map<std::string, std::string>& labels, const json& data) {
  json object = {{"metadata", {{"namespace", ns}, {"name", name}, {"uid", ns + "-" + name}}}};
  if (!labels.empty()) object["metadata"]["labels"] = labels;
  if (!data.is_null()) object["data"] = data;
  std::lock_guard<std::mutex> lock(mu_);
  objects_[kind == "Secret" ? "secrets" : "configmaps"].push_back(std::move(object));
}

kube::HttpResponse FakeListServer::Answer(const kube::HttpRequest& request) {
  std::string url = request.url.substr(request.url.find("/api/"));
  auto q = url.find('?');
  std::string path = url.substr(0, q);
  std::map<std::string, std::string> query;
  if (q != std::string::npos) {
    for (const auto& kv : Split(url.substr(q + 1), '&')) {
      auto eq = kv.find('=');
      query[kv.substr(0, eq)] = Decode(kv.substr(eq + 1));
    }
  }
  auto parts = Split(path, '/');  // "", api, v1, [namespaces, NS,] RESOURCE
  std::string resource = parts.back();
  std::string ns = parts.size() == 6 ? parts[4] : "";
  std::lock_guard<std::mutex> lock(mu_);
  lists_.push_back(Decode(url));
  std::vector<json> matching;
  for (const auto& o : objects_[resource]) {
    if (!ns.empty() && o["metadata"]["namespace"] != ns) continue;
    if (query.count("labelSelector") && !LabelsMatch(o, query["labelSelector"])) continue;
    if (query.count("fieldSelector") &&
        "metadata.name=" + o["metadata"]["name"].get<std::string>() != query["fieldSelector"]) {
      continue;
    }
    matching.push_back(o);
  }
  size_t from = query.count("continue") ? std::stoul(query["continue"]) : 0;
  size_t limit = query.count("limit") ? std::stoul(query["limit"]) : matching.size();
  json list = {
      {"kind", "List"}, {"metadata", {{"resourceVersion", "1"}}}, {"items", json::array()}};
  for (size_t i = from; i < matching.size() && i < from + limit; ++i) {
    list["items"].push_back(matching[i]);
  }
  if (from + limit < matching.size()) list["metadata"]["continue"] = std::to_string(from + limit);
  return kube::FakeTransport::Json(200, list.dump());
}

std::vector<std::string> FakeListServer::Lists() const {
  std::lock_guard<std::mutex> lock(mu_);
  return lists_;
}

FakeListCluster::FakeListCluster(FakeListServer& server, const kube::ClientOptions& options)
    : cluster(std::make_unique<kube::testing::FakeCluster>(options)) {
  cluster->transport->SetHandler(kube::testing::DiscoveryHandler(
      [&server](const kube::HttpRequest& r) { return server.Answer(r); }));
  std::map<std::string, std::shared_ptr<kube::Client>> by_name;
  by_name["c1"] = std::shared_ptr<kube::Client>(cluster->client.get(), [](kube::Client*) {});
  clients = std::make_unique<kube::ClusterClients>(by_name);
}

}  // namespace meshform::plan::testing
