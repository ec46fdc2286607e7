// Passerelle — issuer store records as compact JSON.
#include "issuer/store/records.h"

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/multibase.h"

namespace passerelle::store {

using nlohmann::json;

namespace {

constexpr JsonLimits kRecordLimits{1 << 20, 8};

Result<json> ParseRecord(std::string_view bytes, std::string_view db) {
  auto parsed = ParseJson(bytes, kRecordLimits);
  if (!parsed.ok()) return parsed.status().Annotate("store " + std::string(db) + " record");
  if (!parsed->is_object()) return Status::Malformed("store " + std::string(db) + " record: not an object");
  return parsed;
}

std::string Str(const json& o, const char* name) {
  const json* m = FindMember(o, name);
  return m != nullptr && m->is_string() ? m->get<std::string>() : std::string();
}

std::uint64_t U64(const json& o, const char* name) {
  const json* m = FindMember(o, name);
  return m != nullptr && m->is_number_unsigned() ? m->get<std::uint64_t>() : 0;
}

bool Bool(const json& o, const char* name) {
  const json* m = FindMember(o, name);
  return m != nullptr && m->is_boolean() && m->get<bool>();
}

Result<Timestamp> Time(const json& o, const char* name, std::string_view db) {
  auto t = ParseDateTime(Str(o, name));
  if (!t.ok()) return t.status().Annotate("store " + std::string(db) + " record /" + name);
  return t;
}

}  // namespace

const char* StatusPurposeName(StatusPurpose purpose) {
  switch (purpose) {
    case StatusPurpose::kRevocation:
      return "revocation";
    case StatusPurpose::kSuspension:
      return "suspension";
  }
  return "?";
}

Result<StatusPurpose> ParseStatusPurpose(std::string_view name) {
  if (name == "revocation") return StatusPurpose::kRevocation;
  if (name == "suspension") return StatusPurpose::kSuspension;
  return Status::InvalidArgument("status purpose \"" + std::string(name.substr(0, 40)) +
                                 "\": expected revocation or suspension");
}

std::string EncodeCredentialRecord(const CredentialRecord& r) {
  json status = json::array();
  for (const auto& s : r.status)
    status.push_back({{"purpose", StatusPurposeName(s.purpose)}, {"list", s.list_id}, {"index", s.index}});
  json o = {{"id", r.id},           {"kind", r.kind},       {"subject", r.subject},
            {"status", status},     {"issuedAt", FormatDateTime(r.issued_at)},
            {"actor", r.actor},     {"suite", r.suite},     {"revoked", r.revoked},
            {"suspended", r.suspended}};
  if (!r.programme.empty()) o["programme"] = r.programme;
  if (!r.module.empty()) o["module"] = r.module;
  if (!r.trainee.empty()) o["trainee"] = r.trainee;
  if (!r.learner.empty()) o["learner"] = r.learner;
  if (!r.idempotency_key.empty()) o["idempotencyKey"] = r.idempotency_key;
  return DumpJson(o);
}

Result<CredentialRecord> DecodeCredentialRecord(std::string_view bytes) {
  PSL_ASSIGN_OR_RETURN(json o, ParseRecord(bytes, "credentials"));
  CredentialRecord r;
  r.id = Str(o, "id");
  if (r.id.empty()) return Status::Malformed("store credentials record: no id");
  r.kind = Str(o, "kind");
  r.subject = Str(o, "subject");
  r.programme = Str(o, "programme");
  r.module = Str(o, "module");
  r.trainee = Str(o, "trainee");
  r.learner = Str(o, "learner");
  r.actor = Str(o, "actor");
  r.suite = Str(o, "suite");
  r.idempotency_key = Str(o, "idempotencyKey");
  r.revoked = Bool(o, "revoked");
  r.suspended = Bool(o, "suspended");
  PSL_ASSIGN_OR_RETURN(r.issued_at, Time(o, "issuedAt", "credentials"));
  if (const json* st = FindMember(o, "status"); st != nullptr && st->is_array()) {
    for (const auto& s : *st) {
      if (!s.is_object()) return Status::Malformed("store credentials record: bad status slot");
      PSL_ASSIGN_OR_RETURN(StatusPurpose p, ParseStatusPurpose(Str(s, "purpose")));
      r.status.push_back({p, Str(s, "list"), U64(s, "index")});
    }
  }
  return r;
}

std::string EncodeStatusListMeta(const StatusListMeta& m) {
  return DumpJson({{"id", m.id},
                   {"purpose", StatusPurposeName(m.purpose)},
                   {"length", m.length},
                   {"reserved", m.reserved},
                   {"version", m.version},
                   {"created", FormatDateTime(m.created)}});
}

Result<StatusListMeta> DecodeStatusListMeta(std::string_view bytes) {
  PSL_ASSIGN_OR_RETURN(json o, ParseRecord(bytes, "status_lists"));
  StatusListMeta m;
  m.id = Str(o, "id");
  PSL_ASSIGN_OR_RETURN(m.purpose, ParseStatusPurpose(Str(o, "purpose")));
  m.length = U64(o, "length");
  m.reserved = U64(o, "reserved");
  m.version = U64(o, "version");
  PSL_ASSIGN_OR_RETURN(m.created, Time(o, "created", "status_lists"));
  if (m.id.empty() || m.length == 0 || m.length % 8 != 0)
    return Status::Malformed("store status_lists record: bad id or length");
  return m;
}

std::string EncodePublishedList(const PublishedList& p) {
  return DumpJson({{"version", p.version}, {"signedAt", FormatDateTime(p.signed_at)}, {"credential", p.credential}});
}

Result<PublishedList> DecodePublishedList(std::string_view bytes) {
  PSL_ASSIGN_OR_RETURN(json o, ParseRecord(bytes, "published_lists"));
  PublishedList p;
  p.version = U64(o, "version");
  PSL_ASSIGN_OR_RETURN(p.signed_at, Time(o, "signedAt", "published_lists"));
  p.credential = Str(o, "credential");
  return p;
}

std::string EncodeTokenRecord(const TokenRecord& t) {
  return DumpJson({{"id", t.id},
                   {"sha256", HexEncode(t.secret_hash)},
                   {"scopes", t.scopes},
                   {"label", t.label},
                   {"created", FormatDateTime(t.created)},
                   {"revoked", t.revoked}});
}

Result<TokenRecord> DecodeTokenRecord(std::string_view bytes) {
  PSL_ASSIGN_OR_RETURN(json o, ParseRecord(bytes, "tokens"));
  TokenRecord t;
  t.id = Str(o, "id");
  auto hash = HexDecode(Str(o, "sha256"));
  if (!hash.ok() || hash->size() != 32) return Status::Malformed("store tokens record: bad sha256");
  t.secret_hash = *hash;
  auto scopes = GetStringOrStrings(o, "scopes", "");
  if (!scopes.ok()) return scopes.status().Annotate("store tokens record");
  t.scopes = *scopes;
  t.label = Str(o, "label");
  t.revoked = Bool(o, "revoked");
  PSL_ASSIGN_OR_RETURN(t.created, Time(o, "created", "tokens"));
  return t;
}

std::string EncodeAuditEvent(const AuditEvent& e) {
  json o = {{"seq", e.seq}, {"at", FormatDateTime(e.at)}, {"action", e.action},
            {"subject", e.credential}, {"actor", e.actor}, {"prev", e.prev}};
  if (!e.detail.empty()) o["detail"] = e.detail;
  return DumpJson(o);
}

Result<AuditEvent> DecodeAuditEvent(std::string_view bytes) {
  PSL_ASSIGN_OR_RETURN(json o, ParseRecord(bytes, "audit"));
  AuditEvent e;
  e.seq = U64(o, "seq");
  PSL_ASSIGN_OR_RETURN(e.at, Time(o, "at", "audit"));
  e.action = Str(o, "action");
  e.credential = Str(o, "subject");
  e.actor = Str(o, "actor");
  e.detail = Str(o, "detail");
  e.prev = Str(o, "prev");
  return e;
}

}  // namespace passerelle::store
