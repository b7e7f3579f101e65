// Implementation of the pki test helpers (pki_test_util.h).
#include "tests/unit/pki/pki_test_util.h"

#include <gtest/gtest.h>
#include <openssl/pem.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace meshform::pki::testing {

Clock::time_point Now() {
  using namespace std::chrono;
  return sys_days{year{2026} / January / 15} + hours{10};
}

long long EpochSeconds(Clock::time_point time) {
  return std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
}

const CaBundle& TestRoot() {
  static const CaBundle root =
      GenerateRoot({"Test Root CA", "Istio", 3650, KeyType::kEcdsaP256}, Now());
  return root;
}

CaBundle TestIntermediate(const CaBundle& root, const std::string& cluster, int days,
                          Clock::time_point now) {
  IntermediateParams params;
  params.cluster = cluster;
  params.validity_days = days;
  params.key_type = KeyType::kEcdsaP256;
  return IssueIntermediate(root, params, now);
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "meshform-pki-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

CommandResult RunCommand(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("popen failed: " + command);
  std::array<char, 4096> buffer;
  while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe))
    result.output.append(buffer.data(), n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

internal::X509Ptr ParseCert(const std::string& pem) {
  internal::BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  return internal::X509Ptr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

internal::EvpPkeyPtr ParseKey(const std::string& pem) {
  internal::BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  return internal::EvpPkeyPtr(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
}

std::vector<std::string> NameEntries(const X509_NAME* name) {
  std::vector<std::string> entries;
  for (int i = 0; i < X509_NAME_entry_count(name); ++i) {
    const X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, i);
    int nid = OBJ_obj2nid(X509_NAME_ENTRY_get_object(entry));
    const ASN1_STRING* value = X509_NAME_ENTRY_get_data(entry);
    entries.push_back(std::string(OBJ_nid2sn(nid)) + "=" +
                      std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(value)),
                                  static_cast<size_t>(ASN1_STRING_length(value))));
  }
  return entries;
}

std::vector<std::string> PemBodyLines(const std::string& pem) {
  std::vector<std::string> lines;
  std::istringstream in(pem);
  for (std::string line; std::getline(in, line);) {
    if (line.size() >= 16 && line.rfind("-----", 0) != 0) lines.push_back(line);
  }
  return lines;
}

std::string LeafCertSignedBy(const CaBundle& root, const std::string& key_pem) {
  TempDir dir;
  WriteFile(dir.File("root.pem"), root.cert_pem);
  WriteFile(dir.File("root-key.pem"), root.key_pem);
  WriteFile(dir.File("key.pem"), key_pem);
  WriteFile(dir.File("ext.cnf"), "basicConstraints=critical,CA:false\nkeyUsage=digitalSignature\n");
  std::string d = dir.path().string();
  CommandResult r = RunCommand(
      "openssl req -new -key " + d + "/key.pem -subj '/O=Istio/CN=Workload' -out " + d +
      "/leaf.csr && openssl x509 -req -in " + d + "/leaf.csr -CA " + d + "/root.pem -CAkey " + d +
      "/root-key.pem -set_serial 7 -days 30 -extfile " + d + "/ext.cnf -out " + d + "/leaf.pem");
  if (r.exit_code != 0) throw std::runtime_error("openssl failed: " + r.output);
  return ReadFile(dir.File("leaf.pem"));
}

}  // namespace meshform::pki::testing
