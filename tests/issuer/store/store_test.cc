// Passerelle tests — the issuer store: register, idempotency, status slots,
// status changes, tokens, audit chain, and failure paths.
#include "issuer/store/store.h"

#include <set>

#include <catch2/catch.hpp>

#include "formats/digest.h"
#include "formats/status_list.h"
#include "tests/issuer/issuer_test_support.h"

namespace passerelle::store {
namespace {

using passerelle::testing::TempDir;

std::unique_ptr<IssuerStore> OpenStore(const TempDir& dir, StoreOptions options = {}) {
  auto s = IssuerStore::Open(dir.path() / "store", options);
  REQUIRE(s.ok());
  return std::move(*s);
}

PendingIssuance Pending(IssuerStore& store, const std::string& id, const std::string& key = "") {
  PendingIssuance p;
  p.record.id = id;
  p.record.kind = "module";
  p.record.issued_at = Now();
  p.record.actor = "test";
  p.record.idempotency_key = key;
  auto rev = store.ReserveSlots(StatusPurpose::kRevocation, 1);
  auto sus = store.ReserveSlots(StatusPurpose::kSuspension, 1);
  REQUIRE(rev.ok());
  REQUIRE(sus.ok());
  p.record.status = {(*rev)[0], (*sus)[0]};
  p.document = "{\"id\":\"" + id + "\"}";
  return p;
}

TEST_CASE("store: committed issuances are found again, after reopening too", "[issuer][store]") {
  TempDir dir;
  {
    auto store = OpenStore(dir);
    PendingIssuance a = Pending(*store, "urn:uuid:a", "did:x|T1|M1"), b = Pending(*store, "urn:uuid:b");
    std::vector<PendingIssuance*> items = {&a, &b};
    REQUIRE(store->CommitIssuances(items).ok());
    CHECK(a.outcome.ok());
    CHECK(b.outcome.ok());
  }
  auto store = OpenStore(dir);
  auto rec = store->FindCredential("urn:uuid:a");
  REQUIRE(rec.ok());
  CHECK(rec->kind == "module");
  CHECK(rec->status.size() == 2);
  CHECK(store->FindDocument("urn:uuid:b").value() == "{\"id\":\"urn:uuid:b\"}");
  CHECK(store->FindByIdempotencyKey("did:x|T1|M1").value() == std::optional<std::string>("urn:uuid:a"));
  CHECK(!store->FindByIdempotencyKey("did:x|T1|M2").value().has_value());
  CHECK(store->CountCredentials().value() == 2);
  CHECK(store->FindCredential("urn:uuid:zzz").status().code() == Code::kNotFound);
}

TEST_CASE("store: a known id or idempotency key is refused, the rest of the group commits", "[issuer][store]") {
  TempDir dir;
  auto store = OpenStore(dir);
  PendingIssuance a = Pending(*store, "urn:uuid:a", "k1");
  std::vector<PendingIssuance*> first = {&a};
  REQUIRE(store->CommitIssuances(first).ok());
  PendingIssuance same_id = Pending(*store, "urn:uuid:a"), same_key = Pending(*store, "urn:uuid:c", "k1"),
                  fresh = Pending(*store, "urn:uuid:d", "k2");
  std::vector<PendingIssuance*> second = {&same_id, &same_key, &fresh};
  REQUIRE(store->CommitIssuances(second).ok());
  CHECK(same_id.outcome.code() == Code::kAlreadyExists);
  CHECK(same_key.outcome.code() == Code::kAlreadyExists);
  CHECK(fresh.outcome.ok());
  CHECK(store->CountCredentials().value() == 2);
  CHECK(store->FindCredential("urn:uuid:c").status().code() == Code::kNotFound);
  // The refused items' slots stay reserved and unused; the audit chain holds.
  CHECK(store->VerifyAuditChain().ok());
}

TEST_CASE("store: slots are random, distinct, never handed out twice, and a full list opens a new one",
          "[issuer][store]") {
  TempDir dir;
  StoreOptions options;
  options.list_length = 1024;  // small lists, to fill them
  options.list_fill_limit = 0.5;
  auto store = OpenStore(dir, options);
  std::set<std::pair<std::string, std::uint64_t>> seen;
  for (int round = 0; round < 3; ++round) {
    auto slots = store->ReserveSlots(StatusPurpose::kRevocation, 400);
    REQUIRE(slots.ok());
    for (const auto& s : *slots) {
      CHECK(s.index < 1024);
      CHECK(seen.insert({s.list_id, s.index}).second);
    }
  }
  auto lists = store->ListStatusLists();
  REQUIRE(lists.ok());
  REQUIRE(lists->size() == 3);  // 1200 slots at 512 per list
  CHECK((*lists)[0].id == "revocation-1");
  CHECK((*lists)[0].reserved == 512);
  // Not sequential: the first 400 of list 1 are not 0..399.
  std::uint64_t max_index = 0;
  for (const auto& [list, index] : seen)
    if (list == "revocation-1") max_index = std::max(max_index, index);
  CHECK(max_index > 600);
}

TEST_CASE("store: revoke, suspend and unsuspend flip the right bit and are audited", "[issuer][store]") {
  TempDir dir;
  auto store = OpenStore(dir);
  PendingIssuance a = Pending(*store, "urn:uuid:a");
  std::vector<PendingIssuance*> items = {&a};
  REQUIRE(store->CommitIssuances(items).ok());
  const StatusSlot rev = a.record.status[0], sus = a.record.status[1];

  auto r = store->ApplyStatusChange("urn:uuid:a", {StatusPurpose::kSuspension, true}, "cli", Now());
  REQUIRE(r.ok());
  CHECK(r->changed);
  auto list = store->LoadStatusList(sus.list_id);
  REQUIRE(list.ok());
  CHECK(ReadStatus(list->bits, sus.index, 1).value() == 1);
  CHECK(list->meta.version == 1);
  CHECK(store->FindCredential("urn:uuid:a")->suspended);

  // Again: nothing changes, the version stays.
  r = store->ApplyStatusChange("urn:uuid:a", {StatusPurpose::kSuspension, true}, "cli", Now());
  REQUIRE(r.ok());
  CHECK(!r->changed);
  CHECK(store->LoadStatusList(sus.list_id)->meta.version == 1);

  REQUIRE(store->ApplyStatusChange("urn:uuid:a", {StatusPurpose::kSuspension, false}, "cli", Now()).ok());
  CHECK(ReadStatus(store->LoadStatusList(sus.list_id)->bits, sus.index, 1).value() == 0);
  REQUIRE(store->ApplyStatusChange("urn:uuid:a", {StatusPurpose::kRevocation, true}, "cli", Now()).ok());
  CHECK(ReadStatus(store->LoadStatusList(rev.list_id)->bits, rev.index, 1).value() == 1);
  CHECK(store->FindCredential("urn:uuid:a")->revoked);

  std::vector<std::string> actions;
  REQUIRE(store->ForEachAuditEvent([&](const AuditEvent& e) {
    actions.push_back(e.action);
    return true;
  }).ok());
  CHECK(actions == std::vector<std::string>{"issue", "suspend", "unsuspend", "revoke"});
  CHECK(store->VerifyAuditChain().ok());
  CHECK(store->ApplyStatusChange("urn:uuid:nope", {StatusPurpose::kRevocation, true}, "cli", Now())
            .status()
            .code() == Code::kNotFound);
}

TEST_CASE("store: tokens are shown once, stored hashed, checked exactly", "[issuer][store]") {
  TempDir dir;
  auto store = OpenStore(dir);
  auto token = store->CreateToken({"status", "issue"}, "ci", "cli", Now());
  REQUIRE(token.ok());
  CHECK(token->rfind("psl_", 0) == 0);
  CHECK(token->size() == 4 + 16 + 1 + 43);
  auto rec = store->Authenticate(*token);
  REQUIRE(rec.ok());
  CHECK(rec->scopes == std::vector<std::string>{"issue", "status"});
  // The secret is nowhere in the store's record.
  auto tokens = store->ListTokens();
  REQUIRE(tokens.ok());
  REQUIRE(tokens->size() == 1);
  CHECK(EncodeTokenRecord((*tokens)[0]).find(token->substr(21)) == std::string::npos);

  std::string tampered = *token;
  tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
  CHECK(store->Authenticate(tampered).status().code() == Code::kPermissionDenied);
  CHECK(store->Authenticate("psl_").status().code() == Code::kPermissionDenied);
  CHECK(store->Authenticate("").status().code() == Code::kPermissionDenied);
  CHECK(store->CreateToken({"root"}, "", "cli", Now()).status().code() == Code::kInvalidArgument);

  REQUIRE(store->RevokeToken(rec->id, "cli", Now()).ok());
  CHECK(store->Authenticate(*token).status().code() == Code::kPermissionDenied);
  CHECK(store->VerifyAuditChain().ok());
}

TEST_CASE("store: a tampered audit entry breaks the chain", "[issuer][store]") {
  TempDir dir;
  auto store = OpenStore(dir);
  for (int i = 0; i < 3; ++i) REQUIRE(store->CreateToken({"issue"}, "", "cli", Now()).ok());
  REQUIRE(store->VerifyAuditChain().ok());
  {
    auto txn = store->env().BeginWrite();
    REQUIRE(txn.ok());
    auto v = txn->Get(store->env().Db(db::kAudit), EncodeU64(2));
    REQUIRE(v.ok());
    std::string changed(**v);
    changed.replace(changed.find("cli"), 3, "eve");
    REQUIRE(txn->Put(store->env().Db(db::kAudit), EncodeU64(2), changed).ok());
    REQUIRE(txn->Commit().ok());
  }
  CHECK(store->VerifyAuditChain().code() == Code::kVerificationFailed);
}

TEST_CASE("store: the audit head commits to every entry before it, and a rewrite changes it", "[issuer][store]") {
  TempDir dir;
  auto store = OpenStore(dir);
  auto empty = store->AuditHeadAt();
  REQUIRE(empty.ok());
  CHECK(empty->entries == 0);
  for (int i = 0; i < 3; ++i) REQUIRE(store->CreateToken({"issue"}, "", "cli", Now()).ok());
  auto at2 = store->AuditHeadAt(2);
  auto last = store->AuditHeadAt();
  REQUIRE(at2.ok());
  REQUIRE(last.ok());
  CHECK(at2->entries == 2);
  CHECK(last->entries == 3);
  CHECK(at2->hash.size() == 64);
  CHECK(at2->hash != last->hash);
  CHECK(store->AuditHeadAt(4).status().code() == Code::kNotFound);
  // Later entries leave an earlier head as it was.
  REQUIRE(store->CreateToken({"issue"}, "", "cli", Now()).ok());
  CHECK(store->AuditHeadAt(2)->hash == at2->hash);
  // Rewriting entry 1 and re-chaining everything after it (what an intruder
  // with the database would do) still changes the head at 2.
  {
    auto txn = store->env().BeginWrite();
    REQUIRE(txn.ok());
    std::string prev;
    for (std::uint64_t seq = 1; seq <= 4; ++seq) {
      auto v = txn->Get(store->env().Db(db::kAudit), EncodeU64(seq));
      REQUIRE(v.ok());
      auto e = DecodeAuditEvent(**v);
      REQUIRE(e.ok());
      if (seq == 1) e->actor = "eve";
      e->prev = prev;
      std::string bytes = EncodeAuditEvent(*e);
      prev = Sha256Hex(bytes);
      REQUIRE(txn->Put(store->env().Db(db::kAudit), EncodeU64(seq), bytes).ok());
    }
    REQUIRE(txn->Commit().ok());
  }
  REQUIRE(store->VerifyAuditChain().ok());  // a consistent chain again…
  CHECK(store->AuditHeadAt(2)->hash != at2->hash);  // …but not the one checkpointed
}

TEST_CASE("store: a full map is reported as resource exhausted, and nothing of the group lands",
          "[issuer][store]") {
  TempDir dir;
  StoreOptions options;
  options.lmdb.map_size = 256 * 1024;  // tiny
  auto opened = IssuerStore::Open(dir.path() / "store", options);
  REQUIRE(opened.ok());
  auto& store = **opened;
  std::vector<PendingIssuance> items;
  Status failure;
  for (int i = 0; i < 200 && failure.ok(); ++i) {
    PendingIssuance p;
    p.record.id = "urn:uuid:" + std::to_string(i);
    p.record.issued_at = Now();
    p.document = std::string(8000, 'x');
    std::vector<PendingIssuance*> one = {&p};
    failure = store.CommitIssuances(one);
  }
  CHECK(failure.code() == Code::kResourceExhausted);
  auto count = store.CountCredentials();
  REQUIRE(count.ok());
  CHECK(*count < 200);
  CHECK(store.VerifyAuditChain().ok());
}

TEST_CASE("store: a store of another format is refused", "[issuer][store]") {
  TempDir dir;
  {
    auto store = OpenStore(dir);
    REQUIRE(store->PutSetting("format", "passerelle-issuer-store/v9").ok());
  }
  auto again = IssuerStore::Open(dir.path() / "store");
  CHECK(again.status().code() == Code::kMalformed);
}

}  // namespace
}  // namespace passerelle::store
