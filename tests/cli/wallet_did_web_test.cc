// End-to-end: a did:web issuer's credential in the wallet. The DID document
// (or a trust list) given at import is kept, sealed, so `show`, `present`
// and `qr` verify offline without it; a trust list alone also works
// (built binaries).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/cli/wallet_cli_fixture.h"

namespace passerelle {
namespace {

using namespace wallet_cli_testing;
using nlohmann::json;

// A did:web centre (its host unreachable from here) next to the scenario's
// wallet; returns the credential file it issued to the holder.
std::string IssueFromDidWeb(const Scenario& s, const std::string& did) {
  auto init = RunTool("issuer", {"init", "--dir", s.Path("web"), "--did", did, "--name", "Centre web", "--country", "RO"},
                      s.env);
  INFO(init.err);
  REQUIRE(init.exit_code == 0);
  auto issued = RunTool("issuer", {"issue", "--dir", s.Path("web"), "--kind", "module", "--programme",
                                   (testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json").string(),
                                   "--module", "HQ-M01", "--learner-did", s.holder_did, "--given-name", "Ioana",
                                   "--family-name", "Popa", "--grade", "9", "--grading-scale", "RO-1-10"},
                        s.env);
  INFO(issued.err);
  REQUIRE(issued.exit_code == 0);
  return s.Write("web-module.json", issued.out);
}

TEST_CASE("cli: wallet keeps a did:web issuer's DID document given at import", "[cli][wallet][didweb]") {
  Scenario s;
  const std::string did = "did:web:centre-web.invalid";
  const std::string credential = IssueFromDidWeb(s, did);
  auto doc = RunTool("issuer", {"did", "--dir", s.Path("web")}, s.env);
  REQUIRE(doc.exit_code == 0);
  const std::string did_document = s.Write("did.json", doc.out);

  auto refused = s.Wallet({"import", credential});
  CHECK(refused.exit_code != 0);  // nothing to check its signature with
  auto imported = s.Wallet({"import", credential, "--did-document", did_document});
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  const std::string id = imported.out.substr(0, imported.out.find('\n'));

  auto shown = s.Wallet({"show", id});
  INFO(shown.err);
  CHECK(shown.exit_code == 0);
  CHECK_THAT(shown.err, !Catch::Contains("no longer verifies"));

  auto presented = s.Wallet({"present", id, "--challenge", "did-web-1", "--out", s.Path("vp.json")});
  INFO(presented.err);
  REQUIRE(presented.exit_code == 0);
  auto verified = RunTool("verifier", {"verify", s.Path("vp.json"), "--challenge", "did-web-1", "--did-document",
                                       did_document, "--trust-issuer", did},
                          s.env);
  INFO(verified.out << verified.err);
  CHECK(verified.exit_code == 0);
  auto qr = s.Wallet({"qr", id, "--challenge", "did-web-2", "--text"});
  INFO(qr.err);
  CHECK(qr.exit_code == 0);
}

TEST_CASE("cli: wallet import --trust-list takes a did:web issuer's keys from the list", "[cli][wallet][didweb]") {
  Scenario s;
  const std::string did = "did:web:centre-web.invalid";
  const std::string credential = IssueFromDidWeb(s, did);
  // The Romanian authority (a did:key here) lists the centre with its keys.
  auto authority = RunTool("issuer", {"init", "--dir", s.Path("authority"), "--did-key", "--name", "ARACIS", "--country",
                                      "RO"},
                           s.env);
  REQUIRE(authority.exit_code == 0);
  auto entry = RunTool("issuer", {"trust-list", "entry", "--dir", s.Path("web")}, s.env);
  REQUIRE(entry.exit_code == 0);
  const std::string entries = s.Write("entries.json", "[" + entry.out + "]");
  auto list = RunTool("issuer", {"trust-list", "sign", "--dir", s.Path("authority"), "--entries", entries, "--out",
                                 s.Path("ro-list.json"), "--id", "https://aracis.example/trust-list.json"},
                      s.env);
  INFO(list.err);
  REQUIRE(list.exit_code == 0);

  auto imported = s.Wallet({"import", credential, "--trust-list", s.Path("ro-list.json")});
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  const std::string id = imported.out.substr(0, imported.out.find('\n'));
  auto presented = s.Wallet({"present", id, "--challenge", "did-web-3"});
  INFO(presented.err);
  CHECK(presented.exit_code == 0);

  // A list whose proof does not hold gives no keys.
  json forged = json::parse(testing::ReadFile(s.Path("ro-list.json")));
  forged["validUntil"] = "2099-01-01T00:00:00Z";
  const std::string forged_file = s.Write("forged-list.json", forged.dump());
  Scenario other("other-wallet");
  auto refused = RunTool("wallet", {"import", credential, "--trust-list", forged_file}, other.env);
  CHECK(refused.exit_code != 0);
  CHECK_THAT(refused.err, Catch::Contains("--trust-list"));
}

}  // namespace
}  // namespace passerelle
