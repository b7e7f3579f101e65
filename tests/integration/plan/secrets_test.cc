// No private key, token or Secret value of the seed example ever appears in plan output (text,
// JSON, the markdown comment and its parts), in a saved plan, in what `show` prints of it, or in
// debug logs — also when the plan has to show changes to Secrets — nor in render's output
// (which holds no placeholder and no mask either: it leaves such objects out).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "engine/util/base64.h"
#include "tests/integration/plan/seed_fixture.h"

namespace meshform::testing {
namespace {

using nlohmann::json;

// Every value of every Secret in the namespaces meshform writes to, decoded and raw, plus the
// token inside each kubeconfig value; only values long enough to be recognisable.
std::set<std::string> SecretValues() {
  std::set<std::string> out;
  for (const char* context : {"beijing", "shanghai"}) {
    auto r = Kubectl(context, "get secrets -A -o json");
    if (r.exit_code != 0) throw std::runtime_error(r.err);
    json list = json::parse(r.out);  // kept alive for the loop (a temporary's member is not)
    for (const auto& s : list["items"]) {
      std::string ns = s["metadata"]["namespace"];
      if (ns == "kube-system" || ns == "default" || ns == "kube-public" ||
          ns == "kube-node-lease") {
        continue;
      }
      if (!s.contains("data")) continue;
      for (const auto& [key, value] : s["data"].items()) {
        // Public by design: a token Secret's namespace name, and the cluster's CA certificate
        // (ca.crt), which KubeFedCluster.spec.caBundle carries openly, as kubefedctl writes it.
        if (key == "namespace" || key == "ca.crt") continue;
        std::string raw = value;
        auto decoded = util::Base64Decode(raw).value_or("");
        if (raw.size() >= 16) out.insert(raw);
        if (decoded.size() >= 16) out.insert(decoded);
        auto token = decoded.find("token: ");
        if (token != std::string::npos) out.insert(decoded.substr(token + 7, 40));
      }
    }
  }
  return out;
}

void ExpectNoSecret(const std::string& what, const std::string& text,
                    const std::set<std::string>& secrets) {
  for (const auto& s : secrets) {
    // Compare a middle slice: PEM headers are public, the body is not.
    std::string probe = s.size() > 64 ? s.substr(s.size() / 2 - 16, 32) : s;
    EXPECT_EQ(text.find(probe), std::string::npos) << what << " contains a secret value";
  }
}

class PlanSecretsTest : public SeedTopology {};

TEST_F(PlanSecretsTest, NoSecretInTextJsonSavedPlanOrLogs) {
  ASSERT_EQ(Apply().exit_code, 0);
  // Make the plan touch Secrets: tamper with cacerts in shanghai (forces a reissue) and with
  // the remote secret in beijing.
  ASSERT_EQ(Kubectl("shanghai",
                    "-n istio-system patch secret cacerts --type merge -p "
                    "'{\"data\":{\"ca-cert.pem\":\"bm90IGEgY2VydA==\"}}'")
                .exit_code,
            0);
  auto secrets = SecretValues();
  ASSERT_GT(secrets.size(), 8u);
  auto text = Plan("-v");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("(sensitive)"), std::string::npos) << text.out;
  ExpectNoSecret("plan text", text.out, secrets);
  ExpectNoSecret("debug log", text.err, secrets);
  auto js = Plan("-o json --log-level trace");
  ExpectNoSecret("plan json", js.out, secrets);
  ExpectNoSecret("trace log", js.err, secrets);
  std::string saved = dir_ + "/plan.json";
  ASSERT_EQ(Plan("--out " + saved).exit_code, 0);
  ExpectNoSecret("saved plan", ReadFile(saved), secrets);
  auto md = Plan("-o markdown --log-level trace");
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_NE(md.out.find("(sensitive)"), std::string::npos) << md.out;
  ExpectNoSecret("plan markdown", md.out, secrets);
  ExpectNoSecret("plan markdown's trace log", md.err, secrets);
  std::string parts = dir_ + "/comment";
  ASSERT_EQ(Plan("-o markdown --max-bytes 2000 --out-markdown " + parts).exit_code, 0);
  std::string all_parts;
  for (int k = 1; std::ifstream(parts + "." + std::to_string(k) + ".md").good(); ++k) {
    all_parts += ReadFile(parts + "." + std::to_string(k) + ".md");
  }
  EXPECT_NE(all_parts.find("(sensitive)"), std::string::npos);
  ExpectNoSecret("markdown parts", all_parts, secrets);
  for (const char* format : {"text", "json", "markdown"}) {
    auto shown = Meshform(std::string("--log-level trace show -o ") + format + " " + saved);
    ASSERT_EQ(shown.exit_code, 0) << shown.err;
    EXPECT_NE(shown.out.find("(sensitive)"), std::string::npos) << format;
    ExpectNoSecret(std::string("show -o ") + format, shown.out + shown.err, secrets);
  }
  std::string rendered = dir_ + "/rendered";
  auto render = Meshform("render -f " + file_ + " -d " + rendered + " -v");
  ASSERT_EQ(render.exit_code, 0) << render.err;
  ExpectNoSecret("render's messages", render.out + render.err, secrets);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(rendered)) {
    if (!entry.is_regular_file()) continue;
    std::string text = ReadFile(entry.path().string());
    ExpectNoSecret(entry.path().string(), text, secrets);
    EXPECT_EQ(text.find("(sensitive)"), std::string::npos) << entry.path();
    EXPECT_EQ(text.find("(known after apply"), std::string::npos) << entry.path();
  }
}

}  // namespace
}  // namespace meshform::testing
