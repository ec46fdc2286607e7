// Passerelle — reading and checking the audit log.
#include "formats/digest.h"
#include "issuer/store/store.h"

namespace passerelle::store {

Status IssuerStore::ForEachAuditEvent(const std::function<bool(const AuditEvent&)>& fn) const {
  PSL_ASSIGN_OR_RETURN(Txn txn, env_->BeginRead());
  Status inner;
  PSL_RETURN_IF_ERROR(txn.ForEach(env_->Db(db::kAudit), "", [&](std::string_view, std::string_view v) {
    auto e = DecodeAuditEvent(v);
    if (!e.ok()) {
      inner = e.status();
      return false;
    }
    return fn(*e);
  }));
  return inner;
}

Status IssuerStore::VerifyAuditChain() const {
  PSL_ASSIGN_OR_RETURN(Txn txn, env_->BeginRead());
  std::string prev_hash;
  std::uint64_t expected = 1;
  Status inner;
  PSL_RETURN_IF_ERROR(txn.ForEach(env_->Db(db::kAudit), "", [&](std::string_view k, std::string_view v) {
    auto e = DecodeAuditEvent(v);
    std::uint64_t seq = DecodeU64(k);
    if (!e.ok() || k.size() != 8 || seq != expected || e->seq != seq || e->prev != prev_hash) {
      inner = Status::VerificationFailed("audit log entry " + std::to_string(seq) +
                                         " does not follow from the entry before it");
      return false;
    }
    prev_hash = Sha256Hex(v);
    ++expected;
    return true;
  }));
  return inner;
}

}  // namespace passerelle::store
