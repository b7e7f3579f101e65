// EVP_PKEY ↔ PEM, shared by keys.cc, issue.cc and verify.cc. Internal to engine/pki.
#pragma once

#include <string>
#include <string_view>

#include "engine/pki/keys.h"
#include "engine/pki/openssl_ptr.h"

namespace meshform::pki::internal {

// Generates a key of `type`.
EvpPkeyPtr GenerateKey(KeyType type);

// Parses one PEM private key (RSA, EC or PKCS#8; encrypted keys are refused, never prompted for).
// `what` names it in errors; the PEM text itself never appears in them.
EvpPkeyPtr ParsePrivateKey(std::string_view pem, std::string_view what);

// Unencrypted PKCS#8 PEM.
std::string PrivateKeyToPem(EVP_PKEY* key);

}  // namespace meshform::pki::internal
