// Memory BIO helpers for openssl_ptr.h.
#include "engine/pki/openssl_ptr.h"

#include <climits>

#include "engine/pki/error.h"

namespace meshform::pki::internal {

BioPtr ReadOnlyBio(std::string_view data) {
  if (data.size() > static_cast<size_t>(INT_MAX)) throw Error("PEM input too large");
  BioPtr bio(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
  if (!bio) ThrowOpenSsl("allocating a memory BIO");
  return bio;
}

BioPtr MemoryBio(bool secure) {
  BioPtr bio(BIO_new(secure ? BIO_s_secmem() : BIO_s_mem()));
  if (!bio) ThrowOpenSsl("allocating a memory BIO");
  return bio;
}

std::string BioContents(BIO* bio) {
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  if (size <= 0 || data == nullptr) return {};
  return std::string(data, static_cast<size_t>(size));
}

}  // namespace meshform::pki::internal
