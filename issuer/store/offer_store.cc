// Passerelle — offers, access tokens and c_nonces in the issuer store.
#include "issuer/store/offer_store.h"

#include <sodium.h>

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "formats/digest.h"
#include "formats/json.h"
#include "formats/multibase.h"

namespace passerelle::store {

using nlohmann::json;

namespace {

constexpr JsonLimits kRecordLimits{4 << 20, 16};

std::string RandomText(std::size_t bytes) {
  if (sodium_init() < 0) std::abort();  // libsodium cannot give randomness: nothing safe to do
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string text = EncodeBase64Url(raw);
  sodium_memzero(raw.data(), raw.size());
  return text;
}

std::string PinHash(std::string_view offer_id, std::string_view pin) {
  return Sha256(std::string(offer_id) + ":" + std::string(pin));
}

std::string Str(const json& o, const char* name) {
  const json* m = FindMember(o, name);
  return m != nullptr && m->is_string() ? m->get<std::string>() : std::string();
}

std::int64_t Int(const json& o, const char* name) {
  const json* m = FindMember(o, name);
  return m != nullptr && m->is_number_integer() ? m->get<std::int64_t>() : 0;
}

// Access-token record: {"offer": code hash (hex), "expires": seconds}.
std::string EncodeTokenRef(std::string_view code_hash, std::int64_t expires) {
  return DumpJson({{"offer", HexEncode(code_hash)}, {"expires", expires}});
}

}  // namespace

std::string EncodeOfferRecord(const OfferRecord& r) {
  json items = json::array();
  for (const auto& i : r.items)
    items.push_back({{"configuration", i.configuration},
                     {"credential", i.credential},
                     {"kind", i.kind},
                     {"programme", i.programme},
                     {"module", i.module},
                     {"issued", i.issued_id}});
  return DumpJson({{"id", r.id},
                   {"trainee", r.trainee},
                   {"suite", r.suite},
                   {"pin", HexEncode(r.pin_hash)},
                   {"failedPins", r.failed_pins},
                   {"redeemed", r.redeemed},
                   {"created", r.created.seconds},
                   {"expires", r.expires.seconds},
                   {"items", items}});
}

Result<OfferRecord> DecodeOfferRecord(std::string_view bytes) {
  auto parsed = ParseJson(bytes, kRecordLimits);
  if (!parsed.ok()) return parsed.status().Annotate("store offers record");
  const json& o = *parsed;
  if (!o.is_object()) return Status::Malformed("store offers record: not an object");
  OfferRecord r;
  r.id = Str(o, "id");
  r.trainee = Str(o, "trainee");
  r.suite = Str(o, "suite");
  PSL_ASSIGN_OR_RETURN(r.pin_hash, HexDecode(Str(o, "pin")));
  r.failed_pins = static_cast<int>(Int(o, "failedPins"));
  const json* redeemed = FindMember(o, "redeemed");
  r.redeemed = redeemed != nullptr && redeemed->is_boolean() && redeemed->get<bool>();
  r.created.seconds = Int(o, "created");
  r.expires.seconds = Int(o, "expires");
  const json* items = FindMember(o, "items");
  if (r.id.empty() || items == nullptr || !items->is_array() || items->empty())
    return Status::Malformed("store offers record: missing id or items");
  for (const json& i : *items) {
    if (!i.is_object()) return Status::Malformed("store offers record: an item is not an object");
    r.items.push_back(OfferItem{Str(i, "configuration"), Str(i, "credential"), Str(i, "kind"), Str(i, "programme"),
                                Str(i, "module"), Str(i, "issued")});
  }
  return r;
}

Status OfferStore::PutOffer(std::string_view code, std::string_view pin, OfferRecord record, std::string_view key,
                            std::string_view actor) {
  if (!pin.empty()) record.pin_hash = PinHash(record.id, pin);
  LmdbEnv& env = store_.env();
  std::string code_hash = Sha256(code);
  PSL_ASSIGN_OR_RETURN(Txn txn, env.BeginWrite());
  PSL_RETURN_IF_ERROR(txn.Put(env.Db(db::kOffers), code_hash, EncodeOfferRecord(record), MDB_NOOVERWRITE));
  // The offer's id finds its code hash (MarkIssued), and the key its id.
  PSL_RETURN_IF_ERROR(txn.Put(env.Db(db::kOfferKeys), "id:" + record.id, code_hash, MDB_NOOVERWRITE));
  if (!key.empty()) {
    Status put = txn.Put(env.Db(db::kOfferKeys), "key:" + std::string(key), record.id, MDB_NOOVERWRITE);
    if (put.code() == Code::kAlreadyExists)
      return Status::AlreadyExists("an offer for \"" + std::string(key) + "\" exists already");
    PSL_RETURN_IF_ERROR(put);
  }
  PSL_ASSIGN_OR_RETURN(AuditAppender audit, AuditAppender::Start(txn, env.Db(db::kAudit)));
  std::string detail = std::to_string(record.items.size()) + " credential(s), expires " + FormatDateTime(record.expires);
  if (!record.trainee.empty()) detail += ", trainee " + record.trainee;
  PSL_RETURN_IF_ERROR(
      audit.Append(txn, AuditEvent{0, record.created, "offer-create", record.id, std::string(actor), detail, ""}));
  return txn.Commit();
}

Result<std::optional<std::string>> OfferStore::FindOfferByKey(std::string_view key) const {
  LmdbEnv& env = store_.env();
  PSL_ASSIGN_OR_RETURN(Txn txn, env.BeginRead());
  PSL_ASSIGN_OR_RETURN(auto value, txn.Get(env.Db(db::kOfferKeys), "key:" + std::string(key)));
  if (!value) return std::optional<std::string>();
  return std::optional<std::string>(std::string(*value));
}

Result<RedeemOutcome> OfferStore::Redeem(std::string_view code, std::optional<std::string_view> pin, Timestamp now,
                                         std::int64_t token_seconds) {
  LmdbEnv& env = store_.env();
  RedeemOutcome out;
  std::string code_hash = Sha256(code);
  PSL_ASSIGN_OR_RETURN(Txn txn, env.BeginWrite());
  PSL_ASSIGN_OR_RETURN(auto value, txn.Get(env.Db(db::kOffers), code_hash));
  if (!value) {
    out.refusal = RedeemRefusal::kUnknownCode;
    return out;
  }
  PSL_ASSIGN_OR_RETURN(OfferRecord offer, DecodeOfferRecord(*value));
  out.offer_id = offer.id;
  if (offer.redeemed) {
    out.refusal = RedeemRefusal::kAlreadyUsed;
    return out;
  }
  if (now.seconds >= offer.expires.seconds) {
    out.refusal = RedeemRefusal::kExpired;
    return out;
  }
  if (offer.failed_pins >= kMaxPinAttempts) {
    out.refusal = RedeemRefusal::kLocked;
    return out;
  }
  if (!offer.pin_hash.empty()) {
    if (!pin) {
      out.refusal = RedeemRefusal::kPinMissing;
      return out;
    }
    std::string presented = PinHash(offer.id, *pin);
    if (offer.pin_hash.size() != presented.size() ||
        sodium_memcmp(presented.data(), offer.pin_hash.data(), presented.size()) != 0) {
      ++offer.failed_pins;
      out.tries_left = kMaxPinAttempts - offer.failed_pins;
      out.refusal = out.tries_left > 0 ? RedeemRefusal::kWrongPin : RedeemRefusal::kLocked;
      PSL_RETURN_IF_ERROR(txn.Put(env.Db(db::kOffers), code_hash, EncodeOfferRecord(offer)));
      PSL_ASSIGN_OR_RETURN(AuditAppender audit, AuditAppender::Start(txn, env.Db(db::kAudit)));
      PSL_RETURN_IF_ERROR(audit.Append(txn, AuditEvent{0, now, out.tries_left > 0 ? "offer-wrong-pin" : "offer-locked",
                                                       offer.id, "wallet", "", ""}));
      PSL_RETURN_IF_ERROR(txn.Commit());
      return out;
    }
  }
  offer.redeemed = true;
  PSL_RETURN_IF_ERROR(txn.Put(env.Db(db::kOffers), code_hash, EncodeOfferRecord(offer)));
  out.access_token = RandomText(32);
  out.token_expires = Timestamp{now.seconds + token_seconds, 0};
  PSL_RETURN_IF_ERROR(txn.Put(env.Db(db::kAccessTokens), Sha256(out.access_token),
                              EncodeTokenRef(code_hash, out.token_expires.seconds), MDB_NOOVERWRITE));
  PSL_ASSIGN_OR_RETURN(AuditAppender audit, AuditAppender::Start(txn, env.Db(db::kAudit)));
  PSL_RETURN_IF_ERROR(audit.Append(txn, AuditEvent{0, now, "offer-redeem", offer.id, "wallet", "", ""}));
  PSL_RETURN_IF_ERROR(txn.Commit());
  return out;
}

Result<OfferRecord> OfferStore::OfferForToken(std::string_view access_token, Timestamp now) const {
  static const Status kDenied = Status::PermissionDenied("the access token is not valid or has expired");
  LmdbEnv& env = store_.env();
  PSL_ASSIGN_OR_RETURN(Txn txn, env.BeginRead());
  PSL_ASSIGN_OR_RETURN(auto ref, txn.Get(env.Db(db::kAccessTokens), Sha256(access_token)));
  if (!ref) return kDenied;
  auto parsed = ParseJson(*ref, kRecordLimits);
  if (!parsed.ok() || !parsed->is_object()) return Status::Malformed("store access_tokens record: damaged");
  if (now.seconds >= Int(*parsed, "expires")) return kDenied;
  PSL_ASSIGN_OR_RETURN(std::string code_hash, HexDecode(Str(*parsed, "offer")));
  PSL_ASSIGN_OR_RETURN(auto value, txn.Get(env.Db(db::kOffers), code_hash));
  if (!value) return kDenied;
  return DecodeOfferRecord(*value);
}

Status OfferStore::MarkIssued(std::string_view offer_id, std::size_t index, std::string_view credential_id) {
  LmdbEnv& env = store_.env();
  PSL_ASSIGN_OR_RETURN(Txn txn, env.BeginWrite());
  PSL_ASSIGN_OR_RETURN(auto code_hash, txn.Get(env.Db(db::kOfferKeys), "id:" + std::string(offer_id)));
  if (!code_hash) return Status::NotFound("no offer \"" + std::string(offer_id) + "\"");
  std::string hash(*code_hash);
  PSL_ASSIGN_OR_RETURN(auto value, txn.Get(env.Db(db::kOffers), hash));
  if (!value) return Status::NotFound("no offer \"" + std::string(offer_id) + "\"");
  PSL_ASSIGN_OR_RETURN(OfferRecord offer, DecodeOfferRecord(*value));
  if (index >= offer.items.size()) return Status::NotFound("offer \"" + offer.id + "\" has no such item");
  offer.items[index].issued_id = std::string(credential_id);
  PSL_RETURN_IF_ERROR(txn.Put(env.Db(db::kOffers), hash, EncodeOfferRecord(offer)));
  return txn.Commit();
}

Result<std::vector<OfferRecord>> OfferStore::ListOffers() const {
  LmdbEnv& env = store_.env();
  PSL_ASSIGN_OR_RETURN(Txn txn, env.BeginRead());
  std::vector<std::string> hashes;
  PSL_RETURN_IF_ERROR(txn.ForEach(env.Db(db::kOfferKeys), "id:", [&](std::string_view k, std::string_view v) {
    if (k.rfind("id:", 0) != 0) return false;
    hashes.emplace_back(v);
    return true;
  }));
  std::vector<OfferRecord> out;
  for (const auto& h : hashes) {
    PSL_ASSIGN_OR_RETURN(auto value, txn.Get(env.Db(db::kOffers), h));
    if (!value) continue;
    PSL_ASSIGN_OR_RETURN(OfferRecord r, DecodeOfferRecord(*value));
    out.push_back(std::move(r));
  }
  return out;
}

// A c_nonce is base64url(expiry as u64 BE | 24 random bytes); the nonces
// database is keyed by those 32 bytes, so entries sort by expiry and the
// expired ones (issued, never used) are swept from the front.
namespace {
constexpr std::size_t kNonceBytes = 32;
constexpr int kSweepPerNonce = 16;
}  // namespace

Result<std::string> OfferStore::CreateNonce(Timestamp now, std::int64_t seconds) {
  if (sodium_init() < 0) return Status::Internal("libsodium failed to initialise");
  LmdbEnv& env = store_.env();
  std::string raw = EncodeU64(static_cast<std::uint64_t>(now.seconds + seconds));
  raw.resize(kNonceBytes);
  randombytes_buf(raw.data() + 8, kNonceBytes - 8);
  PSL_ASSIGN_OR_RETURN(Txn txn, env.BeginWrite());
  std::vector<std::string> expired;
  PSL_RETURN_IF_ERROR(txn.ForEach(env.Db(db::kNonces), "", [&](std::string_view k, std::string_view) {
    if (k.size() != kNonceBytes || static_cast<std::int64_t>(DecodeU64(k.substr(0, 8))) > now.seconds ||
        expired.size() >= kSweepPerNonce)
      return false;
    expired.emplace_back(k);
    return true;
  }));
  for (const auto& k : expired) PSL_RETURN_IF_ERROR(txn.Delete(env.Db(db::kNonces), k));
  PSL_RETURN_IF_ERROR(txn.Put(env.Db(db::kNonces), raw, "", MDB_NOOVERWRITE));
  PSL_RETURN_IF_ERROR(txn.Commit());
  return EncodeBase64Url(raw);
}

Result<bool> OfferStore::ConsumeNonce(std::string_view nonce, Timestamp now) {
  if (nonce.empty() || nonce.size() > 64) return false;
  auto raw = DecodeBase64Url(nonce);
  if (!raw.ok() || raw->size() != kNonceBytes) return false;
  LmdbEnv& env = store_.env();
  PSL_ASSIGN_OR_RETURN(Txn txn, env.BeginWrite());
  PSL_ASSIGN_OR_RETURN(auto value, txn.Get(env.Db(db::kNonces), *raw));
  if (!value) return false;
  bool fresh = static_cast<std::int64_t>(DecodeU64(std::string_view(*raw).substr(0, 8))) > now.seconds;
  PSL_RETURN_IF_ERROR(txn.Delete(env.Db(db::kNonces), *raw));
  PSL_RETURN_IF_ERROR(txn.Commit());
  return fresh;
}

}  // namespace passerelle::store
