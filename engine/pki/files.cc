// WritePrivateKeyFile, LoadPem and LoadCaBundle (files.h).
#include "engine/pki/files.h"

#include <fcntl.h>
#include <openssl/err.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <sstream>
#include <system_error>

#include "engine/pki/cert_codec.h"
#include "engine/pki/error.h"
#include "engine/pki/key_codec.h"

namespace meshform::pki {
namespace {

constexpr std::streamoff kMaxPemBytes = 1 << 20;

std::string ErrnoText(int error) { return std::generic_category().message(error); }

// Owns a temporary file: closes it, and removes it unless Commit() renamed it into place.
class TempFile {
 public:
  explicit TempFile(const std::string& target) : target_(target), name_(target + ".tmp-XXXXXX") {
    fd_ = mkostemp(name_.data(), O_CLOEXEC);  // mkostemp creates the file 0600
    if (fd_ < 0) Fail("creating a temporary file");
  }
  ~TempFile() {
    if (fd_ >= 0) close(fd_);
    if (!committed_) unlink(name_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  void Write(std::string_view data) {
    if (fchmod(fd_, S_IRUSR | S_IWUSR) != 0) Fail("setting mode 0600");
    while (!data.empty()) {
      ssize_t written = write(fd_, data.data(), data.size());
      if (written < 0 && errno == EINTR) continue;
      if (written < 0) Fail("writing");
      data.remove_prefix(static_cast<size_t>(written));
    }
    if (fsync(fd_) != 0) Fail("syncing");
  }

  void Commit() {
    int fd = fd_;
    fd_ = -1;
    if (close(fd) != 0) Fail("closing");
    if (rename(name_.c_str(), target_.c_str()) != 0) Fail("renaming into place");
    committed_ = true;
  }

 private:
  [[noreturn]] void Fail(const std::string& step) {
    int error = errno;
    throw Error("writing private key file " + target_ + ": " + step + ": " + ErrnoText(error));
  }

  std::string target_;
  std::string name_;
  int fd_ = -1;
  bool committed_ = false;
};

}  // namespace

void WritePrivateKeyFile(const std::string& path, std::string_view pem) {
  TempFile file(path);
  file.Write(pem);
  file.Commit();
}

std::string LoadPem(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("reading " + path + ": " + ErrnoText(errno));
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size > kMaxPemBytes) throw Error("reading " + path + ": larger than 1 MiB, not a PEM file");
  in.seekg(0, std::ios::beg);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw Error("reading " + path + ": read error");
  std::string pem = std::move(text).str();
  if (pem.find("-----BEGIN ") == std::string::npos) {
    throw Error("reading " + path + ": no PEM block found");
  }
  return pem;
}

CaBundle LoadCaBundle(const std::string& cert_path, const std::string& key_path) {
  auto cert = internal::ParseCertificate(LoadPem(cert_path), cert_path);
  auto key = internal::ParsePrivateKey(LoadPem(key_path), key_path);
  if (!(X509_get_extension_flags(cert.get()) & EXFLAG_CA)) {
    throw Error(cert_path + ": not a CA certificate (basicConstraints CA:true missing)");
  }
  if (EVP_PKEY_eq(X509_get0_pubkey(cert.get()), key.get()) != 1) {
    ERR_clear_error();
    throw Error(key_path + ": private key does not match the certificate in " + cert_path);
  }
  return {internal::CertificateToPem(cert.get()), internal::PrivateKeyToPem(key.get())};
}

}  // namespace meshform::pki
