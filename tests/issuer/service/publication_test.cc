// Tests for issuer/service/publication.h: `issuer publish` lays out the
// node's DID document, signed status lists, their index and its trust list
// as the node serves them, rewrites only what changed, and refuses a trust
// list of another issuer, a node without its key or public URL.
#include "issuer/service/publication.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "tests/issuer/service/service_test_support.h"
#include "tests/testing/failing_env.h"
#include "tests/testing/paths.h"

namespace passerelle {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::ServiceFixture;

std::map<std::string, bool> ByPath(const std::vector<PublishedFile>& files) {
  std::map<std::string, bool> out;
  for (const auto& f : files) out[f.path] = f.changed;
  return out;
}

TEST_CASE("publication: the DID document, each status list and their index, as the node serves them",
          "[issuer][publish]") {
  ServiceFixture fx;
  fx.IssueOne();
  const fs::path out = fx.tmp.path() / "site";
  auto files = PublishDocuments(*fx.issuer, out, std::nullopt);
  INFO(files.status().ToString());
  REQUIRE(files.ok());
  auto ids = fx.issuer->StatusListIds().value();
  REQUIRE(ids.size() == 2);  // a revocation and a suspension list
  std::map<std::string, bool> expected = {{".well-known/did.json", true}, {"status-lists/index.json", true}};
  for (const auto& id : ids) expected["status-lists/" + id] = true;
  CHECK(ByPath(*files) == expected);
  // The DID document first, the index after the lists it names.
  CHECK(files->front().path == ".well-known/did.json");
  CHECK(files->back().path == "status-lists/index.json");

  CHECK(testing::ReadFile(out / ".well-known/did.json") == DumpJson(fx.issuer->DidDocumentJson()) + "\n");
  json index = ParseJson(testing::ReadFile(out / "status-lists/index.json")).value();
  REQUIRE(index["statusLists"].size() == 2);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    CHECK(index["statusLists"][i] == std::string(testing::kUrl) + "/status-lists/" + ids[i]);
    CHECK(testing::ReadFile(out / "status-lists" / ids[i]) == fx.issuer->StatusList(ids[i]).value().json);
  }
  // Public documents: readable by the web server.
  CHECK((fs::status(out / ".well-known/did.json").permissions() & fs::perms::others_read) != fs::perms::none);
}

TEST_CASE("publication: publishing again rewrites only what changed", "[issuer][publish]") {
  ServiceFixture fx;
  std::string id = fx.IssueOne();
  const fs::path out = fx.tmp.path() / "site";
  REQUIRE(PublishDocuments(*fx.issuer, out, std::nullopt).ok());
  auto again = PublishDocuments(*fx.issuer, out, std::nullopt);
  REQUIRE(again.ok());
  for (const auto& f : *again) {
    INFO(f.path);
    CHECK_FALSE(f.changed);
  }
  // Revoked: its revocation list is signed again; nothing else moves.
  auto record = fx.issuer->FindCredential(id).value();
  std::string revocation_list;
  for (const auto& slot : record.status)
    if (slot.purpose == store::StatusPurpose::kRevocation) revocation_list = "status-lists/" + slot.list_id;
  REQUIRE_FALSE(revocation_list.empty());
  fx.Set(id, CredentialState::kRevoked);
  auto after = PublishDocuments(*fx.issuer, out, std::nullopt);
  REQUIRE(after.ok());
  for (const auto& f : *after) {
    INFO(f.path);
    CHECK(f.changed == (f.path == revocation_list));
  }
  CHECK(testing::ReadFile(out / revocation_list) == fx.issuer->StatusList(revocation_list.substr(13)).value().json);
}

