// wallet-cli/store/sealing: sealed blobs open only with their key, in their
// place, unmodified.
#include <catch2/catch.hpp>

#include "wallet-cli/store/sealing.h"

namespace passerelle::wallet {
namespace {

KdfParams FastKdf() {
  KdfParams p;
  p.opslimit = 1;
  p.memlimit = 8 * 1024;
  return p;
}

StoreKeys Keys(const std::string& passphrase, const std::string& salt) {
  return StoreKeys::Derive(SecretBytes::CopyFrom(passphrase).value(), salt, FastKdf()).value();
}

TEST_CASE("sealing: a blob opens under its label and key only", "[wallet][sealing]") {
  const std::string salt = NewStoreSalt();
  REQUIRE(salt.size() == 16);
  StoreKeys keys = Keys("holder passphrase", salt);
  const std::string sealed = keys.Seal("credential/abc", "{\"id\":\"urn:uuid:1\"}");
  CHECK(sealed.rfind(std::string(kSealedMagic), 0) == 0);
  CHECK(sealed.find("urn:uuid:1") == std::string::npos);  // nothing in the clear
  CHECK(keys.Open("credential/abc", sealed).value() == "{\"id\":\"urn:uuid:1\"}");
  CHECK(keys.Seal("credential/abc", "x") != keys.Seal("credential/abc", "x"));  // fresh nonce each time

  auto moved = keys.Open("index", sealed);  // a blob moved to another place
  REQUIRE_FALSE(moved.ok());
  CHECK(moved.status().code() == Code::kPermissionDenied);
  auto other_key = Keys("another passphrase", salt).Open("credential/abc", sealed);
  REQUIRE_FALSE(other_key.ok());
  CHECK(other_key.status().code() == Code::kPermissionDenied);

  std::string flipped = sealed;
  flipped[flipped.size() - 1] ^= 1;
  CHECK(keys.Open("credential/abc", flipped).status().code() == Code::kPermissionDenied);
  CHECK(keys.Open("credential/abc", "PWS1short").status().code() == Code::kMalformed);
  CHECK(keys.Open("credential/abc", "XXXX" + sealed.substr(4)).status().code() == Code::kMalformed);
}

TEST_CASE("sealing: record names are keyed, stable and say nothing", "[wallet][sealing]") {
  const std::string salt = NewStoreSalt();
  StoreKeys a = Keys("holder passphrase", salt);
  StoreKeys b = Keys("holder passphrase 2", salt);
  const std::string name = a.RecordName("urn:uuid:1");
  CHECK(name.size() == 32);
  CHECK(name.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(a.RecordName("urn:uuid:1") == name);
  CHECK(a.RecordName("urn:uuid:2") != name);
  CHECK(b.RecordName("urn:uuid:1") != name);
}

TEST_CASE("sealing: an empty passphrase or a wrong salt size derives nothing", "[wallet][sealing]") {
  CHECK(StoreKeys::Derive(SecretBytes(), NewStoreSalt(), FastKdf()).status().code() ==
        Code::kInvalidArgument);
  CHECK(StoreKeys::Derive(SecretBytes::CopyFrom("p").value(), "short", FastKdf()).status().code() ==
        Code::kInvalidArgument);
}

}  // namespace
}  // namespace passerelle::wallet
