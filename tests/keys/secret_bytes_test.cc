// Tests for keys/secret_bytes.h: guarded, move-only secret memory.
#include "keys/secret_bytes.h"

#include <catch2/catch.hpp>

#include <string>
#include <type_traits>
#include <utility>

namespace passerelle {
namespace {

static_assert(!std::is_copy_constructible_v<SecretBytes>);
static_assert(!std::is_copy_assignable_v<SecretBytes>);
static_assert(std::is_nothrow_move_constructible_v<SecretBytes>);

std::string Contents(const SecretBytes& s) {
  return std::string(reinterpret_cast<const char*>(RevealSecret(s)), s.size());
}

TEST_CASE("secret bytes: Allocate gives zeroed memory of the size asked", "[keys]") {
  auto s = SecretBytes::Allocate(48);
  REQUIRE(s.ok());
  CHECK(s->size() == 48);
  CHECK_FALSE(s->empty());
  REQUIRE(RevealSecret(*s) != nullptr);
  CHECK(Contents(*s) == std::string(48, '\0'));
  RevealSecret(*s)[0] = 7;
  CHECK(RevealSecret(*s)[0] == 7);
}

TEST_CASE("secret bytes: CopyFrom holds exactly the bytes given, NULs included", "[keys]") {
  const std::string secret("se\0cret", 7);
  auto s = SecretBytes::CopyFrom(secret);
  REQUIRE(s.ok());
  CHECK(s->size() == 7);
  CHECK(Contents(*s) == secret);
}

TEST_CASE("secret bytes: zero size and default construction are empty", "[keys]") {
  SecretBytes d;
  CHECK(d.empty());
  CHECK(d.size() == 0);
  CHECK(RevealSecret(d) == nullptr);
  auto z = SecretBytes::Allocate(0);
  REQUIRE(z.ok());
  CHECK(z->empty());
  auto c = SecretBytes::CopyFrom("");
  REQUIRE(c.ok());
  CHECK(c->empty());
}

TEST_CASE("secret bytes: moving transfers the memory and empties the source", "[keys]") {
  auto a = SecretBytes::CopyFrom("abc").value();
  const unsigned char* where = RevealSecret(a);
  SecretBytes b(std::move(a));
  CHECK(a.empty());
  CHECK(RevealSecret(a) == nullptr);
  CHECK(RevealSecret(b) == where);
  CHECK(Contents(b) == "abc");

  auto c = SecretBytes::CopyFrom("longer secret").value();
  c = std::move(b);  // the old contents of c are freed, b's move in
  CHECK(b.empty());
  CHECK(Contents(c) == "abc");
  SecretBytes& self = c;
  c = std::move(self);  // self-move keeps the bytes
  CHECK(Contents(c) == "abc");
}

}  // namespace
}  // namespace passerelle
