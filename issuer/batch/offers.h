// Passerelle — offers for a cohort: `issuer batch --offers` (docs/claiming.md).
//
// For each trainee row without a DID, one OID4VCI offer standing for the
// credentials the row earns (a module credential per passed module, the
// certification when every mandatory module is passed), signed only when
// the trainee claims them with their wallet. Three files per trainee in the
// output folder, ready for a mail merge: ID.offer.txt (the offer URI),
// ID.offer.png (its QR code) and ID.pin (the PIN, to send separately; mode
// 0600). An offer is recorded under the key issuer|trainee|programme, so
// running the batch again makes no second offer. Not thread-safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "env/env.h"
#include "formats/data_integrity.h"
#include "formats/status.h"
#include "issuer/batch/batch_runner.h"
#include "issuer/batch/trainees.h"
#include "issuer/programme_files.h"
#include "issuer/service/issuer.h"

namespace passerelle::batch {

struct OfferBatchOptions {
  Cryptosuite suite = Cryptosuite::kEddsaRdfc2022;
  std::int64_t lifetime_seconds = 30 * 24 * 3600;
  std::string actor = "batch";
  // Renders the offer URI as a PNG QR code; empty: no PNG is written.
  std::function<Result<std::string>(std::string_view uri)> render_png;
  Env* env = &Env::Default();
};

struct OfferBatchSummary {
  std::size_t offers = 0;            // made now
  std::size_t already_offered = 0;   // made by an earlier run
  std::size_t nothing_earned = 0;    // rows that passed no module
  std::vector<BatchFailure> failures;
};

// Makes the offers for `rows` (each without a DID) through `issuer` (its
// store and public URL needed). Errors (stopped; offers made stay made):
// kIOError writing files or the store; kNotFound without a store.
Result<OfferBatchSummary> RunCohortOffers(const ProgrammeBundle& bundle, const std::vector<const TraineeRow*>& rows,
                                          const std::filesystem::path& out_dir, Issuer& issuer,
                                          const OfferBatchOptions& options);

// Writes the three files of one offer: DIR/ID.offer.txt, DIR/ID.offer.png
// (when `png` is not empty) and DIR/ID.pin (0600; when `pin` is not empty).
// Errors: kIOError naming the file.
Status WriteOfferFiles(Env& env, const std::filesystem::path& dir, const std::string& id, const std::string& uri,
                       const std::string& png, const std::string& pin);

}  // namespace passerelle::batch
