// KeyMatchesCert and VerifyChain (verify.h).
#include "engine/pki/verify.h"

#include <openssl/err.h>

#include "engine/pki/cert_codec.h"
#include "engine/pki/error.h"
#include "engine/pki/key_codec.h"

namespace meshform::pki {
namespace {

using internal::X509Ptr;
using internal::X509StackPtr;

VerifyFailure Classify(int error) {
  switch (error) {
    case X509_V_OK:
      return VerifyFailure::kNone;
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_CERT_UNTRUSTED:
      return VerifyFailure::kUntrustedIssuer;
    case X509_V_ERR_CERT_HAS_EXPIRED:
      return VerifyFailure::kExpired;
    case X509_V_ERR_CERT_NOT_YET_VALID:
      return VerifyFailure::kNotYetValid;
    default:
      return VerifyFailure::kOther;
  }
}

X509StackPtr Untrusted(std::string_view pem) {
  X509StackPtr stack(sk_X509_new_null());
  if (!stack) ThrowOpenSsl("allocating a certificate stack");
  if (pem.find("-----BEGIN") == std::string_view::npos) return stack;
  for (auto& cert : internal::ParseCertificates(pem, "certificate chain")) {
    if (sk_X509_push(stack.get(), cert.get()) == 0) ThrowOpenSsl("building the chain");
    cert.release();  // now owned by the stack
  }
  return stack;
}

VerifyResult Failure(X509_STORE_CTX* ctx) {
  VerifyResult result;
  int error = X509_STORE_CTX_get_error(ctx);
  result.failure = Classify(error);
  if (result.failure == VerifyFailure::kNone) result.failure = VerifyFailure::kOther;
  result.depth = X509_STORE_CTX_get_error_depth(ctx);
  result.reason = X509_verify_cert_error_string(error);
  if (X509* bad = X509_STORE_CTX_get_current_cert(ctx)) {
    result.reason += " (depth " + std::to_string(result.depth) + ": " +
                     internal::NameOneLine(X509_get_subject_name(bad)) + ")";
  }
  ERR_clear_error();
  return result;
}

}  // namespace

bool KeyMatchesCert(std::string_view key_pem, std::string_view cert_pem) {
  auto key = internal::ParsePrivateKey(key_pem, "private key");
  auto cert = internal::ParseCertificate(cert_pem, "certificate");
  bool match = EVP_PKEY_eq(X509_get0_pubkey(cert.get()), key.get()) == 1;
  ERR_clear_error();  // a mismatch of key types leaves an error behind
  return match;
}

VerifyResult VerifyChain(std::string_view cert_pem, std::string_view untrusted_pem,
                         std::string_view root_pem, std::chrono::system_clock::time_point at) {
  auto cert = internal::ParseCertificate(cert_pem, "certificate");
  auto root = internal::ParseCertificate(root_pem, "root certificate");
  auto untrusted = Untrusted(untrusted_pem);
  internal::X509StorePtr store(X509_STORE_new());
  internal::X509StoreCtxPtr ctx(X509_STORE_CTX_new());
  if (!store || !ctx || X509_STORE_add_cert(store.get(), root.get()) != 1 ||
      X509_STORE_CTX_init(ctx.get(), store.get(), cert.get(), untrusted.get()) != 1) {
    ThrowOpenSsl("setting up certificate verification");
  }
  X509_STORE_CTX_set_time(ctx.get(), 0, std::chrono::system_clock::to_time_t(at));
  int verdict = X509_verify_cert(ctx.get());
  if (verdict == 1) return {};
  if (verdict < 0) ThrowOpenSsl("verifying a certificate chain");
  return Failure(ctx.get());
}

}  // namespace meshform::pki
