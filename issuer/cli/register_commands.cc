// Passerelle issuer CLI — `issuer list` (the register) and `issuer audit`.
#include <iostream>

#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "issuer/cli/commands.h"
#include "issuer/cli/node_setup.h"

namespace passerelle::cli {

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

int RunList(const ListArgs& args, std::ostream& out, std::ostream& err) {
  auto store = OpenExisting(args.common.dir);
  if (!store.ok()) {
    err << "issuer: error: " << store.status().message() << "\n";
    return 2;
  }
  nlohmann::json all = nlohmann::json::array();
  Status s = (*store)->ForEachCredential([&](const store::CredentialRecord& r) {
    const char* state = r.revoked ? "revoked" : (r.suspended ? "suspended" : "active");
    if (!args.json) {
      out << r.id << "  " << r.kind << "  " << state << "  " << FormatDateTime(r.issued_at)
          << (r.trainee.empty() ? "" : "  " + r.trainee) << (r.module.empty() ? "" : "  " + r.module) << "\n";
      return true;
    }
    nlohmann::json status = nlohmann::json::array();
    for (const auto& slot : r.status)
      status.push_back({{"purpose", store::StatusPurposeName(slot.purpose)}, {"list", slot.list_id}, {"index", slot.index}});
    all.push_back({{"id", r.id}, {"kind", r.kind}, {"state", state}, {"subject", r.subject},
                   {"programme", r.programme}, {"module", r.module}, {"trainee", r.trainee},
                   {"issuedAt", FormatDateTime(r.issued_at)}, {"actor", r.actor}, {"status", status}});
    return true;
  });
  if (!s.ok()) {
    err << "issuer: error: " << s.message() << "\n";
    return 2;
  }
  if (args.json) out << DumpJsonPretty(all) << "\n";
  return 0;
}

int RunAudit(const ListArgs& args, std::ostream& out, std::ostream& err) {
  auto store = OpenExisting(args.common.dir);
  if (!store.ok()) {
    err << "issuer: error: " << store.status().message() << "\n";
    return 2;
  }
  Status s = (*store)->ForEachAuditEvent([&](const store::AuditEvent& e) {
    out << store::EncodeAuditEvent(e) << "\n";
    return true;
  });
  if (!s.ok()) {
    err << "issuer: error: " << s.message() << "\n";
    return 2;
  }
  Status chain = (*store)->VerifyAuditChain();
  if (!chain.ok()) {
    err << "issuer: error: " << chain.message() << ": the audit log was altered\n";
    return 1;
  }
  err << "issuer: the audit log's hash chain is intact\n";
  return 0;
}

}  // namespace passerelle::cli
