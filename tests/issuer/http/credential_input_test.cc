// Tests for issuer/http/credential_input.h: reading VC-API issue requests and completing their credential.
#include "issuer/http/credential_input.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/datetime.h"

namespace passerelle::http {
namespace {

using nlohmann::json;

const json kV2 = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
                  {"type", {"VerifiableCredential"}},
                  {"credentialSubject", {{"id", "did:example:learner"}}}};
const json kV1 = {{"@context", {"https://www.w3.org/2018/credentials/v1"}},
                  {"type", {"VerifiableCredential"}},
                  {"credentialSubject", {{"id", "did:example:learner"}}}};

TEST_CASE("issue input: the credential, with the node's suite unless options name one", "[issuer][http]") {
  auto plain = ParseIssueRequest(json{{"credential", kV2}}, Cryptosuite::kEddsaJcs2022);
  REQUIRE(plain.ok());
  CHECK(plain->credential == kV2);
  CHECK(plain->suite == Cryptosuite::kEddsaJcs2022);
  CHECK_FALSE(plain->status_requested);

  auto chosen = ParseIssueRequest(
      json{{"credential", kV2},
           {"options", {{"type", "DataIntegrityProof"}, {"cryptosuite", "eddsa-rdfc-2022"},
                        {"credentialStatus", {{"type", "BitstringStatusListEntry"}}}}}},
      Cryptosuite::kEddsaJcs2022);
  REQUIRE(chosen.ok());
  CHECK(chosen->suite == Cryptosuite::kEddsaRdfc2022);
  CHECK(chosen->status_requested);

  auto null_options = ParseIssueRequest(json{{"credential", kV2}, {"options", nullptr}}, Cryptosuite::kEddsaRdfc2022);
  REQUIRE(null_options.ok());
  CHECK(null_options->suite == Cryptosuite::kEddsaRdfc2022);
}

TEST_CASE("issue input: a missing or mistyped credential is malformed, naming the member", "[issuer][http]") {
  auto code = [](const json& body) { return ParseIssueRequest(body, Cryptosuite::kEddsaRdfc2022).status(); };
  CHECK(code(json::array()).code() == Code::kMalformed);
  CHECK(code(json::object()).code() == Code::kMalformed);
  CHECK_THAT(code(json::object()).message(), Catch::StartsWith("/credential"));
  CHECK(code(json{{"credential", "a string"}}).code() == Code::kMalformed);
  CHECK(code(json{{"credential", kV2}, {"options", "x"}}).code() == Code::kMalformed);
  CHECK(code(json{{"credential", kV2}, {"options", {{"cryptosuite", 7}}}}).code() == Code::kMalformed);
  CHECK(code(json{{"credential", kV2}, {"options", {{"credentialStatus", {{"id", "x"}}}}}}).code() ==
        Code::kMalformed);
}

TEST_CASE("issue input: proof types, suites and status types this node does not make are unsupported",
          "[issuer][http]") {
  auto status = [](const json& options) {
    return ParseIssueRequest(json{{"credential", kV2}, {"options", options}}, Cryptosuite::kEddsaRdfc2022).status();
  };
  Status type = status({{"type", "Ed25519Signature2018"}});
  CHECK(type.code() == Code::kUnsupported);
  CHECK_THAT(type.message(), Catch::StartsWith("/options/type"));
  Status suite = status({{"cryptosuite", "ecdsa-rdfc-2019"}});
  CHECK_FALSE(suite.ok());
  CHECK_THAT(suite.message(), Catch::Contains("/options/cryptosuite"));
  Status list = status({{"credentialStatus", {{"type", "StatusList2021Entry"}}}});
  CHECK(list.code() == Code::kUnsupported);
  CHECK_THAT(list.message(), Catch::Contains("/options/credentialStatus/type"));
}

TEST_CASE("issue input: a VC 2.0 credential is completed with issuer, id and validFrom", "[issuer][http]") {
  json vc = kV2;
  const Timestamp now{1767225600, 0};
  CompleteCredential(vc, "did:web:uni.example", now);
  CHECK(vc["issuer"] == "did:web:uni.example");
  REQUIRE(vc["id"].is_string());
  CHECK(vc["id"].get<std::string>().rfind("urn:uuid:", 0) == 0);
  CHECK(vc["validFrom"] == FormatDateTime(now));
  CHECK_FALSE(vc.contains("issuanceDate"));
  CHECK(vc["@context"].size() == 1);
  // Present members are kept as they are.
  json given = kV2;
  given["issuer"] = {{"id", "did:web:other.example"}};
  given["id"] = "urn:uuid:given";
  given["validFrom"] = "2020-01-01T00:00:00Z";
  json before = given;
  CompleteCredential(given, "did:web:uni.example", now);
  CHECK(given == before);
  // Two completions give two ids.
  json again = kV2;
  CompleteCredential(again, "did:web:uni.example", now);
  CHECK(again["id"] != vc["id"]);
}

TEST_CASE("issue input: a VC 1.1 credential gets issuanceDate and the data-integrity context once",
          "[issuer][http]") {
  json vc = kV1;
  CompleteCredential(vc, "did:web:uni.example", Timestamp{1767225600, 0});
  CHECK(vc.contains("issuanceDate"));
  CHECK_FALSE(vc.contains("validFrom"));
  REQUIRE(vc["@context"].size() == 2);
  CHECK(vc["@context"][1] == std::string(kDataIntegrityContextV2));
  CompleteCredential(vc, "did:web:uni.example", Timestamp{1767225600, 0});
  CHECK(vc["@context"].size() == 2);
  // Not an object, or no recognisable context: left for the data model check.
  json not_object = "x";
  CompleteCredential(not_object, "did:web:uni.example", Timestamp{0, 0});
  CHECK(not_object == "x");
  json no_context = {{"type", {"VerifiableCredential"}}};
  CompleteCredential(no_context, "did:web:uni.example", Timestamp{0, 0});
  CHECK(no_context["issuer"] == "did:web:uni.example");
  CHECK_FALSE(no_context.contains("validFrom"));
  CHECK_FALSE(no_context.contains("issuanceDate"));
}

TEST_CASE("issue input: status entries always for VC 2.0, for VC 1.1 only when asked", "[issuer][http]") {
  CHECK(WantsStatusEntries(IssueInput{kV2, Cryptosuite::kEddsaRdfc2022, false}));
  CHECK_FALSE(WantsStatusEntries(IssueInput{kV1, Cryptosuite::kEddsaRdfc2022, false}));
  CHECK(WantsStatusEntries(IssueInput{kV1, Cryptosuite::kEddsaRdfc2022, true}));
}

}  // namespace
}  // namespace passerelle::http
