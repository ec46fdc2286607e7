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

Result<IssuerStore::AuditHead> IssuerStore::AuditHeadAt(std::optional<std::uint64_t> seq) const {
  PSL_ASSIGN_OR_RETURN(Txn txn, env_->BeginRead());
  AuditHead head;
  std::uint64_t expected = 1;
  Status inner;
  PSL_RETURN_IF_ERROR(txn.ForEach(env_->Db(db::kAudit), "", [&](std::string_view k, std::string_view v) {
    auto e = DecodeAuditEvent(v);
    const std::uint64_t at = k.size() == 8 ? DecodeU64(k) : 0;
    if (!e.ok() || k.size() != 8 || at != expected || e->seq != at || e->prev != head.hash) {
      inner = Status::VerificationFailed("audit log entry " + std::to_string(at) +
                                         " does not follow from the entry before it");
      return false;
    }
    head.hash = Sha256Hex(v);
    head.entries = at;
    ++expected;
    return !seq || at < *seq;
  }));
  PSL_RETURN_IF_ERROR(inner);
  if (seq && head.entries != *seq)
    return Status::NotFound("the audit log has " + std::to_string(head.entries) + " entries, not " +
                            std::to_string(*seq));
  return head;
}

Status IssuerStore::VerifyAuditChain() const { return AuditHeadAt().status(); }

}  // namespace passerelle::store