TEST_CASE("publication: a trust list of this node is published as given, another's refused", "[issuer][publish]") {
  ServiceFixture fx;
  const fs::path out = fx.tmp.path() / "site";
  const std::string mine = DumpJson(json{{"@context", {"https://www.w3.org/ns/credentials/v2"}},
                                         {"type", {"VerifiableCredential", "TrustListCredential"}},
                                         {"issuer", fx.dir.did},
                                         {"credentialSubject", {{"id", "https://issuer.test/trust-list.json"}}}});
  auto files = PublishDocuments(*fx.issuer, out, mine);
  REQUIRE(files.ok());
  CHECK(ByPath(*files).at("trust-list.json"));
  CHECK(testing::ReadFile(out / "trust-list.json") == mine);

  json theirs = ParseJson(mine).value();
  theirs["issuer"] = "did:web:authority.example.fr";
  const fs::path elsewhere = fx.tmp.path() / "elsewhere";
  auto refused = PublishDocuments(*fx.issuer, elsewhere, DumpJson(theirs));
  CHECK(refused.status().code() == Code::kInvalidArgument);
  CHECK_THAT(refused.status().message(), Catch::Contains("did:web:authority.example.fr"));
  auto garbage = PublishDocuments(*fx.issuer, elsewhere, std::string("{\"issuer\": "));
  CHECK_FALSE(garbage.ok());
  CHECK_THAT(garbage.status().message(), Catch::Contains("--trust-list"));
  // Refused before anything was written.
  CHECK_FALSE(fs::exists(elsewhere));
}

TEST_CASE("publication: a node without its key or its public URL cannot publish its status lists",
          "[issuer][publish]") {
  testing::TempDir tmp;
  const fs::path dir = tmp.path() / "node";
  testing::MakeIssuerDir(dir, std::string("did:web:issuer.test"));
  {
    auto issuer = testing::MakeIssuer(dir, testing::kUrl);
    IssueRequest request;
    request.credential = json{{"@context", {"https://www.w3.org/ns/credentials/v2"}},
                              {"type", {"VerifiableCredential"}},
                              {"id", NewCredentialId()},
                              {"issuer", "did:web:issuer.test"},
                              {"validFrom", "2026-01-01T00:00:00Z"},
                              {"credentialSubject", {{"id", "did:example:learner"}}}};
    request.suite = Cryptosuite::kEddsaJcs2022;
    request.actor = "test";
    REQUIRE(issuer->Issue(std::move(request)).ok());
  }
  SECTION("no key: the DID document is written, the lists are refused") {
    IssuerOptions options;
    options.dir = dir;
    options.public_url = testing::kUrl;
    auto issuer = std::move(OpenIssuer(std::move(options)).value());
    auto r = PublishDocuments(*issuer, tmp.path() / "site", std::nullopt);
    CHECK(r.status().code() == Code::kPermissionDenied);
    CHECK(fs::exists(tmp.path() / "site/.well-known/did.json"));
    CHECK_FALSE(fs::exists(tmp.path() / "site/status-lists/index.json"));
  }
  SECTION("no public URL") {
    auto issuer = testing::MakeIssuer(dir, "");
    auto r = PublishDocuments(*issuer, tmp.path() / "site", std::nullopt);
    CHECK(r.status().code() == Code::kInvalidArgument);
    CHECK_THAT(r.status().message(), Catch::Contains("public URL"));
  }
  SECTION("no store: the DID document alone") {
    IssuerOptions options;
    options.dir = dir;
    options.passphrase = testing::TestPassphrase();
    options.store = StoreUse::kNone;
    auto issuer = std::move(OpenIssuer(std::move(options)).value());
    auto r = PublishDocuments(*issuer, tmp.path() / "site", std::nullopt);
    REQUIRE(r.ok());
    REQUIRE(r->size() == 1);
    CHECK(r->at(0).path == ".well-known/did.json");
  }
}

TEST_CASE("publication: a write that fails is an I/O error naming the file", "[issuer][publish]") {
  ServiceFixture fx;
  fx.IssueOne();
  std::ofstream(fx.tmp.path() / "a-file") << "x";
  CHECK(PublishDocuments(*fx.issuer, fx.tmp.path() / "a-file", std::nullopt).status().code() == Code::kIOError);

  testing::FailingEnv env;
  env.Fail(testing::Fault::kWriteNoSpace, 0);
  auto r = PublishDocuments(*fx.issuer, fx.tmp.path() / "site", std::nullopt, env);
  CHECK(r.status().code() == Code::kIOError);
  CHECK_THAT(r.status().message(), Catch::Contains("did.json"));
  // Nothing half-written is left: the atomic write left no file.
  CHECK_FALSE(fs::exists(fx.tmp.path() / "site/.well-known/did.json"));
}

}  // namespace
}  // namespace passerelle
