// Passerelle wallet — presentations: signed by the holder with
// eddsa-rdfc-2022 for authentication, challenge and domain inside, checked
// before they leave the wallet.
#include "wallet-cli/presentation.h"

#include <catch2/catch.hpp>

#include "formats/json.h"
#include "tests/wallet-cli/wallet_test_support.h"

namespace passerelle::wallet {
namespace {

using namespace passerelle::wallet::testing;

TEST_CASE("a presentation is signed by the holder and verifies as sent", "[wallet][present]") {
  auto issuer = KeyFromSeed('\x51');
  auto holder = KeyFromSeed('\x52');
  std::string holder_did = DidKeyFor(holder.public_key());
  PresentOptions options;
  options.challenge = "c-42";
  options.domain = "https://employer.example";
  auto bytes = MakePresentation({SignedModule(issuer, holder_did)}, holder, options);
  INFO(bytes.status().ToString());
  REQUIRE(bytes.ok());
  json vp = *ParseJson(*bytes);
  CHECK(DumpJson(vp) == *bytes);  // compact, keys in order: what was verified is what is sent
  CHECK(vp["holder"] == holder_did);
  CHECK(vp["type"] == json::array({"VerifiablePresentation"}));
  CHECK(vp["proof"]["proofPurpose"] == "authentication");
  CHECK(vp["proof"]["cryptosuite"] == "eddsa-rdfc-2022");
  CHECK(vp["proof"]["challenge"] == "c-42");
  CHECK(vp["proof"]["domain"] == "https://employer.example");
  CHECK(vp["proof"]["verificationMethod"] == DidKeyVerificationMethod(holder.public_key()));
  CHECK(CheckOwnPresentation(*bytes, options).ok());

  PresentOptions other = options;
  other.challenge = "c-43";
  CHECK(CheckOwnPresentation(*bytes, other).code() == Code::kVerificationFailed);
}

TEST_CASE("the wallet refuses to present a credential that is not about its holder", "[wallet][present]") {
  auto issuer = KeyFromSeed('\x53');
  auto holder = KeyFromSeed('\x54');
  auto someone_else = KeyFromSeed('\x55');
  json vc = SignedModule(issuer, DidKeyFor(someone_else.public_key()));
  auto bytes = MakePresentation({vc}, holder, PresentOptions{});
  REQUIRE_FALSE(bytes.ok());
  CHECK(bytes.status().code() == Code::kVerificationFailed);
  CHECK_THAT(bytes.status().message(), Catch::Contains("not about the holder"));
}

TEST_CASE("the wallet refuses to present a credential that no longer verifies", "[wallet][present]") {
  auto issuer = KeyFromSeed('\x56');
  auto holder = KeyFromSeed('\x57');
  json vc = SignedModule(issuer, DidKeyFor(holder.public_key()));
  vc["credentialSubject"]["achievement"]["ects"] = 60;
  auto bytes = MakePresentation({vc}, holder, PresentOptions{});
  REQUIRE_FALSE(bytes.ok());
  CHECK_THAT(bytes.status().message(), Catch::Contains("signature"));
  CHECK(MakePresentation({}, holder, PresentOptions{}).status().code() == Code::kInvalidArgument);
}

TEST_CASE("several credentials go into one presentation", "[wallet][present]") {
  auto issuer = KeyFromSeed('\x58');
  auto holder = KeyFromSeed('\x59');
  std::string did = DidKeyFor(holder.public_key());
  ModuleOptions second;
  second.module = "HQ-M02";
  second.credential_id = "urn:uuid:2b0d8f4e-1c3a-4e5b-8d7f-9a0b1c2d3e4f";
  auto bytes = MakePresentation({SignedModule(issuer, did), SignedModule(issuer, did, second)}, holder,
                                PresentOptions{});
  INFO(bytes.status().ToString());
  REQUIRE(bytes.ok());
  CHECK((*ParseJson(*bytes))["verifiableCredential"].size() == 2);
}

}  // namespace
}  // namespace passerelle::wallet
