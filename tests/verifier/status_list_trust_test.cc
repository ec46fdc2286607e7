// Tests for verifier/status_cache.h: a status list answers only for its own
// issuer and its own URL, and only as a plain credential.
#include "verifier/status_cache.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/status_list.h"
#include "keys/did_key.h"
#include "keys/proof_signer.h"
#include "verifier/verifier.h"

namespace passerelle {
namespace {

using nlohmann::json;

struct ListFixture {
  Ed25519SigningKey key = Ed25519SigningKey::Generate().value();
  std::string did = DidKeyFor(key.public_key());
  std::string url = "https://uni.example/status-lists/revocation-1";

  json List(const std::string& id, const json& types) const {
    std::string bits(kMinStatusListEntries / 8, '\0');
    return {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
            {"id", id},
            {"type", types},
            {"issuer", did},
            {"validFrom", "2026-01-01T00:00:00Z"},
            {"credentialSubject",
             {{"id", id + "#list"}, {"type", "BitstringStatusList"}, {"statusPurpose", "revocation"},
              {"encodedList", EncodeStatusList(bits).value()}}}};
  }
  json Sign(const json& doc, const Ed25519SigningKey& with) const {
    ProofOptions o;
    o.suite = Cryptosuite::kEddsaJcs2022;
    o.verification_method = DidKeyVerificationMethod(with.public_key());
    o.created = ParseDateTime("2026-02-01T00:00:00Z").value();
    return AddProof(doc, with, o).value();
  }
  VerifyOptions Options() const {
    VerifyOptions o;
    o.now = ParseDateTime("2026-06-01T00:00:00Z").value();
    return o;
  }
};

TEST_CASE("status lists: the right list of the right issuer is accepted", "[verifier][status]") {
  ListFixture f;
  auto list = VerifyStatusListCredential(f.Sign(f.List(f.url, {"VerifiableCredential", "BitstringStatusListCredential"}), f.key),
                                         f.url, f.did, f.Options());
  REQUIRE(list.ok());
  CHECK(list->bits.size() * 8 == kMinStatusListEntries);
}

TEST_CASE("status lists: another URL, another issuer, or a presentation in disguise are refused", "[verifier][status]") {
  ListFixture f, mallory;
  const json types = {"VerifiableCredential", "BitstringStatusListCredential"};
  // The issuer's list for another URL, stored under this one.
  auto swapped = VerifyStatusListCredential(f.Sign(f.List("https://uni.example/status-lists/revocation-2", types), f.key),
                                            f.url, f.did, f.Options());
  CHECK(swapped.status().code() == Code::kVerificationFailed);
  // No id at all.
  json no_id = f.List(f.url, types);
  no_id.erase("id");
  CHECK_FALSE(VerifyStatusListCredential(f.Sign(no_id, f.key), f.url, f.did, f.Options()).ok());
  // Someone else's list claiming to answer for this issuer.
  CHECK_FALSE(VerifyStatusListCredential(mallory.Sign(mallory.List(f.url, types), mallory.key), f.url, f.did, f.Options()).ok());
  // A presentation typed as a status list.
  json vp = f.List(f.url, {"VerifiablePresentation", "BitstringStatusListCredential"});
  CHECK(VerifyStatusListCredential(mallory.Sign(vp, mallory.key), f.url, f.did, f.Options()).status().code() ==
        Code::kInvalidCredential);
}

}  // namespace
}  // namespace passerelle
