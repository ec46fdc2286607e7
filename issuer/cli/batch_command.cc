// Passerelle issuer CLI — `issuer batch`: a cohort from a CSV.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "env/env.h"
#include "formats/json.h"
#include "formats/terminal_text.h"
#include "issuer/batch/batch_runner.h"
#include "issuer/batch/offers.h"
#include "issuer/batch/progress.h"
#include "issuer/cli/commands.h"
#include "issuer/cli/node_setup.h"
#include "issuer/cli/offer_output.h"
#include "issuer/cli/unlock_issuer.h"

namespace passerelle::cli {

namespace {

constexpr std::size_t kMaxCsvBytes = 64u << 20;  // ParseCsv's own cap

nlohmann::json SummaryJson(const batch::BatchSummary& s, const std::vector<batch::RowError>& rows) {
  nlohmann::json bad = nlohmann::json::array(), failures = nlohmann::json::array();
  for (const auto& e : rows) bad.push_back({{"line", e.line}, {"column", e.column}, {"message", e.message}});
  for (const auto& f : s.failures)
    failures.push_back({{"line", f.line}, {"trainee", f.trainee}, {"code", f.code}, {"message", f.message}});
  return {{"rows", s.rows},
          {"badRows", bad},
          {"credentials", s.credentials},
          {"issued", s.issued()},
          {"issuedModules", s.issued_modules},
          {"issuedCertifications", s.issued_certifications},
          {"alreadyIssued", s.already_issued},
          {"filesRestored", s.files_restored},
          {"failures", failures},
          {"seconds", s.seconds}};
}

}  // namespace

int RunBatch(const BatchArgs& args, std::ostream& out, std::ostream& err) {
  auto fail = [&](const Status& s) {
    Diag(err).Error(s);
    return 2;
  };
  auto suite = ParseCryptosuite(args.suite);
  if (!suite.ok()) return fail(suite.status().Annotate("--suite"));
  if (args.threads < 1 || args.threads > 64) return fail(Status::InvalidArgument("--threads must be 1 to 64"));
  auto bundle = LoadProgrammeBundle(args.programme, args.grading_scales.value_or(""));
  if (!bundle.ok()) return fail(bundle.status());
  auto text = Env::Default().ReadFileBounded(args.csv, kMaxCsvBytes);
  if (!text.ok()) return fail(text.status());
  auto table = batch::ReadTrainees(*text, *bundle);
  if (!table.ok()) return fail(table.status().Annotate("\"" + args.csv + "\""));
  auto issuer = OpenIssuerDir(args.common.dir);
  if (!issuer.ok()) return fail(issuer.status());
  auto store = OpenNodeStore(args.common.dir);
  if (!store.ok()) return fail(store.status());
  auto public_url = ResolvePublicUrl(**store, *issuer, args.public_url, err);
  if (!public_url.ok()) return fail(public_url.status());
  store->reset();  // the URL is settled; the Issuer opens the store again

  // Bad rows first: they are the operator's to fix while the rest goes on.
  std::string csv_name = std::filesystem::path(args.csv).filename().string();
  for (const auto& e : table->errors)
    Diag(err).Error(csv_name + ":" + std::to_string(e.line) + ": column \"" + e.column + "\": " + e.message);

  IssuerOptions node_options;
  node_options.public_url = *public_url;
  node_options.slot_chunk = 2048;
  auto node = OpenCliIssuer(args.common, std::move(node_options));
  if (!node.ok()) return fail(node.status());
  // --offers: rows without a DID become offers; only rows with one are issued now.
  std::optional<batch::OfferBatchSummary> offered;
  batch::TraineeTable direct = *table;
  if (args.offers) {
    auto lifetime = ParseOfferLifetime(args.offer_expires_in);
    if (!lifetime.ok()) return fail(lifetime.status());
    std::vector<const batch::TraineeRow*> without_did;
    direct.rows.clear();
    for (const auto& row : table->rows) {
      if (row.did) direct.rows.push_back(row);
      else without_did.push_back(&row);
    }
    batch::OfferBatchOptions offer_options;
    offer_options.suite = *suite;
    offer_options.lifetime_seconds = *lifetime;
    offer_options.render_png = [](std::string_view uri) { return RenderOfferPng(uri); };
    auto made = batch::RunCohortOffers(*bundle, without_did, args.out, **node, offer_options);
    if (!made.ok()) return fail(made.status().Annotate("offers stopped (offers made stay made; run it again)"));
    for (const auto& f : made->failures)
      Diag(err).Error(csv_name + ":" + std::to_string(f.line) + ": " + f.trainee + " offer: " + f.message);
    err << "issuer: batch: " << made->offers << " offers made in " << args.out << " (ID.offer.txt, ID.offer.png, "
        << "ID.pin; send each PIN separately); " << made->already_offered << " already offered";
    if (made->nothing_earned > 0) err << "; " << made->nothing_earned << " trainees earned nothing to offer";
    err << "\n";
    offered = std::move(*made);
  }
  batch::ProgressBar progress(err, ::isatty(STDERR_FILENO) == 1, "issuer: issuing");
  batch::BatchOptions options;
  options.suite = *suite;
  options.threads = args.threads;
  options.progress = &progress;
  auto summary = batch::RunCohortBatch(*bundle, direct, args.out, **node, options);
  if (!summary.ok()) return fail(summary.status().Annotate("batch stopped (what was committed stays issued; run it again)"));

  for (const auto& f : summary->failures)
    Diag(err).Error(csv_name + ":" + std::to_string(f.line) + ": " + f.trainee + " " + f.code + ": " + f.message);
  char rate[64] = "";
  if (summary->issued() > 0 && summary->seconds > 0)
    std::snprintf(rate, sizeof rate, " (%.0f/s)", static_cast<double>(summary->issued()) / summary->seconds);
  err << "issuer: batch: " << summary->rows << " rows (" << table->errors.size() << " rejected); issued "
      << summary->issued() << " credentials" << rate << ": " << summary->issued_modules << " module, "
      << summary->issued_certifications << " certification; " << summary->already_issued << " already issued";
  if (summary->files_restored > 0) err << "; " << summary->files_restored << " files restored from the register";
  if (!summary->failures.empty()) err << "; " << summary->failures.size() << " failed";
  err << "\n";
  if (args.json) {
    nlohmann::json report = SummaryJson(*summary, table->errors);
    if (offered) {
      report["offers"] = offered->offers;
      report["alreadyOffered"] = offered->already_offered;
      report["offerFailures"] = offered->failures.size();
    }
    out << DumpJsonPretty(report) << "\n";
  }
  if (!summary->failures.empty() || (offered && !offered->failures.empty())) return 2;
  return table->errors.empty() ? 0 : 1;
}

}  // namespace passerelle::cli
