// Passerelle — the issuer service's issuing verbs: one credential (Issue,
// through the group committer) and the two halves of a batch.
#include <utility>

#include "formats/json.h"
#include "issuer/service/issuer.h"
#include "issuer/service/signing_identity.h"
#include "issuer/status/slot_pool.h"
#include "issuer/store/group_commit.h"

namespace passerelle {

IssuanceContext Issuer::Context() const {
  return IssuanceContext{signer_.get(), slots_.get(), public_url_, env_};
}

Result<nlohmann::json> Issuer::Issue(IssueRequest request, IssueStep* failed_at) {
  IssueStep ignored;
  IssueStep& step = failed_at != nullptr ? *failed_at : ignored;
  step = IssueStep::kPrepare;
  PSL_RETURN_IF_ERROR(NeedStore());
  PSL_RETURN_IF_ERROR(NeedKey());
  // Refuse a known id before spending status indexes on it.
  if (const nlohmann::json* id = FindMember(request.credential, "id"); id != nullptr && id->is_string()) {
    if (store_->FindCredential(id->get<std::string>()).ok())
      return Status::AlreadyExists("\"" + id->get<std::string>() +
                                   "\" was already issued; a credential id names one credential");
  }
  PSL_ASSIGN_OR_RETURN(std::unique_ptr<SignedIssuance> issued, SignForBatch(std::move(request)));
  step = IssueStep::kCommit;
  std::call_once(committer_once_, [this] { committer_ = std::make_unique<GroupCommitter>(*store_, max_group_); });
  PSL_RETURN_IF_ERROR(committer_->Commit(issued->pending));
  return std::move(issued->credential);
}

Result<std::unique_ptr<SignedIssuance>> Issuer::SignForBatch(IssueRequest request) {
  PSL_RETURN_IF_ERROR(NeedStore());
  PSL_RETURN_IF_ERROR(NeedKey());
  if (request.with_status && public_url_.empty())
    return Status::InvalidArgument("this issuer has no public URL for its status lists");
  return SignForIssuance(Context(), std::move(request));
}

Status Issuer::CommitBatch(std::vector<store::PendingIssuance*>& items) {
  PSL_RETURN_IF_ERROR(NeedStore());
  return store_->CommitIssuances(items);
}

Status Issuer::PrefetchSlots(std::size_t credentials) {
  PSL_RETURN_IF_ERROR(NeedStore());
  return slots_->Prefetch(credentials);
}

}  // namespace passerelle
