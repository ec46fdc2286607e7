// Tests for issuer/service/claims.h: offers (what is recorded, and only
// when delivered; the code and PIN that redeem it; refusals), the OID4VCI
// metadata, and claim-time issuance bound to the holder, once.
#include "issuer/service/claims.h"

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "formats/credential_offer.h"
#include "issuer/pathways/diploma_credential.h"
#include "issuer/programme_files.h"
#include "issuer/store/offer_store.h"
#include "tests/issuer/service/service_test_support.h"
#include "tests/testing/paths.h"

namespace passerelle {
namespace {

using nlohmann::json;
using testing::ServiceFixture;

constexpr const char* kHolder = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";

ProgrammeBundle HealthQualitician() {
  auto bundle = LoadProgrammeBundle(testing::SourceDir() / "scripts/demo-data/programme-health-qualitician.json");
  REQUIRE(bundle.ok());
  return std::move(*bundle);
}

// An unsigned module credential of the fixture's issuer for an unknown holder.
json Module(const ServiceFixture& fx, std::size_t index = 0) {
  ProgrammeBundle b = HealthQualitician();
  IssuerIdentity id{fx.dir.did, fx.dir.name, fx.dir.country};
  auto module = BuildModuleCredential(b.programme, b.programme.modules[index], id, Learner{std::nullopt, "Ana", "Pop"},
                                      ModuleAward{NewCredentialId(), "15", "FR-0-20", Now()});
  REQUIRE(module.ok());
  return *module;
}

OfferRequest TwoModules(const ServiceFixture& fx) {
  OfferRequest r;
  r.credentials = {Module(fx, 0), Module(fx, 1)};
  r.modules = {"HQ-M01", "HQ-M02"};
  r.programme = "HQ";
  r.trainee = "T0001";
  r.actor = "test";
  return r;
}

std::vector<store::OfferRecord> Offers(ServiceFixture& fx) {
  return store::OfferStore(*fx.issuer->store()).ListOffers().value();
}

TEST_CASE("claims: the configuration id of each kind offered", "[issuer][claims]") {
  ServiceFixture fx;
  CHECK(ConfigurationIdFor(Module(fx)).value() == "ModuleCredential");
  json cert = Module(fx);
  cert["type"] = {"VerifiableCredential", "CertificationCredential"};
  CHECK(ConfigurationIdFor(cert).value() == "CertificationCredential");
  json diploma = Module(fx);
  diploma["type"] = {"VerifiableCredential", "DiplomaCredential"};
  CHECK(ConfigurationIdFor(diploma).value() == "DiplomaCredential");
  // A recognition is recorded by the issuer, never offered; a credential of
  // no Passerelle kind cannot be offered either.
  json recognition = Module(fx);
  recognition["type"] = {"VerifiableCredential", "RecognitionCredential"};
  auto r = ConfigurationIdFor(recognition);
  CHECK(r.status().code() == Code::kInvalidCredential);
  CHECK_THAT(r.status().message(), Catch::Contains("not offered"));
  CHECK(ConfigurationIdFor(fx.Request().credential).status().code() == Code::kInvalidCredential);
}

TEST_CASE("claims: an offer is recorded with its items, and its code and PIN redeem it once", "[issuer][claims]") {
  ServiceFixture fx;
  auto offer = CreateOffer(*fx.issuer, TwoModules(fx));
  INFO(offer.status().ToString());
  REQUIRE(offer.ok());
  CHECK(offer->offer_id.size() == 16);
  REQUIRE(offer->pin.size() == 6);
  CHECK(offer->pin.find_first_not_of("0123456789") == std::string::npos);
  auto parsed = ParseCredentialOffer(offer->uri);
  REQUIRE(parsed.ok());
  CHECK(parsed->credential_issuer == testing::kUrl);
  // Two modules, one configuration.
  CHECK(parsed->credential_configuration_ids == std::vector<std::string>{"ModuleCredential"});
  REQUIRE(parsed->tx_code.has_value());
  CHECK(parsed->pre_authorized_code.size() >= 43);  // 256 bits, base64url

  auto offers = Offers(fx);
  REQUIRE(offers.size() == 1);
  const store::OfferRecord& rec = offers[0];
  CHECK(rec.id == offer->offer_id);
  CHECK(rec.trainee == "T0001");
  CHECK(rec.suite == "eddsa-rdfc-2022");
  CHECK(rec.expires.seconds == rec.created.seconds + kDefaultOfferSeconds);
  CHECK(rec.expires.seconds == offer->expires.seconds);
  REQUIRE(rec.items.size() == 2);
  CHECK(rec.items[0].configuration == "ModuleCredential");
  CHECK(rec.items[1].module == "HQ-M02");
  CHECK(rec.items[0].issued_id.empty());
  // Neither the code nor the PIN is stored as such.
  CHECK(store::EncodeOfferRecord(rec).find(parsed->pre_authorized_code) == std::string::npos);
  CHECK(rec.pin_hash.size() == 32);

  store::OfferStore store(*fx.issuer->store());
  const Timestamp now = Now();
  auto wrong = store.Redeem(parsed->pre_authorized_code, std::string_view(offer->pin == "000000" ? "111111" : "000000"),
                            now, 600);
  REQUIRE(wrong.ok());
  CHECK(wrong->refusal == store::RedeemRefusal::kWrongPin);
  auto unknown = store.Redeem("not-the-code", std::string_view(offer->pin), now, 600);
  REQUIRE(unknown.ok());
  CHECK(unknown->refusal == store::RedeemRefusal::kUnknownCode);
  auto redeemed = store.Redeem(parsed->pre_authorized_code, std::string_view(offer->pin), now, 600);
  REQUIRE(redeemed.ok());
  CHECK_FALSE(redeemed->refusal.has_value());
  CHECK(redeemed->offer_id == offer->offer_id);
  auto again = store.Redeem(parsed->pre_authorized_code, std::string_view(offer->pin), now, 600);
  REQUIRE(again.ok());
  CHECK(again->refusal == store::RedeemRefusal::kAlreadyUsed);
}

TEST_CASE("claims: an offer without a PIN, and one that expires", "[issuer][claims]") {
  ServiceFixture fx;
  OfferRequest request = TwoModules(fx);
  request.with_pin = false;
  request.lifetime_seconds = 60;
  request.suite = Cryptosuite::kEddsaJcs2022;
  auto offer = CreateOffer(*fx.issuer, std::move(request));
  REQUIRE(offer.ok());
  CHECK(offer->pin.empty());
  auto parsed = ParseCredentialOffer(offer->uri).value();
  CHECK_FALSE(parsed.tx_code.has_value());
  auto rec = Offers(fx).at(0);
  CHECK(rec.pin_hash.empty());
  CHECK(rec.suite == "eddsa-jcs-2022");
  CHECK(rec.expires.seconds == rec.created.seconds + 60);
  store::OfferStore store(*fx.issuer->store());
  auto late = store.Redeem(parsed.pre_authorized_code, std::nullopt, Timestamp{rec.expires.seconds + 1, 0}, 600);
  REQUIRE(late.ok());
  CHECK(late->refusal == store::RedeemRefusal::kExpired);
  auto in_time = store.Redeem(parsed.pre_authorized_code, std::nullopt, Timestamp{rec.expires.seconds - 1, 0}, 600);
  REQUIRE(in_time.ok());
  CHECK_FALSE(in_time->refusal.has_value());
}

TEST_CASE("claims: what an offer refuses, recording nothing", "[issuer][claims]") {
  ServiceFixture fx;
  SECTION("no credentials") {
    OfferRequest r = TwoModules(fx);
    r.credentials.clear();
    CHECK(CreateOffer(*fx.issuer, std::move(r)).status().code() == Code::kInvalidArgument);
  }
  SECTION("a lifetime that is not positive") {
    OfferRequest r = TwoModules(fx);
    r.lifetime_seconds = 0;
    CHECK(CreateOffer(*fx.issuer, std::move(r)).status().code() == Code::kInvalidArgument);
  }
  SECTION("a credential that already names its subject") {
    OfferRequest r = TwoModules(fx);
    r.credentials[1]["credentialSubject"]["id"] = kHolder;
    auto made = CreateOffer(*fx.issuer, std::move(r));
    CHECK(made.status().code() == Code::kInvalidCredential);
    CHECK_THAT(made.status().message(), Catch::Contains("credential 1"));
  }
  SECTION("a credential of a kind not offered") {
    OfferRequest r = TwoModules(fx);
    r.credentials[0]["type"] = {"VerifiableCredential", "RecognitionCredential"};
    CHECK(CreateOffer(*fx.issuer, std::move(r)).status().code() == Code::kInvalidCredential);
  }
  SECTION("delivery failed") {
    OfferRequest r = TwoModules(fx);
    CreatedOffer seen;
    r.deliver = [&seen](const CreatedOffer& o) {
      seen = o;
      return Status::IOError("offers/T0001.offer.png: no space left on device");
    };
    auto made = CreateOffer(*fx.issuer, std::move(r));
    CHECK(made.status().code() == Code::kIOError);
    // It was handed the offer it would have recorded.
    CHECK(seen.uri.rfind("openid-credential-offer://", 0) == 0);
    CHECK(seen.pin.size() == 6);
  }
  CHECK(Offers(fx).empty());
}

TEST_CASE("claims: an offer needs the node's public URL", "[issuer][claims]") {
  testing::TempDir tmp;
  testing::MakeIssuerDir(tmp.path() / "node", std::string("did:web:issuer.test"));
  auto issuer = testing::MakeIssuer(tmp.path() / "node", "");
  OfferRequest r;
  r.credentials = {json::object()};
  CHECK(CreateOffer(*issuer, std::move(r)).status().code() == Code::kInvalidArgument);
}

TEST_CASE("claims: one offer per idempotency key, delivered once", "[issuer][claims]") {
  ServiceFixture fx;
  int delivered = 0;
  auto request = [&] {
    OfferRequest r = TwoModules(fx);
    r.key = "batch|HQ|T0001";
    r.deliver = [&delivered](const CreatedOffer&) {
      ++delivered;
      return Status::Ok();
    };
    return r;
  };
  auto first = CreateOffer(*fx.issuer, request());
  REQUIRE(first.ok());
  auto second = CreateOffer(*fx.issuer, request());
  CHECK(second.status().code() == Code::kAlreadyExists);
  CHECK(delivered == 1);
  auto found = store::OfferStore(*fx.issuer->store()).FindOfferByKey("batch|HQ|T0001");
  REQUIRE(found.ok());
  REQUIRE(found->has_value());
  CHECK(**found == first->offer_id);
  CHECK(Offers(fx).size() == 1);
}

TEST_CASE("claims: the issuer and authorization server metadata", "[issuer][claims]") {
  ServiceFixture fx;
  json m = CredentialIssuerMetadata(*fx.issuer);
  CHECK(m["credential_issuer"] == testing::kUrl);
  CHECK(m["credential_endpoint"] == std::string(testing::kUrl) + "/credential");
  CHECK(m["nonce_endpoint"] == std::string(testing::kUrl) + "/nonce");
  CHECK(m["display"][0]["name"] == fx.dir.name);
  const json& configs = m["credential_configurations_supported"];
  REQUIRE(configs.size() == 3);
  for (const char* type : {"ModuleCredential", "CertificationCredential", "DiplomaCredential"}) {
    INFO(type);
    REQUIRE(configs.contains(type));
    CHECK(configs[type]["format"] == "ldp_vc");
    CHECK(configs[type]["credential_definition"]["type"][1] == type);
    CHECK(configs[type]["cryptographic_binding_methods_supported"] == json({"did:key"}));
    CHECK(configs[type]["proof_types_supported"].contains("jwt"));
    CHECK(configs[type]["proof_types_supported"].contains("di_vp"));
  }
  CHECK(configs["ModuleCredential"]["credential_metadata"]["display"][0]["name"] == "Module credential");
  json as = AuthorizationServerMetadata(*fx.issuer);
  CHECK(as["issuer"] == testing::kUrl);
  CHECK(as["token_endpoint"] == std::string(testing::kUrl) + "/token");
  CHECK(as["grant_types_supported"] == json({std::string(kPreAuthorizedGrant)}));
}

TEST_CASE("claims: claimed credentials are signed for the holder, recorded, and issued once", "[issuer][claims]") {
  ServiceFixture fx;
  auto offer = CreateOffer(*fx.issuer, TwoModules(fx));
  REQUIRE(offer.ok());
  const store::OfferRecord before = Offers(fx).at(0);

  CHECK(IssueClaimed(*fx.issuer, before, "DiplomaCredential", kHolder).status().code() == Code::kNotFound);

  auto issued = IssueClaimed(*fx.issuer, before, "ModuleCredential", kHolder);
  INFO(issued.status().ToString());
  REQUIRE(issued.ok());
  REQUIRE(issued->size() == 2);
  for (const json& vc : *issued) {
    CHECK(vc["credentialSubject"]["id"] == kHolder);
    CHECK(vc["proof"]["cryptosuite"] == "eddsa-rdfc-2022");
    CHECK(testing::ProofVerifies(vc, fx.dir));
    auto record = fx.issuer->FindCredential(vc["id"].get<std::string>());
    REQUIRE(record.ok());
    CHECK(record->actor == "offer:" + offer->offer_id);
  }
  // The offer now says what each item became.
  const store::OfferRecord after = Offers(fx).at(0);
  CHECK(after.items[0].issued_id == (*issued)[0]["id"]);
  CHECK(after.items[1].issued_id == (*issued)[1]["id"]);
  // Claimed again: nothing more, from the current record or a stale copy.
  CHECK(IssueClaimed(*fx.issuer, after, "ModuleCredential", kHolder).status().code() == Code::kAlreadyExists);
  CHECK(IssueClaimed(*fx.issuer, before, "ModuleCredential", kHolder).status().code() == Code::kAlreadyExists);
}

}  // namespace
}  // namespace passerelle
