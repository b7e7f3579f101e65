// Proves that secrets never reach the logs: with spdlog at trace level (everything the client
// logs), token authentication, writing and reading a Secret, listing Secrets, a TokenRequest and
// a client-certificate connection leave no token, Secret value or client key in the output,
// while method, path and status are logged.
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

#include "engine/util/base64.h"
#include "tests/integration/kube/cluster_env.h"

namespace meshform::kube {
namespace {

using namespace testing;

class CapturedLog {
 public:
  CapturedLog() : previous_(spdlog::default_logger()) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out_);
    auto logger = std::make_shared<spdlog::logger>("capture", sink);
    logger->set_level(spdlog::level::trace);
    spdlog::set_default_logger(logger);
    spdlog::set_level(spdlog::level::trace);
  }
  ~CapturedLog() {
    spdlog::set_default_logger(previous_);
    spdlog::set_level(spdlog::level::info);
  }
  std::string text() {
    spdlog::default_logger()->flush();
    return out_.str();
  }

 private:
  std::ostringstream out_;
  std::shared_ptr<spdlog::logger> previous_;
};

void ExpectAbsent(const std::string& log, const std::string& secret, const std::string& what) {
  ASSERT_FALSE(secret.empty());
  EXPECT_EQ(log.find(secret), std::string::npos) << what << " leaked into the log";
}

// The body of a PEM block (without the BEGIN/END lines), in chunks that would show up if logged.
std::vector<std::string> PemChunks(const std::string& pem) {
  std::vector<std::string> chunks;
  std::istringstream in(pem);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("-----", 0) != 0 && line.size() >= 32) chunks.push_back(line.substr(0, 32));
  }
  return chunks;
}

TEST(KubeLogRedactionTest, NoTokenKeyOrSecretValueInTraceLogs) {
  std::string context = Context(0);
  auto admin = AdminClient(context);
  ScratchNamespace ns(*admin, "redact");
  std::string admin_token = AdminToken(context);
  ClusterConfig cert_config = HarnessKubeconfig().Resolve(context);
  const std::string value = "s3cr3t-value-that-must-not-leak";
  const std::string string_value = "string-data-value-never-logged";
  std::string sa_token;
  std::string log;
  {
    CapturedLog capture;
    TempDir dir;
    auto client =
        Client::ForContext(context, WriteKubeconfig(dir, context, "{token: " + admin_token + "}"));
    json secret = {{"apiVersion", "v1"},
                   {"kind", "Secret"},
                   {"metadata", {{"name", "creds"}, {"namespace", ns.name()}}},
                   {"data", {{"conn", util::Base64Encode(value)}}},
                   {"stringData", {{"other", string_value}}}};
    client->Apply(secret);
    client->Get({"v1", "Secret", ns.name(), "creds"});
    ListOptions options;
    options.ns = ns.name();
    client->List("v1", "Secret", options);
    client->Apply({{"apiVersion", "v1"},
                   {"kind", "ServiceAccount"},
                   {"metadata", {{"name", "sa"}, {"namespace", ns.name()}}}});
    sa_token = client->CreateToken(ns.name(), "sa").token;
    auto cert_client = AdminClient(context);  // client certificate and key
    cert_client->Get({"v1", "Secret", ns.name(), "creds"});
    log = capture.text();
  }
  EXPECT_NE(log.find("PATCH /api/v1/namespaces/" + ns.name() + "/secrets/creds"), std::string::npos)
      << log;
  EXPECT_NE(log.find("GET /api/v1/namespaces/" + ns.name() + "/secrets/creds 200"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("Authorization: (sensitive)"), std::string::npos) << log;
  ExpectAbsent(log, admin_token, "the bearer token");
  ExpectAbsent(log, sa_token, "the TokenRequest token");
  ExpectAbsent(log, value, "the Secret value");
  ExpectAbsent(log, util::Base64Encode(value), "the base64 Secret value");
  ExpectAbsent(log, string_value, "the stringData value");
  ExpectAbsent(log, util::Base64Encode(string_value), "the base64 stringData value");
  for (const auto& chunk : PemChunks(cert_config.tls.client_key_pem))
    ExpectAbsent(log, chunk, "the client key");
}

}  // namespace
}  // namespace meshform::kube
