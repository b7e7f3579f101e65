// Key generation and PEM encoding/decoding (keys.h, key_codec.h).
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/obj_mac.h>
#include <openssl/pem.h>

#include <cstring>

#include "engine/pki/error.h"
#include "engine/pki/key_codec.h"

namespace meshform::pki {
namespace {

struct KeyTypeInfo {
  KeyType type;
  const char* name;
  int rsa_bits;  // 0 for ECDSA
};

constexpr KeyTypeInfo kKeyTypes[] = {
    {KeyType::kRsa2048, "rsa-2048", 2048},
    {KeyType::kRsa3072, "rsa-3072", 3072},
    {KeyType::kRsa4096, "rsa-4096", 4096},
    {KeyType::kEcdsaP256, "ecdsa-p256", 0},
};

const KeyTypeInfo& Info(KeyType type) {
  for (const auto& info : kKeyTypes) {
    if (info.type == type) return info;
  }
  throw Error("unknown key type");
}

// Refuses to prompt for a passphrase: encrypted keys fail to parse instead.
int NoPassphrase(char*, int, int, void*) { return -1; }

KeyType TypeOf(EVP_PKEY* key, std::string_view what) {
  if (EVP_PKEY_is_a(key, "RSA")) {
    int bits = EVP_PKEY_get_bits(key);
    for (const auto& info : kKeyTypes) {
      if (info.rsa_bits == bits) return info.type;
    }
    throw Error(std::string(what) + ": unsupported RSA key size " + std::to_string(bits));
  }
  if (EVP_PKEY_is_a(key, "EC")) {
    char group[64] = {};
    size_t length = 0;
    if (EVP_PKEY_get_utf8_string_param(key, "group", group, sizeof group, &length) == 1 &&
        std::strcmp(group, SN_X9_62_prime256v1) == 0) {
      return KeyType::kEcdsaP256;
    }
    throw Error(std::string(what) + ": unsupported EC curve '" + group + "'");
  }
  throw Error(std::string(what) + ": unsupported key algorithm");
}

}  // namespace

std::string KeyTypeName(KeyType type) { return Info(type).name; }

KeyType ParseKeyType(std::string_view name) {
  for (const auto& info : kKeyTypes) {
    if (name == info.name) return info.type;
  }
  throw Error("unknown key type '" + std::string(name) +
              "' (expected rsa-2048, rsa-3072, rsa-4096 or ecdsa-p256)");
}

std::string GeneratePrivateKeyPem(KeyType type) {
  auto key = internal::GenerateKey(type);
  return internal::PrivateKeyToPem(key.get());
}

KeyType PrivateKeyType(std::string_view key_pem, std::string_view what) {
  auto key = internal::ParsePrivateKey(key_pem, what);
  return TypeOf(key.get(), what);
}

std::string NormalizePrivateKeyPem(std::string_view key_pem, std::string_view what) {
  auto key = internal::ParsePrivateKey(key_pem, what);
  return internal::PrivateKeyToPem(key.get());
}

namespace internal {

EvpPkeyPtr GenerateKey(KeyType type) {
  ERR_clear_error();
  const KeyTypeInfo& info = Info(type);
  EvpPkeyPtr key(
      info.rsa_bits != 0
          ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(info.rsa_bits))
          : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", SN_X9_62_prime256v1));
  if (!key) ThrowOpenSsl("generating a " + std::string(info.name) + " key");
  return key;
}

EvpPkeyPtr ParsePrivateKey(std::string_view pem, std::string_view what) {
  ERR_clear_error();
  auto bio = ReadOnlyBio(pem);
  EvpPkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, NoPassphrase, nullptr));
  if (!key) ThrowOpenSsl(std::string(what) + ": not a readable unencrypted PEM private key");
  return key;
}

std::string PrivateKeyToPem(EVP_PKEY* key) {
  ERR_clear_error();
  auto bio = MemoryBio(/*secure=*/true);
  if (PEM_write_bio_PKCS8PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    ThrowOpenSsl("encoding a private key as PKCS#8 PEM");
  }
  return BioContents(bio.get());
}

}  // namespace internal
}  // namespace meshform::pki
