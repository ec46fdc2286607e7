// keys/passphrase: where a passphrase comes from — a file (first line), the
// environment, never an empty one.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "keys/passphrase.h"
#include "tests/testing/temp_dir.h"

namespace passerelle {
namespace {

std::string Text(const SecretBytes& s) {
  return std::string(reinterpret_cast<const char*>(RevealSecret(s)), s.size());
}

// Sets (or unsets) PASSERELLE_PASSPHRASE for one test, restoring it after.
struct EnvPassphrase {
  std::optional<std::string> saved;
  explicit EnvPassphrase(const char* value) {
    if (const char* v = std::getenv(kPassphraseEnv)) saved = v;
    if (value != nullptr) ::setenv(kPassphraseEnv, value, 1);
    else ::unsetenv(kPassphraseEnv);
  }
  ~EnvPassphrase() {
    if (saved) ::setenv(kPassphraseEnv, saved->c_str(), 1);
    else ::unsetenv(kPassphraseEnv);
  }
};

TEST_CASE("passphrase: a file gives its first line, without the line ending", "[keys][passphrase]") {
  testing::TempDir tmp;
  EnvPassphrase env("from the environment");
  std::ofstream(tmp.path() / "crlf") << "correct horse\r\nsecond line\n";
  auto p = ObtainPassphrase({(tmp.path() / "crlf").string()});
  REQUIRE(p.ok());
  CHECK(Text(*p) == "correct horse");  // the file wins over the environment
  std::ofstream(tmp.path() / "utf8") << "pàssphrase ключ";
  CHECK(Text(ObtainPassphrase({(tmp.path() / "utf8").string()}).value()) == "pàssphrase ключ");
}

TEST_CASE("passphrase: an empty or missing file is an error naming it", "[keys][passphrase]") {
  testing::TempDir tmp;
  std::ofstream(tmp.path() / "empty") << "\nsecond line\n";
  auto empty = ObtainPassphrase({(tmp.path() / "empty").string()});
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.status().code() == Code::kInvalidArgument);
  CHECK_THAT(empty.status().message(), Catch::Contains("is empty"));
  auto missing = ObtainPassphrase({(tmp.path() / "absent").string()});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == Code::kIOError);
  CHECK_THAT(missing.status().message(), Catch::Contains("absent"));
}

TEST_CASE("passphrase: the environment, and never an empty one", "[keys][passphrase]") {
  {
    EnvPassphrase env("from the environment");
    CHECK(Text(ObtainPassphrase({}).value()) == "from the environment");
  }
  {
    EnvPassphrase env("");
    auto p = ObtainPassphrase({});
    REQUIRE_FALSE(p.ok());
    CHECK_THAT(p.status().message(), Catch::Contains("is empty"));
  }
}

}  // namespace
}  // namespace passerelle
