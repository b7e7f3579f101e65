// Proves: WritePrivateKeyFile leaves a 0600 file (also under umask 0 and over an existing
// world-readable file) and no temporary files; LoadPem and LoadCaBundle name the file in errors.
#include "engine/pki/files.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "engine/pki/error.h"
#include "tests/unit/pki/pki_test_util.h"

namespace meshform::pki {
namespace {

using ::testing::HasSubstr;
using testing::TempDir;

mode_t Mode(const std::string& path) {
  struct stat st {};
  if (stat(path.c_str(), &st) != 0) return 0;
  return st.st_mode & 07777;
}

size_t FileCount(const TempDir& dir) {
  size_t count = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path()))
    ++count;
  return count;
}

// Sets the process umask for the lifetime of the object.
class ScopedUmask {
 public:
  explicit ScopedUmask(mode_t mask) : old_(umask(mask)) {}
  ~ScopedUmask() { umask(old_); }

 private:
  mode_t old_;
};

TEST(pki_WritePrivateKeyFile, Mode0600EvenUnderUmaskZero) {
  TempDir dir;
  std::string key = GeneratePrivateKeyPem(KeyType::kEcdsaP256);
  {
    ScopedUmask open_umask(0);
    WritePrivateKeyFile(dir.File("ca-key.pem"), key);
  }
  EXPECT_EQ(Mode(dir.File("ca-key.pem")), 0600u);
  EXPECT_EQ(testing::ReadFile(dir.File("ca-key.pem")), key);
  EXPECT_EQ(FileCount(dir), 1u) << "a temporary file was left behind";
}

TEST(pki_WritePrivateKeyFile, ReplacesAWorldReadableFile) {
  TempDir dir;
  std::string path = dir.File("root-key.pem");
  testing::WriteFile(path, "old contents\n");
  ASSERT_EQ(chmod(path.c_str(), 0644), 0);
  std::string key = GeneratePrivateKeyPem(KeyType::kEcdsaP256);
  WritePrivateKeyFile(path, key);
  EXPECT_EQ(Mode(path), 0600u);
  EXPECT_EQ(testing::ReadFile(path), key);
  EXPECT_EQ(FileCount(dir), 1u);
}

TEST(pki_WritePrivateKeyFile, ErrorNamesThePathAndNotTheKey) {
  TempDir dir;
  std::string key = GeneratePrivateKeyPem(KeyType::kEcdsaP256);
  std::string path = dir.File("missing-folder/ca-key.pem");
  try {
    WritePrivateKeyFile(path, key);
    FAIL() << "wrote into a folder that does not exist";
  } catch (const Error& e) {
    EXPECT_THAT(e.what(), HasSubstr(path));
    for (const auto& line : testing::PemBodyLines(key)) EXPECT_THAT(e.what(), Not(HasSubstr(line)));
  }
}

TEST(pki_LoadPem, ReadsAndNamesTheFile) {
  TempDir dir;
  testing::WriteFile(dir.File("root-cert.pem"), testing::TestRoot().cert_pem);
  EXPECT_EQ(LoadPem(dir.File("root-cert.pem")), testing::TestRoot().cert_pem);
  try {
    LoadPem(dir.File("absent.pem"));
    FAIL() << "loaded a missing file";
  } catch (const Error& e) {
    EXPECT_THAT(e.what(), HasSubstr(dir.File("absent.pem")));
    EXPECT_THAT(e.what(), HasSubstr("No such file"));
  }
  testing::WriteFile(dir.File("notes.txt"), "hello\n");
  try {
    LoadPem(dir.File("notes.txt"));
    FAIL() << "loaded a file without PEM";
  } catch (const Error& e) {
    EXPECT_THAT(e.what(), HasSubstr(dir.File("notes.txt")));
  }
}

TEST(pki_LoadCaBundle, LoadsAMatchingRootAndRefusesAMismatch) {
  TempDir dir;
  testing::WriteFile(dir.File("root-cert.pem"), testing::TestRoot().cert_pem);
  WritePrivateKeyFile(dir.File("root-key.pem"), testing::TestRoot().key_pem);
  CaBundle loaded = LoadCaBundle(dir.File("root-cert.pem"), dir.File("root-key.pem"));
  EXPECT_EQ(loaded.cert_pem, testing::TestRoot().cert_pem);
  EXPECT_EQ(loaded.key_pem, testing::TestRoot().key_pem);
  WritePrivateKeyFile(dir.File("other-key.pem"), GeneratePrivateKeyPem(KeyType::kEcdsaP256));
  try {
    LoadCaBundle(dir.File("root-cert.pem"), dir.File("other-key.pem"));
    FAIL() << "accepted a key that is not the certificate's";
  } catch (const Error& e) {
    EXPECT_THAT(e.what(), HasSubstr(dir.File("other-key.pem")));
    EXPECT_THAT(e.what(), HasSubstr("does not match"));
  }
}

TEST(pki_LoadCaBundle, RefusesANonCaCertificate) {
  TempDir dir;
  std::string key = GeneratePrivateKeyPem(KeyType::kEcdsaP256);
  testing::WriteFile(dir.File("leaf.pem"), testing::LeafCertSignedBy(testing::TestRoot(), key));
  WritePrivateKeyFile(dir.File("leaf-key.pem"), key);
  try {
    LoadCaBundle(dir.File("leaf.pem"), dir.File("leaf-key.pem"));
    FAIL() << "accepted a non-CA certificate as a CA";
  } catch (const Error& e) {
    EXPECT_THAT(e.what(), HasSubstr(dir.File("leaf.pem")));
  }
}

}  // namespace
}  // namespace meshform::pki
