// issuer/store/records: every record the issuer store keeps reads back as it
// was written; anything else is refused naming its database.
#include <catch2/catch.hpp>

#include "issuer/store/records.h"

namespace passerelle::store {
namespace {

TEST_CASE("records: a register entry round-trips, learner included", "[issuer][store][records]") {
  CredentialRecord r;
  r.id = "urn:uuid:5e0c";
  r.kind = "module";
  r.subject = "did:key:z6Mk";
  r.learner = "Élodie Martin";
  r.programme = "HQ";
  r.module = "HQ-M01";
  r.trainee = "T0001";
  r.status = {{StatusPurpose::kRevocation, "revocation-1", 70214}, {StatusPurpose::kSuspension, "suspension-1", 3}};
  r.issued_at = ParseDateTime("2026-06-20T10:00:00Z").value();
  r.actor = "cli";
  r.idempotency_key = "cli-award:module:HQ:HQ-M01";
  r.suite = "eddsa-rdfc-2022";
  r.suspended = true;
  auto back = DecodeCredentialRecord(EncodeCredentialRecord(r));
  REQUIRE(back.ok());
  CHECK(back->id == r.id);
  CHECK(back->learner == "Élodie Martin");
  CHECK(back->module == "HQ-M01");
  CHECK(back->trainee == "T0001");
  REQUIRE(back->status.size() == 2);
  CHECK(back->status[1].purpose == StatusPurpose::kSuspension);
  CHECK(back->status[0].index == 70214);
  CHECK(back->idempotency_key == r.idempotency_key);
  CHECK(back->suspended);
  CHECK_FALSE(back->revoked);
  CHECK(back->issued_at.seconds == r.issued_at.seconds);
}

TEST_CASE("records: an entry written before `learner` existed reads with none", "[issuer][store][records]") {
  auto old = DecodeCredentialRecord(
      R"({"id":"urn:uuid:1","kind":"module","subject":"did:key:z6Mk","status":[],"issuedAt":"2026-01-01T00:00:00Z",)"
      R"("actor":"batch","suite":"eddsa-rdfc-2022","revoked":false,"suspended":false})");
  REQUIRE(old.ok());
  CHECK(old->learner.empty());
}

TEST_CASE("records: damaged entries are refused naming the database", "[issuer][store][records]") {
  for (const char* bad : {"", "[]", "{", R"({"kind":"module"})",
                          R"({"id":"x","issuedAt":"yesterday","status":[]})",
                          R"({"id":"x","issuedAt":"2026-01-01T00:00:00Z","status":[{"purpose":"deletion"}]})",
                          R"({"id":"x","issuedAt":"2026-01-01T00:00:00Z","status":[7]})"}) {
    INFO(bad);
    auto r = DecodeCredentialRecord(bad);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.status().message(), Catch::Contains("credentials") || Catch::Contains("purpose"));
  }
}

TEST_CASE("records: tokens, lists and audit events round-trip", "[issuer][store][records]") {
  TokenRecord t;
  t.id = "0123456789abcdef";
  t.secret_hash = std::string(32, '\x07');
  t.scopes = {"issue", "status"};
  t.label = "registrar";
  t.created = ParseDateTime("2026-06-20T10:00:00Z").value();
  auto tb = DecodeTokenRecord(EncodeTokenRecord(t));
  REQUIRE(tb.ok());
  CHECK(tb->secret_hash == t.secret_hash);
  CHECK(tb->scopes == t.scopes);

  StatusListMeta m;
  m.id = "revocation-1";
  m.purpose = StatusPurpose::kRevocation;
  m.length = 131072;
  m.reserved = 10;
  m.version = 4;
  m.created = t.created;
  auto mb = DecodeStatusListMeta(EncodeStatusListMeta(m));
  REQUIRE(mb.ok());
  CHECK(mb->length == 131072);
  CHECK(mb->version == 4);

  AuditEvent e;
  e.seq = 9;
  e.at = t.created;
  e.action = "revoke";
  e.credential = "urn:uuid:1";
  e.actor = "cli";
  e.prev = std::string(64, 'a');
  auto eb = DecodeAuditEvent(EncodeAuditEvent(e));
  REQUIRE(eb.ok());
  CHECK(eb->seq == 9);
  CHECK(eb->prev == e.prev);
  CHECK(ParseStatusPurpose("suspension").value() == StatusPurpose::kSuspension);
  CHECK_FALSE(ParseStatusPurpose("Revocation").ok());
}

}  // namespace
}  // namespace passerelle::store
