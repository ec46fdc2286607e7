// Passerelle issuer CLI — `issuer list` (the register) and `issuer audit` (the log, signed checkpoints).
#include <iostream>

#include <nlohmann/json.hpp>

#include "env/env.h"
#include "formats/data_integrity.h"
#include "formats/json.h"
#include "formats/terminal_text.h"
#include "formats/vc_model.h"
#include "issuer/cli/commands.h"
#include "issuer/cli/node_setup.h"
#include "issuer/cli/unlock_issuer.h"
#include "issuer/credential_signer.h"
#include "issuer/issuer_dir.h"
#include "verifier/verifier.h"

namespace passerelle::cli {

using nlohmann::json;

namespace {

Result<std::unique_ptr<store::IssuerStore>> OpenExisting(const std::string& dir) {
  if (!store::IssuerStore::Exists(StoreDir(dir)))
    return Status::NotFound("\"" + dir + "\" has no store: nothing was issued through it yet");
  store::StoreOptions options;
  options.lmdb.read_only = true;
  auto s = store::IssuerStore::Open(StoreDir(dir), options);
  if (!s.ok()) return s.status();
  return s;
}

}  // namespace

namespace {

// Case-insensitive (ASCII letters; other text as written) substring test.
bool ContainsFolded(std::string_view text, std::string_view part) {
  auto fold = [](std::string_view in) {
    std::string s(in);
    for (char& c : s)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
  };
  return fold(text).find(fold(part)) != std::string::npos;
}

bool Selected(const ListArgs& args, const store::CredentialRecord& r) {
  if (args.module && r.module != *args.module && !(r.module.empty() && r.programme == *args.module)) return false;
  if (args.learner && !ContainsFolded(r.learner, *args.learner) && !ContainsFolded(r.subject, *args.learner) &&
      !ContainsFolded(r.trainee, *args.learner))
    return false;
  return true;
}

// Who received it, for a person reading the list: the name, else the DID.
std::string LearnerColumn(const store::CredentialRecord& r) {
  std::string who = r.learner.empty() ? r.subject : r.learner;
  if (who.empty()) who = "(no learner named)";
  if (!r.trainee.empty()) who += " [" + r.trainee + "]";
  return who;
}

}  // namespace

int RunList(const ListArgs& args, std::ostream& out, std::ostream& err) {
  auto store = OpenExisting(args.common.dir);
  if (!store.ok()) {
    Diag(err).Error(store.status());
    return 2;
  }
  nlohmann::json all = nlohmann::json::array();
  std::size_t shown = 0;
  Status s = (*store)->ForEachCredential([&](const store::CredentialRecord& r) {
    if (!Selected(args, r)) return true;
    ++shown;
    const char* state = r.revoked ? "revoked" : (r.suspended ? "suspended" : "active");
    if (!args.json) {
      // One line a credential: what, for whom, its state; names are the
      // learner's own text, so they reach the terminal sanitised.
      const std::string& what = r.module.empty() ? r.programme : r.module;
      out << r.id << "  " << r.kind << (what.empty() ? "" : " " + what) << "  " << state << "  "
          << FormatDateTime(r.issued_at).substr(0, 10) << "  " << SanitizeForTerminal(LearnerColumn(r)) << "\n";
      return true;
    }
    nlohmann::json status = nlohmann::json::array();
    for (const auto& slot : r.status)
      status.push_back({{"purpose", store::StatusPurposeName(slot.purpose)}, {"list", slot.list_id}, {"index", slot.index}});
    all.push_back({{"id", r.id}, {"kind", r.kind}, {"state", state}, {"learner", r.learner}, {"subject", r.subject},
                   {"programme", r.programme}, {"module", r.module}, {"trainee", r.trainee},
                   {"issuedAt", FormatDateTime(r.issued_at)}, {"actor", r.actor}, {"status", status}});
    return true;
  });
  if (!s.ok()) {
    Diag(err).Error(s);
    return 2;
  }
  if (args.json) out << DumpJsonPretty(all) << "\n";
  if (!args.json && shown == 0)
    err << "issuer: " << (args.learner || args.module ? "no credential matches" : "the register is empty") << "\n";
  return 0;
}

namespace {

constexpr std::string_view kCheckpointType = "AuditCheckpoint";

// A signed statement of the audit log's head: anyone holding it can later
// tell whether the log before it was rewritten, even by someone with the
// database and the key (who could re-chain it, but not change old checkpoints).
int SignCheckpoint(const AuditArgs& args, const store::IssuerStore& store, std::ostream& out, std::ostream& err) {
  auto head = store.AuditHeadAt();
  if (!head.ok()) {
    Diag(err).Error(head.status().message() + ": the audit log was altered");
    return 1;
  }
  auto unlocked = UnlockIssuer(args.common);
  if (!unlocked.ok()) {
    Diag(err).Error(unlocked.status());
    return 2;
  }
  const Timestamp now = Now();
  const std::string& did = unlocked->issuer.did;
  json checkpoint = {{"@context", {"https://www.w3.org/ns/credentials/v2"}},
                     {"type", {"VerifiableCredential", std::string(kCheckpointType)}},
                     {"issuer", did},
                     {"validFrom", FormatDateTime(now)},
                     {"credentialSubject", {{"id", did}, {"auditEntries", head->entries}, {"auditHead", head->hash}}}};
  auto signed_checkpoint =
      SignCredential(unlocked->issuer, unlocked->key, checkpoint, SignRequest{Cryptosuite::kEddsaJcs2022, now});
  if (!signed_checkpoint.ok()) {
    Diag(err).Error(signed_checkpoint.status());
    return 2;
  }
  out << DumpJsonPretty(*signed_checkpoint) << "\n";
  err << "issuer: checkpoint of " << head->entries << " audit entries signed\n";
  return 0;
}

int CheckAgainst(const std::string& file, const std::string& dir, const store::IssuerStore& store, std::ostream& out,
                 std::ostream& err) {
  constexpr std::size_t kMaxCheckpointBytes = 1 << 16;  // a checkpoint is under 1 KB
  auto text = Env::Default().ReadFileBounded(file, kMaxCheckpointBytes);
  if (!text.ok()) {
    Diag(err).Error(text.status());
    return 2;
  }
  auto issuer = OpenIssuerDir(dir);
  auto doc = ParseJson(*text, JsonLimits{kMaxCheckpointBytes, 16});
  if (!issuer.ok() || !doc.ok()) {
    Diag(err).Error(issuer.ok() ? doc.status() : issuer.status());
    return 2;
  }
  // Signed by this issuer (any of its keys, retired ones included).
  VerifyOptions options;
  options.trusted_issuers = {issuer->did};
  options.resolver.Add(issuer->Document());
  VerificationReport report = VerifyDocument(*doc, options);
  const json* subject = FindMember(*doc, "credentialSubject");
  const json* entries = subject != nullptr ? FindMember(*subject, "auditEntries") : nullptr;
  const json* hash = subject != nullptr ? FindMember(*subject, "auditHead") : nullptr;
  if (!report.verified || !HasType(*doc, kCheckpointType) || entries == nullptr || !entries->is_number_unsigned() ||
      hash == nullptr || !hash->is_string()) {
    Diag(err).Error("\"" + file + "\" is not an audit checkpoint signed by " + issuer->did +
                    (report.errors.empty() ? std::string() : ": " + report.errors.front().message));
    return 1;
  }
  const std::uint64_t n = entries->get<std::uint64_t>();
  auto head = n == 0 ? Result<store::IssuerStore::AuditHead>(store::IssuerStore::AuditHead{}) : store.AuditHeadAt(n);
  if (!head.ok() || head->hash != hash->get<std::string>()) {
    Diag(err).Error("the audit log no longer holds the " + std::to_string(n) + " entries this checkpoint saw" +
                    (head.ok() ? ": its history was rewritten" : ": " + head.status().message()));
    return 1;
  }
  auto now = store.AuditHeadAt();
  out << "the audit log still holds, unchanged, the " << n << " entries checkpointed ("
      << (now.ok() ? now->entries : n) << " now)\n";
  return 0;
}

}  // namespace

int RunAudit(const AuditArgs& args, std::ostream& out, std::ostream& err) {
  auto store = OpenExisting(args.common.dir);
  if (!store.ok()) {
    Diag(err).Error(store.status());
    return 2;
  }
  if (args.checkpoint) return SignCheckpoint(args, **store, out, err);
  if (args.against) return CheckAgainst(*args.against, args.common.dir, **store, out, err);
  Status s = (*store)->ForEachAuditEvent([&](const store::AuditEvent& e) {
    out << store::EncodeAuditEvent(e) << "\n";
    return true;
  });
  if (!s.ok()) {
    Diag(err).Error(s);
    return 2;
  }
  Status chain = (*store)->VerifyAuditChain();
  if (!chain.ok()) {
    Diag(err).Error(chain.message() + ": the audit log was altered");
    return 1;
  }
  err << "issuer: the audit log's hash chain is intact\n";
  return 0;
}

}  // namespace passerelle::cli
