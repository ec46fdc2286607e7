// Passerelle — a cohort's offers.
#include "issuer/batch/offers.h"

#include "issuer/batch/credentials.h"
#include "issuer/service/claims.h"

namespace passerelle::batch {

using nlohmann::json;

Status WriteOfferFiles(Env& env, const std::filesystem::path& dir, const std::string& id, const std::string& uri,
                       const std::string& png, const std::string& pin) {
  PSL_RETURN_IF_ERROR(env.CreateDirectories(dir));
  PSL_RETURN_IF_ERROR(env.WriteFileAtomic(dir / (id + ".offer.txt"), uri + "\n", WriteOptions{0644, Durability::kSynced}));
  if (!png.empty())
    PSL_RETURN_IF_ERROR(env.WriteFileAtomic(dir / (id + ".offer.png"), png, WriteOptions{0644, Durability::kSynced}));
  if (!pin.empty())
    PSL_RETURN_IF_ERROR(env.WriteFileAtomic(dir / (id + ".pin"), pin + "\n", WriteOptions{0600, Durability::kSynced}));
  return Status::Ok();
}

Result<OfferBatchSummary> RunCohortOffers(const ProgrammeBundle& bundle, const std::vector<const TraineeRow*>& rows,
                                          const std::filesystem::path& out_dir, Issuer& issuer,
                                          const OfferBatchOptions& options) {
  if (!issuer.has_store()) return Status::NotFound("batch: this issuer has no store to keep offers in");
  OfferBatchSummary summary;
  IssuerDir folder = issuer.folder();
  IssuerIdentity identity{folder.did, folder.name, folder.country};
  const Programme& programme = bundle.programme;
  store::OfferStore offers(*issuer.store());
  for (const TraineeRow* row : rows) {
    std::string key = IdempotencyKey(folder.did, row->trainee_id, programme.code) + "|offer";
    PSL_ASSIGN_OR_RETURN(auto existing, offers.FindOfferByKey(key));
    if (existing) {
      ++summary.already_offered;
      continue;
    }
    OfferRequest request;
    request.programme = programme.code;
    request.trainee = row->trainee_id;
    request.suite = options.suite;
    request.lifetime_seconds = options.lifetime_seconds;
    request.key = key;
    request.actor = options.actor;
    std::vector<std::string> module_ids;
    Status failed;
    for (const auto& g : row->grades) {
      if (!g.passed) continue;
      std::string id = NewCredentialId();
      auto credential = BuildRowModuleCredential(programme, identity, *row, g, id);
      if (!credential.ok()) {
        failed = credential.status();
        break;
      }
      request.credentials.push_back(std::move(*credential));
      request.modules.push_back(g.module);
      module_ids.push_back(id);
    }
    if (failed.ok() && EarnsCertification(*row, programme)) {
      auto cert = BuildRowCertification(programme, identity, *row, module_ids, NewCredentialId());
      if (cert.ok()) {
        request.credentials.push_back(std::move(*cert));
        request.modules.push_back("");
      } else {
        failed = cert.status();
      }
    }
    if (!failed.ok()) {
      summary.failures.push_back({row->line, row->trainee_id, programme.code, failed.message()});
      continue;
    }
    if (request.credentials.empty()) {
      ++summary.nothing_earned;
      continue;
    }
    // The files first, then the record: a crash in between leaves files a
    // re-run replaces, never a recorded offer nobody holds the PIN of.
    request.deliver = [&](const CreatedOffer& made) -> Status {
      std::string png;
      if (options.render_png) {
        auto rendered = options.render_png(made.uri);
        if (!rendered.ok()) return rendered.status().Annotate("QR code of " + row->trainee_id + "'s offer");
        png = std::move(*rendered);
      }
      return WriteOfferFiles(*options.env, out_dir, row->trainee_id, made.uri, png, made.pin);
    };
    auto made = CreateOffer(issuer, std::move(request));
    if (!made.ok()) {
      if (made.status().code() == Code::kIOError || made.status().code() == Code::kResourceExhausted ||
          made.status().code() == Code::kInternal)
        return made.status();
      summary.failures.push_back({row->line, row->trainee_id, programme.code, made.status().message()});
      continue;
    }
    ++summary.offers;
  }
  return summary;
}

}  // namespace passerelle::batch
