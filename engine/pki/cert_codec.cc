// Certificate PEM decoding and encoding (cert_codec.h).
#include "engine/pki/cert_codec.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include "engine/pki/error.h"

namespace meshform::pki::internal {
namespace {

// After PEM_read_bio_X509 returned null: true when that was the clean end of input.
bool ReachedEndOfInput() {
  unsigned long code = ERR_peek_last_error();
  if (ERR_GET_LIB(code) == ERR_LIB_PEM && ERR_GET_REASON(code) == PEM_R_NO_START_LINE) {
    ERR_clear_error();
    return true;
  }
  return false;
}

}  // namespace

std::vector<X509Ptr> ParseCertificates(std::string_view pem, std::string_view what) {
  ERR_clear_error();
  auto bio = ReadOnlyBio(pem);
  std::vector<X509Ptr> certs;
  while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
    certs.emplace_back(cert);
  }
  if (!ReachedEndOfInput()) {
    ThrowOpenSsl(std::string(what) + ": certificate " + std::to_string(certs.size() + 1) +
                 " is not a readable PEM certificate");
  }
  if (certs.empty()) throw Error(std::string(what) + ": no PEM certificate found");
  return certs;
}

X509Ptr ParseCertificate(std::string_view pem, std::string_view what) {
  auto certs = ParseCertificates(pem, what);
  if (certs.size() != 1) {
    throw Error(std::string(what) + ": expected one certificate, found " +
                std::to_string(certs.size()));
  }
  return std::move(certs.front());
}

std::string CertificateToPem(X509* cert) {
  ERR_clear_error();
  auto bio = MemoryBio();
  if (PEM_write_bio_X509(bio.get(), cert) != 1) ThrowOpenSsl("encoding a certificate as PEM");
  return BioContents(bio.get());
}

std::string NameOneLine(const X509_NAME* name) {
  auto bio = MemoryBio();
  if (X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB) < 0) {
    ThrowOpenSsl("printing a certificate name");
  }
  return BioContents(bio.get());
}

bool SameCertificate(X509* a, X509* b) { return X509_cmp(a, b) == 0; }

}  // namespace meshform::pki::internal
