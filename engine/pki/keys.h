// Private keys: generation (RSA 2048/3072/4096, ECDSA P-256), PEM output as PKCS#8
// "PRIVATE KEY", and parsing of the PEM forms Istio accepts in ca-key.pem ("RSA PRIVATE KEY",
// "EC PRIVATE KEY", "PRIVATE KEY").
#pragma once

#include <string>
#include <string_view>

namespace meshform::pki {

enum class KeyType { kRsa2048, kRsa3072, kRsa4096, kEcdsaP256 };

// "rsa-2048", "rsa-3072", "rsa-4096", "ecdsa-p256".
std::string KeyTypeName(KeyType type);

// The inverse of KeyTypeName; throws pki::Error for anything else.
KeyType ParseKeyType(std::string_view name);

// A new private key as unencrypted PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----").
std::string GeneratePrivateKeyPem(KeyType type);

// The key type of a PEM private key (RSA of another size or a non-P-256 curve throws).
// `what` names the key in error messages, e.g. "ca-key.pem".
KeyType PrivateKeyType(std::string_view key_pem, std::string_view what = "private key");

// Re-encodes any accepted PEM private key as PKCS#8 PEM.
std::string NormalizePrivateKeyPem(std::string_view key_pem, std::string_view what = "private key");

}  // namespace meshform::pki
