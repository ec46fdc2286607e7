// Passerelle — the issuer service: opening it, status changes, status-list
// documents, key rotation and register reads (issuing is in issue.cc).
#include "issuer/service/issuer.h"

#include "issuer/service/signing_identity.h"
#include "keys/did_document.h"
#include "issuer/status/slot_pool.h"
#include "issuer/store/group_commit.h"

namespace passerelle {

namespace {

Status CheckHttpUrl(const std::string& url) {
  bool http = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
  if (!http || url.find_first_of("?# \t\r\n") != std::string::npos)
    return Status::InvalidArgument("public URL \"" + url.substr(0, 200) +
                                   "\" must be an http(s) URL without query or fragment");
  return Status::Ok();
}

store::StatusChange ChangeFor(CredentialState state) {
  switch (state) {
    case CredentialState::kRevoked: return {store::StatusPurpose::kRevocation, true};
    case CredentialState::kSuspended: return {store::StatusPurpose::kSuspension, true};
    case CredentialState::kActive: return {store::StatusPurpose::kSuspension, false};
  }
  return {store::StatusPurpose::kSuspension, false};
}

}  // namespace

Result<std::unique_ptr<Issuer>> OpenIssuer(IssuerOptions options) {
  if (options.env == nullptr) return Status::InvalidArgument("open issuer: no Env");
  std::string url = std::move(options.public_url);
  while (!url.empty() && url.back() == '/') url.pop_back();
  if (!url.empty()) PSL_RETURN_IF_ERROR(CheckHttpUrl(url));

  std::unique_ptr<Issuer> issuer(new Issuer());
  issuer->env_ = options.env;
  issuer->public_url_ = std::move(url);
  PSL_ASSIGN_OR_RETURN(issuer->folder_, OpenIssuerDir(options.dir));
  // The key before the store: a wrong passphrase is refused before the store is touched.
  if (options.passphrase) {
    PSL_ASSIGN_OR_RETURN(issuer->signer_,
                         SigningIdentity::Open(options.dir, std::move(*options.passphrase), options.key_recheck));
  }
  std::filesystem::path store_dir = options.dir / "store";
  bool open_store = options.store == StoreUse::kOpenOrCreate ||
                    (options.store == StoreUse::kOpenIfExists && store::IssuerStore::Exists(store_dir));
  if (!open_store) return issuer;
  PSL_ASSIGN_OR_RETURN(issuer->store_, store::IssuerStore::Open(store_dir));
  issuer->slots_ = std::make_unique<SlotPool>(*issuer->store_, options.slot_chunk);
  issuer->max_group_ = options.max_group;
  if (issuer->signer_ == nullptr) return issuer;
  PublisherOptions publisher_options;
  publisher_options.suite = options.list_suite;
  publisher_options.public_base_url = issuer->public_url_;
  issuer->publisher_ =
      std::make_unique<StatusListPublisher>(*issuer->store_, *issuer->signer_, std::move(publisher_options));
  return issuer;
}

// Members go in reverse order: the committer commits what is queued while
// the store is still open.
Issuer::~Issuer() = default;

Status Issuer::NeedStore() const {
  if (store_ == nullptr) return Status::NotFound("this issuer has no store: it keeps no register or status lists");
  return Status::Ok();
}

Status Issuer::NeedKey() const {
  if (signer_ == nullptr) return Status::PermissionDenied("this issuer was opened without its key's passphrase");
  return Status::Ok();
}

Result<store::StatusChangeOutcome> Issuer::SetStatus(std::string_view credential_id, CredentialState state,
                                                     std::string_view actor) {
  PSL_RETURN_IF_ERROR(NeedStore());
  return store_->ApplyStatusChange(credential_id, ChangeFor(state), actor, env_->Now());
}

Result<SignedList> Issuer::StatusList(std::string_view list_id) {
  PSL_RETURN_IF_ERROR(NeedStore());
  PSL_RETURN_IF_ERROR(NeedKey());
  return publisher_->Get(list_id);
}

Result<SignedList> Issuer::PublishStatusList(std::string_view list_id) {
  PSL_RETURN_IF_ERROR(NeedStore());
  PSL_RETURN_IF_ERROR(NeedKey());
  return publisher_->Publish(list_id);
}

Result<IssuerDir> Issuer::RotateKey(const KdfParams& kdf) {
  PSL_RETURN_IF_ERROR(NeedKey());
  return signer_->Rotate(env_->Now(), kdf, *env_);
}

Result<std::vector<std::string>> Issuer::StatusListIds() const {
  PSL_RETURN_IF_ERROR(NeedStore());
  PSL_ASSIGN_OR_RETURN(auto lists, store_->ListStatusLists());
  std::vector<std::string> ids;
  for (const auto& l : lists) ids.push_back(l.id);
  return ids;
}

nlohmann::json Issuer::DidDocumentJson() const { return DidDocumentToJson(folder().Document()); }

IssuerDir Issuer::folder() const { return signer_ != nullptr ? signer_->Current()->issuer : folder_; }

Result<store::CredentialRecord> Issuer::FindCredential(std::string_view id) const {
  PSL_RETURN_IF_ERROR(NeedStore());
  return store_->FindCredential(id);
}

Result<std::optional<std::string>> Issuer::FindByIdempotencyKey(std::string_view key) const {
  PSL_RETURN_IF_ERROR(NeedStore());
  return store_->FindByIdempotencyKey(key);
}

Result<std::string> Issuer::FindDocument(std::string_view id) const {
  PSL_RETURN_IF_ERROR(NeedStore());
  return store_->FindDocument(id);
}

}  // namespace passerelle
