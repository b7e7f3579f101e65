// The certificate authority: validity periods that fit together, and, for a root read from
// files, that both files are readable PEM, the key matches the certificate, and the
// certificate is an unexpired CA (OpenSSL).
#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

#include "engine/topology/file_read.h"
#include "engine/topology/semantic_check.h"

namespace meshform::topology {
namespace {

using X509Ptr = std::unique_ptr<X509, decltype(&X509_free)>;
using KeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

std::unique_ptr<BIO, decltype(&BIO_free)> MemoryBio(const std::string& text) {
  return {BIO_new_mem_buf(text.data(), static_cast<int>(text.size())), &BIO_free};
}

// Reads `pointer`'s file; reports and returns false when it cannot.
bool ReadAt(const CheckContext& ctx, const std::string& pointer, const std::string& path,
            std::string* text) {
  std::string error;
  if (ReadWholeFile(path, text, &error)) return true;
  ctx.At(pointer, "cannot read '" + ctx.StringAt(pointer) + "': " + error);
  return false;
}

void CheckCertificate(const CheckContext& ctx, X509* cert) {
  const std::string written = ctx.StringAt("/ca/root/certFile");
  if (X509_check_ca(cert) != 1)
    ctx.At("/ca/root/certFile",
           "certificate '" + written + "' is not a CA (no basicConstraints CA:TRUE)");
  if (X509_cmp_current_time(X509_get0_notAfter(cert)) < 0)
    ctx.At("/ca/root/certFile", "certificate '" + written + "' has expired");
}

void CheckRootFiles(const CheckContext& ctx) {
  const RootCa& root = ctx.topology.ca.root;
  std::string cert_text, key_text;
  bool have_cert = ReadAt(ctx, "/ca/root/certFile", root.cert_file, &cert_text);
  bool have_key = ReadAt(ctx, "/ca/root/keyFile", root.key_file, &key_text);
  X509Ptr cert(nullptr, &X509_free);
  KeyPtr key(nullptr, &EVP_PKEY_free);
  if (have_cert) {
    cert.reset(PEM_read_bio_X509(MemoryBio(cert_text).get(), nullptr, nullptr, nullptr));
    if (!cert)
      ctx.At("/ca/root/certFile",
             "'" + ctx.StringAt("/ca/root/certFile") + "' holds no PEM certificate");
  }
  if (have_key) {
    key.reset(PEM_read_bio_PrivateKey(MemoryBio(key_text).get(), nullptr, nullptr, nullptr));
    if (!key)
      ctx.At("/ca/root/keyFile",
             "'" + ctx.StringAt("/ca/root/keyFile") + "' holds no PEM private key");
  }
  if (cert) CheckCertificate(ctx, cert.get());
  if (cert && key && X509_check_private_key(cert.get(), key.get()) != 1)
    ctx.At("/ca/root/keyFile", "key '" + ctx.StringAt("/ca/root/keyFile") +
                                   "' does not match certificate '" +
                                   ctx.StringAt("/ca/root/certFile") + "'");
}

void CheckValidity(const CheckContext& ctx) {
  const Ca& ca = ctx.topology.ca;
  if (ca.root.generate && ca.intermediate.validity_days > ca.root.validity_days)
    ctx.At("/ca/intermediate/validityDays", "an intermediate may not outlive the root: " +
                                                std::to_string(ca.intermediate.validity_days) +
                                                " days > the root's " +
                                                std::to_string(ca.root.validity_days));
  if (ca.intermediate.renew_before_days >= ca.intermediate.validity_days)
    ctx.At("/ca/intermediate/renewBeforeDays", "must be less than the intermediates' validity (" +
                                                   std::to_string(ca.intermediate.validity_days) +
                                                   " days)");
}

}  // namespace

void CheckCa(const CheckContext& ctx) {
  CheckValidity(ctx);
  bool files = ctx.Written("/ca/root/certFile") || ctx.Written("/ca/root/keyFile");
  if (files && ctx.Written("/ca/root/generate"))
    ctx.At("/ca/root/generate", "give either 'generate' or 'certFile' and 'keyFile', not both");
  // Both files must be named (the schema reports a missing one) and be strings.
  if (!ctx.StringAt("/ca/root/certFile").empty() && !ctx.StringAt("/ca/root/keyFile").empty())
    CheckRootFiles(ctx);
}

}  // namespace meshform::topology
