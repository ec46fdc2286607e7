// Passerelle tests — offers, access tokens and c_nonces in the issuer
// store: one-time codes, expiry, PIN counting and lockout, single-use nonces.
#include "issuer/store/offer_store.h"

#include <catch2/catch.hpp>

#include "tests/issuer/issuer_test_support.h"

namespace passerelle::store {
namespace {

using passerelle::testing::TempDir;

struct Fixture {
  TempDir dir;
  std::unique_ptr<IssuerStore> store = std::move(IssuerStore::Open(dir.path() / "store").value());
  OfferStore offers{*store};
  Timestamp now{1780000000, 0};

  void Put(const std::string& code, const std::string& pin, std::int64_t lifetime = 3600, const std::string& key = "") {
    OfferRecord r;
    r.id = "00112233445566" + std::to_string(code.size() % 10) + code.substr(0, 1);
    r.created = now;
    r.expires = Timestamp{now.seconds + lifetime, 0};
    r.items.push_back(OfferItem{"ModuleCredential", "{}", "module", "HQ", "HQ-M01", ""});
    REQUIRE(offers.PutOffer(code, pin, r, key, "test").ok());
  }
};

TEST_CASE("offer store: a code is exchanged once for a token that finds the offer", "[issuer][store][offers]") {
  Fixture f;
  f.Put("code-a", "123456");
  auto first = f.offers.Redeem("code-a", std::string_view("123456"), f.now, 600);
  REQUIRE(first.ok());
  REQUIRE_FALSE(first->refusal);
  CHECK(first->access_token.size() >= 43);
  auto offer = f.offers.OfferForToken(first->access_token, f.now);
  REQUIRE(offer.ok());
  CHECK(offer->items.size() == 1);
  CHECK(offer->redeemed);
  // One-time: the same code again is refused, whatever the PIN.
  auto again = f.offers.Redeem("code-a", std::string_view("123456"), f.now, 600);
  REQUIRE(again.ok());
  CHECK(again->refusal == RedeemRefusal::kAlreadyUsed);
  // The token expires; a made-up token finds nothing.
  CHECK(f.offers.OfferForToken(first->access_token, Timestamp{f.now.seconds + 601, 0}).status().code() ==
        Code::kPermissionDenied);
  CHECK(f.offers.OfferForToken("made-up", f.now).status().code() == Code::kPermissionDenied);
  CHECK(f.offers.Redeem("unknown", std::nullopt, f.now, 600)->refusal == RedeemRefusal::kUnknownCode);
}

TEST_CASE("offer store: an expired offer is refused", "[issuer][store][offers]") {
  Fixture f;
  f.Put("code-b", "", 60);
  CHECK(f.offers.Redeem("code-b", std::nullopt, Timestamp{f.now.seconds + 60, 0}, 600)->refusal ==
        RedeemRefusal::kExpired);
  CHECK_FALSE(f.offers.Redeem("code-b", std::nullopt, Timestamp{f.now.seconds + 59, 0}, 600)->refusal);
}

TEST_CASE("offer store: wrong PINs are counted and five lock the offer for good", "[issuer][store][offers]") {
  Fixture f;
  f.Put("code-c", "654321");
  CHECK(f.offers.Redeem("code-c", std::nullopt, f.now, 600)->refusal == RedeemRefusal::kPinMissing);
  for (int i = 1; i <= 4; ++i) {
    auto r = f.offers.Redeem("code-c", std::string_view("000000"), f.now, 600);
    REQUIRE(r.ok());
    CHECK(r->refusal == RedeemRefusal::kWrongPin);
    CHECK(r->tries_left == kMaxPinAttempts - i);
  }
  CHECK(f.offers.Redeem("code-c", std::string_view("000000"), f.now, 600)->refusal == RedeemRefusal::kLocked);
  // Locked: even the right PIN no longer works, after reopening the store too.
  CHECK(f.offers.Redeem("code-c", std::string_view("654321"), f.now, 600)->refusal == RedeemRefusal::kLocked);
  f.store.reset();
  f.store = std::move(IssuerStore::Open(f.dir.path() / "store").value());
  OfferStore reopened(*f.store);
  CHECK(reopened.Redeem("code-c", std::string_view("654321"), f.now, 600)->refusal == RedeemRefusal::kLocked);
}

TEST_CASE("offer store: the right PIN after a wrong one still works", "[issuer][store][offers]") {
  Fixture f;
  f.Put("code-d", "111111");
  CHECK(f.offers.Redeem("code-d", std::string_view("111112"), f.now, 600)->tries_left == 4);
  CHECK_FALSE(f.offers.Redeem("code-d", std::string_view("111111"), f.now, 600)->refusal);
}

TEST_CASE("offer store: one offer per key, and issued items are recorded", "[issuer][store][offers]") {
  Fixture f;
  f.Put("code-e", "", 3600, "did|T1|HQ");
  CHECK(f.offers.FindOfferByKey("did|T1|HQ").value().has_value());
  CHECK_FALSE(f.offers.FindOfferByKey("did|T2|HQ").value().has_value());
  OfferRecord dup;
  dup.id = "ffeeddccbbaa9988";
  dup.items.push_back(OfferItem{"ModuleCredential", "{}", "module", "", "", ""});
  CHECK(f.offers.PutOffer("code-f", "", dup, "did|T1|HQ", "test").code() == Code::kAlreadyExists);
  auto list = f.offers.ListOffers();
  REQUIRE(list.ok());
  REQUIRE(list->size() == 1);
  REQUIRE(f.offers.MarkIssued((*list)[0].id, 0, "urn:uuid:x").ok());
  CHECK(f.offers.ListOffers().value()[0].items[0].issued_id == "urn:uuid:x");
}

TEST_CASE("offer store: a c_nonce works once and expires", "[issuer][store][offers]") {
  Fixture f;
  auto nonce = f.offers.CreateNonce(f.now, 300);
  REQUIRE(nonce.ok());
  CHECK(f.offers.ConsumeNonce(*nonce, f.now).value());
  CHECK_FALSE(f.offers.ConsumeNonce(*nonce, f.now).value());
  auto old = f.offers.CreateNonce(f.now, 300);
  CHECK_FALSE(f.offers.ConsumeNonce(*old, Timestamp{f.now.seconds + 300, 0}).value());
  CHECK_FALSE(f.offers.ConsumeNonce("never-issued", f.now).value());
  CHECK_FALSE(f.offers.ConsumeNonce("", f.now).value());
}

TEST_CASE("offer store: expired c_nonces are swept as new ones are made", "[issuer][store][offers]") {
  Fixture f;
  auto count = [&] {
    std::size_t n = 0;
    auto txn = f.store->env().BeginRead();
    REQUIRE(txn.ok());
    REQUIRE(txn->ForEach(f.store->env().Db(db::kNonces), "", [&](std::string_view, std::string_view) {
      ++n;
      return true;
    }).ok());
    return n;
  };
  for (int i = 0; i < 20; ++i) REQUIRE(f.offers.CreateNonce(f.now, 300).ok());
  CHECK(count() == 20);
  Timestamp later{f.now.seconds + 301, 0};
  REQUIRE(f.offers.CreateNonce(later, 300).ok());  // sweeps 16 of the 20 expired
  CHECK(count() == 5);
  auto fresh = f.offers.CreateNonce(later, 300);  // sweeps the last 4
  CHECK(count() == 2);  // the two fresh ones
  CHECK(f.offers.ConsumeNonce(*fresh, later).value());
  // Malformed nonces are simply unknown.
  CHECK_FALSE(f.offers.ConsumeNonce("!!", later).value());
  CHECK_FALSE(f.offers.ConsumeNonce(std::string(100, 'A'), later).value());
}

}  // namespace
}  // namespace passerelle::store
