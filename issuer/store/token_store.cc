// Passerelle — API tokens: created once, stored as a SHA-256 hash, checked
// in constant time.
//
// Token text: "psl_" + 16 hex digits (the token id, public, logged) + "_" +
// 43 base64url characters (32 random bytes, the secret). Only SHA-256 of the
// secret part is stored.
#include <sodium.h>

#include <algorithm>

#include "formats/digest.h"
#include "formats/multibase.h"
#include "issuer/store/store.h"

namespace passerelle::store {

namespace {

constexpr std::string_view kPrefix = "psl_";
constexpr std::size_t kIdHex = 16, kSecretChars = 43;
const std::vector<std::string> kScopes = {"issue", "status", "admin"};

struct TokenParts {
  std::string_view id, secret;
};

std::optional<TokenParts> SplitToken(std::string_view token) {
  if (token.size() != kPrefix.size() + kIdHex + 1 + kSecretChars || token.substr(0, kPrefix.size()) != kPrefix ||
      token[kPrefix.size() + kIdHex] != '_')
    return std::nullopt;
  TokenParts p{token.substr(kPrefix.size(), kIdHex), token.substr(kPrefix.size() + kIdHex + 1)};
  for (char c : p.id)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
  return p;
}

}  // namespace

Result<std::string> IssuerStore::CreateToken(const std::vector<std::string>& scopes, std::string_view label,
                                             std::string_view actor, Timestamp now) {
  if (scopes.empty()) return Status::InvalidArgument("a token needs at least one scope (issue, status, admin)");
  for (const auto& s : scopes)
    if (std::find(kScopes.begin(), kScopes.end(), s) == kScopes.end())
      return Status::InvalidArgument("unknown scope \"" + s.substr(0, 40) + "\": expected issue, status or admin");
  if (sodium_init() < 0) return Status::Internal("libsodium failed to initialise");
  unsigned char id_bytes[kIdHex / 2], secret_bytes[32];
  randombytes_buf(id_bytes, sizeof id_bytes);
  randombytes_buf(secret_bytes, sizeof secret_bytes);
  TokenRecord t;
  t.id = HexEncode(std::string_view(reinterpret_cast<char*>(id_bytes), sizeof id_bytes));
  std::string secret = EncodeBase64Url(std::string_view(reinterpret_cast<char*>(secret_bytes), sizeof secret_bytes));
  sodium_memzero(secret_bytes, sizeof secret_bytes);
  t.secret_hash = Sha256(secret);
  t.scopes = scopes;
  std::sort(t.scopes.begin(), t.scopes.end());
  t.scopes.erase(std::unique(t.scopes.begin(), t.scopes.end()), t.scopes.end());
  t.label = std::string(label);
  t.created = now;
  PSL_ASSIGN_OR_RETURN(Txn txn, env_->BeginWrite());
  PSL_RETURN_IF_ERROR(txn.Put(env_->Db(db::kTokens), t.id, EncodeTokenRecord(t), MDB_NOOVERWRITE));
  PSL_ASSIGN_OR_RETURN(AuditAppender audit, AuditAppender::Start(txn, env_->Db(db::kAudit)));
  std::string detail = "scopes";
  for (const auto& s : t.scopes) detail += " " + s;
  PSL_RETURN_IF_ERROR(audit.Append(txn, AuditEvent{0, now, "token-create", t.id, std::string(actor), detail, ""}));
  PSL_RETURN_IF_ERROR(txn.Commit());
  std::string text = std::string(kPrefix) + t.id + "_" + secret;
  sodium_memzero(secret.data(), secret.size());
  return text;
}

Result<TokenRecord> IssuerStore::Authenticate(std::string_view token) const {
  static const Status kDenied = Status::PermissionDenied("the bearer token is not valid");
  auto parts = SplitToken(token);
  if (!parts) return kDenied;
  PSL_ASSIGN_OR_RETURN(Txn txn, env_->BeginRead());
  PSL_ASSIGN_OR_RETURN(auto value, txn.Get(env_->Db(db::kTokens), parts->id));
  std::string presented = Sha256(parts->secret);
  if (!value) {
    // Same work as a known id, so timing does not tell ids apart.
    std::string dummy(32, '\0');
    [[maybe_unused]] const int same = sodium_memcmp(presented.data(), dummy.data(), 32);
    return kDenied;
  }
  PSL_ASSIGN_OR_RETURN(TokenRecord record, DecodeTokenRecord(*value));
  if (sodium_memcmp(presented.data(), record.secret_hash.data(), 32) != 0 || record.revoked) return kDenied;
  return record;
}

Result<std::vector<TokenRecord>> IssuerStore::ListTokens() const {
  PSL_ASSIGN_OR_RETURN(Txn txn, env_->BeginRead());
  std::vector<TokenRecord> out;
  Status inner;
  PSL_RETURN_IF_ERROR(txn.ForEach(env_->Db(db::kTokens), "", [&](std::string_view, std::string_view v) {
    auto t = DecodeTokenRecord(v);
    if (!t.ok()) {
      inner = t.status();
      return false;
    }
    out.push_back(std::move(*t));
    return true;
  }));
  PSL_RETURN_IF_ERROR(inner);
  return out;
}

Status IssuerStore::RevokeToken(std::string_view token_id, std::string_view actor, Timestamp now) {
  PSL_ASSIGN_OR_RETURN(Txn txn, env_->BeginWrite());
  PSL_ASSIGN_OR_RETURN(auto value, txn.Get(env_->Db(db::kTokens), token_id));
  if (!value) return Status::NotFound("no token with id \"" + std::string(token_id.substr(0, 40)) + "\"");
  PSL_ASSIGN_OR_RETURN(TokenRecord t, DecodeTokenRecord(*value));
  if (t.revoked) return Status::Ok();
  t.revoked = true;
  PSL_RETURN_IF_ERROR(txn.Put(env_->Db(db::kTokens), t.id, EncodeTokenRecord(t)));
  PSL_ASSIGN_OR_RETURN(AuditAppender audit, AuditAppender::Start(txn, env_->Db(db::kAudit)));
  PSL_RETURN_IF_ERROR(audit.Append(txn, AuditEvent{0, now, "token-revoke", t.id, std::string(actor), "", ""}));
  return txn.Commit();
}

}  // namespace passerelle::store
