// PEM files on disk: private keys written 0600 (never readable by others, not even briefly),
// and PEM files read with errors that name the file.
#pragma once

#include <string>
#include <string_view>

#include "engine/pki/ca.h"

namespace meshform::pki {

// Writes `pem` to `path` through a 0600 temporary file in the same folder, then renames it over
// `path`: the key is never in a file with wider permissions, and readers never see half a key.
void WritePrivateKeyFile(const std::string& path, std::string_view pem);

// The text of a PEM file (must contain a "-----BEGIN " line). Errors name the file.
std::string LoadPem(const std::string& path);

// A CA (root) from a certificate file and a key file: checks that the certificate is a CA and
// that the key matches it; the key is returned as PKCS#8 PEM.
CaBundle LoadCaBundle(const std::string& cert_path, const std::string& key_path);

}  // namespace meshform::pki
