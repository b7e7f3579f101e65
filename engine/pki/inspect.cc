// Inspect (inspect.h): names, validity, CA flag, serial, fingerprint, DNS SANs.
#include "engine/pki/inspect.h"

#include <openssl/err.h>

#include <ctime>

#include "engine/pki/cert_codec.h"
#include "engine/pki/error.h"

namespace meshform::pki {
namespace {

std::chrono::system_clock::time_point TimePoint(const ASN1_TIME* time, const char* what) {
  std::tm tm{};
  if (ASN1_TIME_to_tm(time, &tm) != 1) ThrowOpenSsl(std::string("reading ") + what);
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

std::string SerialHex(const X509* cert) {
  internal::BignumPtr bn(ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr));
  if (!bn) ThrowOpenSsl("reading the serial number");
  internal::OpenSslStringPtr hex(BN_bn2hex(bn.get()));
  if (!hex) ThrowOpenSsl("formatting the serial number");
  return hex.get();
}

std::string Sha256Fingerprint(const X509* cert) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (X509_digest(cert, EVP_sha256(), digest, &length) != 1) {
    ThrowOpenSsl("computing the SHA-256 fingerprint");
  }
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string text;
  for (unsigned int i = 0; i < length; ++i) {
    if (i != 0) text += ':';
    text += kHex[digest[i] >> 4];
    text += kHex[digest[i] & 0xf];
  }
  return text;
}

std::vector<std::string> DnsNames(X509* cert) {
  std::vector<std::string> names;
  auto* sans =
      static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  if (sans == nullptr) return names;
  for (int i = 0; i < sk_GENERAL_NAME_num(sans); ++i) {
    const GENERAL_NAME* name = sk_GENERAL_NAME_value(sans, i);
    if (name->type != GEN_DNS) continue;
    const ASN1_IA5STRING* dns = name->d.dNSName;
    names.emplace_back(reinterpret_cast<const char*>(ASN1_STRING_get0_data(dns)),
                       static_cast<size_t>(ASN1_STRING_length(dns)));
  }
  GENERAL_NAMES_free(sans);
  return names;
}

}  // namespace

CertInfo Inspect(std::string_view cert_pem, std::string_view what) {
  auto cert = internal::ParseCertificate(cert_pem, what);
  X509* x = cert.get();
  try {
    CertInfo info;
    info.subject = internal::NameOneLine(X509_get_subject_name(x));
    info.issuer = internal::NameOneLine(X509_get_issuer_name(x));
    info.not_before = TimePoint(X509_get0_notBefore(x), "notBefore");
    info.not_after = TimePoint(X509_get0_notAfter(x), "notAfter");
    info.is_ca = (X509_get_extension_flags(x) & EXFLAG_CA) != 0;
    info.path_length = static_cast<int>(X509_get_pathlen(x));
    info.serial = SerialHex(x);
    info.sha256_fingerprint = Sha256Fingerprint(x);
    info.dns_names = DnsNames(x);
    return info;
  } catch (const Error& e) {
    throw Error(std::string(what) + ": " + e.what());
  }
}

std::string FormatTime(std::chrono::system_clock::time_point time) {
  time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &tm);
  return text;
}

}  // namespace meshform::pki
