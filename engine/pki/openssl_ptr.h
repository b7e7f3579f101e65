// RAII owners for OpenSSL objects: std::unique_ptr with the matching free function, so that
// every early return and every exception releases what was allocated. Internal to engine/pki.
#pragma once

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <string>
#include <string_view>

namespace meshform::pki::internal {

// Calls Free(p) when the owning unique_ptr goes away; works for free functions returning void
// or int.
template <auto Free>
struct Deleter {
  template <typename T>
  void operator()(T* p) const {
    Free(p);
  }
};

inline void FreeX509Stack(STACK_OF(X509) * stack) { sk_X509_pop_free(stack, X509_free); }
inline void FreeCString(char* s) { OPENSSL_free(s); }

using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free_all>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using Asn1IntegerPtr = std::unique_ptr<ASN1_INTEGER, Deleter<ASN1_INTEGER_free>>;
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using X509ExtensionPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;
using X509StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE_free>>;
using X509StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, Deleter<X509_STORE_CTX_free>>;
using X509StackPtr = std::unique_ptr<STACK_OF(X509), Deleter<FreeX509Stack>>;
using OpenSslStringPtr = std::unique_ptr<char, Deleter<FreeCString>>;

// A read-only memory BIO over `data`; `data` must outlive the BIO.
BioPtr ReadOnlyBio(std::string_view data);

// A fresh writable memory BIO (secure heap when `secure`, for private keys).
BioPtr MemoryBio(bool secure = false);

// The bytes written into a memory BIO.
std::string BioContents(BIO* bio);

}  // namespace meshform::pki::internal
