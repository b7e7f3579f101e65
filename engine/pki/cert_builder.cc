// CertBuilder (cert_builder.h): serial, validity, names, extensions, signature.
#include "engine/pki/cert_builder.h"

#include <openssl/err.h>

#include "engine/pki/error.h"

namespace meshform::pki::internal {
namespace {

constexpr int kSerialBits = 128;

void SetRandomSerial(X509* cert) {
  BignumPtr bn(BN_new());
  // Top bit set: exactly 128 bits long, positive, never zero.
  if (!bn || BN_rand(bn.get(), kSerialBits, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ANY) != 1) {
    ThrowOpenSsl("generating a certificate serial number");
  }
  Asn1IntegerPtr serial(BN_to_ASN1_INTEGER(bn.get(), nullptr));
  if (!serial || X509_set_serialNumber(cert, serial.get()) != 1) {
    ThrowOpenSsl("setting the certificate serial number");
  }
}

}  // namespace

CertBuilder::CertBuilder(EVP_PKEY* public_key) : cert_(X509_new()) {
  ERR_clear_error();
  if (!cert_ || X509_set_version(cert_.get(), X509_VERSION_3) != 1 ||
      X509_set_pubkey(cert_.get(), public_key) != 1) {
    ThrowOpenSsl("creating a certificate");
  }
  SetRandomSerial(cert_.get());
}

CertBuilder& CertBuilder::Subject(const std::vector<std::pair<std::string, std::string>>& fields) {
  X509_NAME* name = X509_get_subject_name(cert_.get());
  for (const auto& [field, value] : fields) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(value.data());
    if (X509_NAME_add_entry_by_txt(name, field.c_str(), MBSTRING_UTF8, bytes,
                                   static_cast<int>(value.size()), -1, 0) != 1) {
      ThrowOpenSsl("setting subject field " + field + "=" + value);
    }
  }
  return *this;
}

CertBuilder& CertBuilder::Validity(std::chrono::system_clock::time_point not_before, int days) {
  time_t start = std::chrono::system_clock::to_time_t(not_before);
  if (!X509_time_adj_ex(X509_getm_notBefore(cert_.get()), 0, 0, &start) ||
      !X509_time_adj_ex(X509_getm_notAfter(cert_.get()), days, 0, &start)) {
    ThrowOpenSsl("setting the certificate validity");
  }
  return *this;
}

CertBuilder& CertBuilder::Issuer(X509* issuer) {
  issuer_ = issuer;
  return *this;
}

CertBuilder& CertBuilder::Extension(int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, issuer_ ? issuer_ : cert_.get(), cert_.get(), nullptr, nullptr, 0);
  X509ExtensionPtr ext(X509V3_EXT_nconf_nid(nullptr, &ctx, nid, value.c_str()));
  if (!ext || X509_add_ext(cert_.get(), ext.get(), -1) != 1) {
    ThrowOpenSsl(std::string("adding extension ") + OBJ_nid2sn(nid) + "=" + value);
  }
  return *this;
}

X509Ptr CertBuilder::Sign(EVP_PKEY* issuer_key) {
  X509* issuer = issuer_ ? issuer_ : cert_.get();
  if (X509_set_issuer_name(cert_.get(), X509_get_subject_name(issuer)) != 1) {
    ThrowOpenSsl("setting the certificate issuer");
  }
  if (X509_sign(cert_.get(), issuer_key, EVP_sha256()) <= 0) {
    ThrowOpenSsl("signing the certificate");
  }
  return std::move(cert_);
}

}  // namespace meshform::pki::internal
