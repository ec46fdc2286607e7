// Passerelle wallet — what import accepts (validly signed, issuer trusted
// or not) and what it refuses, with the reason.
#include "wallet-cli/import_check.h"

#include <catch2/catch.hpp>

#include "formats/json.h"
#include "tests/wallet-cli/wallet_test_support.h"

namespace passerelle::wallet {
namespace {

using namespace passerelle::wallet::testing;

struct Fixture {
  Ed25519SigningKey issuer = KeyFromSeed('\x41');
  Ed25519SigningKey holder = KeyFromSeed('\x42');
  std::string holder_did = DidKeyFor(holder.public_key());
  json vc = SignedModule(issuer, holder_did);

  ImportCheck Check(const json& doc) const { return CheckForImport(DumpJson(doc), holder_did, VerifyOptions{}); }
};

bool AnyContains(const std::vector<std::string>& lines, const std::string& needle) {
  for (const auto& l : lines)
    if (l.find(needle) != std::string::npos) return true;
  return false;
}

TEST_CASE("import accepts a validly signed credential from an issuer no one trusts yet, with a warning",
          "[wallet][import]") {
  Fixture f;
  ImportCheck c = f.Check(f.vc);
  INFO((c.refusals.empty() ? std::string() : c.refusals[0]));
  REQUIRE(c.accepted);
  CHECK(c.refusals.empty());
  CHECK(AnyContains(c.warnings, "trust list"));
  CHECK(c.summary.kind == "module");
  CHECK(c.summary.eqf_level == 5);
  CHECK(c.summary.ects == 6);
  CHECK(c.summary.subject_id == f.holder_did);
  CHECK(c.summary.status == "none");
  CHECK(c.summary.title["fr"] == "Fondamentaux du management de la qualité en santé");
}

TEST_CASE("import refuses a tampered credential, naming what failed", "[wallet][import]") {
  Fixture f;
  json bad = f.vc;
  bad["credentialSubject"]["achievement"]["grade"]["value"] = "19.9";
  ImportCheck c = f.Check(bad);
  CHECK_FALSE(c.accepted);
  CHECK_FALSE(c.malformed);
  CHECK(AnyContains(c.refusals, "proofValue"));
}

TEST_CASE("import refuses what is not a credential: no verdict", "[wallet][import]") {
  Fixture f;
  ImportCheck not_json = CheckForImport("{not json", f.holder_did, VerifyOptions{});
  CHECK_FALSE(not_json.accepted);
  CHECK(not_json.malformed);
  json vp = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
             {"type", {"VerifiablePresentation"}},
             {"verifiableCredential", {f.vc}}};
  ImportCheck presentation = f.Check(vp);
  CHECK_FALSE(presentation.accepted);
  CHECK(presentation.malformed);
  CHECK(AnyContains(presentation.refusals, "presentation"));
  ImportCheck array = CheckForImport("[1,2]", f.holder_did, VerifyOptions{});
  CHECK(array.malformed);
}

TEST_CASE("import refuses an unsigned or expired credential", "[wallet][import]") {
  Fixture f;
  json unsigned_vc = f.vc;
  unsigned_vc.erase("proof");
  ImportCheck c = f.Check(unsigned_vc);
  CHECK_FALSE(c.accepted);
  CHECK(AnyContains(c.refusals, "not signed"));
  VerifyOptions later;
  later.now = *ParseDateTime("2020-01-01T00:00:00Z");  // before validFrom
  ImportCheck early = CheckForImport(DumpJson(f.vc), f.holder_did, later);
  CHECK_FALSE(early.accepted);
  CHECK(AnyContains(early.refusals, "validFrom"));
}

TEST_CASE("import warns when the credential is about someone else", "[wallet][import]") {
  Fixture f;
  ImportCheck c = CheckForImport(DumpJson(f.vc), "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
                                 VerifyOptions{});
  REQUIRE(c.accepted);
  CHECK(AnyContains(c.warnings, "not this wallet's holder"));
}

}  // namespace
}  // namespace passerelle::wallet
